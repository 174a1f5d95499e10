// CONV_2D on sparse weights for the Arm DSP cores (Cortex-M4, M7, M33): four output pixels at
// once, so every weight pair decoded feeds eight multiply-accumulates. The four pixels'
// receptive fields are gathered into one patch of int16, interleaved by pixel
// (patch[k * 4 + i] = input tap k of pixel i, padded taps zp_in), so one LDRD loads a tap of
// all four and the DSP's halfword multiplies (SMLABB/SMLATB/SMLABT/SMLATT) take the two weights
// of an entry word (SXTB16) without unpacking: 18 instructions per pair (8 MACs), against 8 per
// pair (2 MACs) of the one-pixel walk (sparse_dot.hpp). A range whose pixel count is not a
// multiple of four computes its last group over a repeated pixel and stores only its own.
// Same entries, folded bias and requantization as the portable sparse kernel: bit-exact with it.
// The patch lives on the stack: layers whose patch would exceed max_patch_bytes take the
// one-pixel walk (conv2d_s8.hpp).
#pragma once

#include <cstdint>
#include <iterator>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/portable/detail/channel_plan.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/zero_point_folding.hpp"
#if CTNN_KERNELS_ARM_DSP
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"
#endif

namespace ctnn::kernels::weight_forms {

inline constexpr int max_patch_bytes = 2048;

template <class Spec>
inline constexpr bool four_pixel_patch_fits =
    Spec::geometry.kernel_h * Spec::geometry.kernel_w * Spec::geometry.in_c * 8 <= max_patch_bytes;

#if CTNN_KERNELS_ARM_DSP
// The Arm kernels' requantization (about six instructions an output: arm_dsp/detail/requantize.hpp),
// its overflow checks from the channels' accumulator ranges.
template <class Spec>
inline constexpr auto four_pixel_requant = [] {
    constexpr conv_geometry g = Spec::geometry;
    constexpr auto& sums = channel_sums<Spec, g.out_c, portable::detail::ohwi_layout(g)>;
    return arm_dsp::detail::make_requant_table<g.out_c>(
        g.out_c, [](int c) { return Spec::requant[c]; },
        [](int c) { return arm_dsp::detail::channel_acc_range(sums[std::size_t(c)], Spec::bias[c], g.input_zero_point); },
        g.output_zero_point, g.act_min, g.act_max);
}();

// acc[0..3] + the channel's entries (pairs words from e) over the interleaved patch x.
[[gnu::always_inline]] inline void sparse_dot4(const std::uint32_t* e, int pairs, const std::int16_t* x,
                                               std::int32_t& a0, std::int32_t& a1, std::int32_t& a2, std::int32_t& a3) noexcept {
    if (pairs == 0) return;
    const std::uint32_t* const end = e + pairs;
    std::uint32_t t, s, w, p01, p23;
    __asm__("1:\n\t"
            "ldr %[t], [%[e]], #4\n\t"
            "sxtb16 %[w], %[t]\n\t"
            "ubfx %[s], %[t], #8, #8\n\t"
            "add %[x], %[x], %[s], lsl #3\n\t"
            "ldrd %[p01], %[p23], [%[x]]\n\t"
            "smlabb %[a0], %[p01], %[w], %[a0]\n\t"
            "smlatb %[a1], %[p01], %[w], %[a1]\n\t"
            "smlabb %[a2], %[p23], %[w], %[a2]\n\t"
            "smlatb %[a3], %[p23], %[w], %[a3]\n\t"
            "lsr %[s], %[t], #24\n\t"
            "add %[x], %[x], %[s], lsl #3\n\t"
            "ldrd %[p01], %[p23], [%[x]]\n\t"
            "smlabt %[a0], %[p01], %[w], %[a0]\n\t"
            "smlatt %[a1], %[p01], %[w], %[a1]\n\t"
            "smlabt %[a2], %[p23], %[w], %[a2]\n\t"
            "smlatt %[a3], %[p23], %[w], %[a3]\n\t"
            "cmp %[e], %[end]\n\t"
            "bne 1b"
            : [e] "+r"(e), [x] "+r"(x), [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [t] "=&r"(t),
              [s] "=&r"(s), [w] "=&r"(w), [p01] "=&r"(p01), [p23] "=&r"(p23)
            : [end] "r"(end)
            : "cc", "memory");
}

// Output rows [y_begin, y_end) of the layer with entries Rows, folded bias Bias; output points
// at row y_begin's first byte.
template <class Spec, const auto& Rows, const auto& Bias>
[[gnu::noinline]] void conv2d_s8_rows_four(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    constexpr conv_geometry g = Spec::geometry;
    constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    constexpr const auto& zp_row = portable::detail::filled_row<g.in_c, g.input_zero_point>;
    constexpr const auto& requant = four_pixel_requant<Spec>;
    alignas(8) std::int16_t patch[depth * 4];
    const int first = y_begin * g.out_w, pixels = (y_end - y_begin) * g.out_w;
    for (int p0 = 0; p0 < pixels; p0 += 4) {
        const int count = pixels - p0 < 4 ? pixels - p0 : 4;
        for (int i = 0; i < 4; ++i) {
            const int p = first + p0 + (i < count ? i : count - 1);
            const int oy = p / g.out_w, ox = p % g.out_w;
            const int iy0 = oy * g.stride_h - g.pad_top, ix0 = ox * g.stride_w - g.pad_left;
            std::int16_t* to = patch + i;
            for (int ky = 0; ky < g.kernel_h; ++ky) {
                const int iy = iy0 + ky * g.dilation_h;
                for (int kx = 0; kx < g.kernel_w; ++kx) {
                    const int ix = ix0 + kx * g.dilation_w;
                    const bool inside = iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w;
                    const std::int8_t* from = inside ? input + (iy * g.in_w + ix) * g.in_c : zp_row.data();
                    for (int c = 0; c < g.in_c; ++c, to += 4) *to = from[c];
                }
            }
        }
        const std::uint32_t* e = Rows.entries.data();
        std::int8_t* const out = output + p0 * g.out_c;
        for (int oc = 0; oc < g.out_c; ++oc) {
            const int pairs = Rows.pairs[std::size_t(oc)];
            std::int32_t a0 = Bias[std::size_t(oc)], a1 = a0, a2 = a0, a3 = a0;
            sparse_dot4(e, pairs, patch, a0, a1, a2, a3);
            e += pairs;
            const std::int32_t acc[4] = {a0, a1, a2, a3};
            for (int i = 0; i < count; ++i)
                out[i * g.out_c + oc] = arm_dsp::detail::requantize<requant.mode>(acc[i], requant.entry[std::size_t(oc)]);
        }
    }
}
#endif

}  // namespace ctnn::kernels::weight_forms
