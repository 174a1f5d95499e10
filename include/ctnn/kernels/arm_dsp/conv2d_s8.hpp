// Arm DSP CONV_2D, int8 (Cortex-M4/M7/M33); bit-exact with reference::conv2d_s8.
//
//   template <class Spec, kernel_options O = kernel_options{}> void conv2d_s8(const std::int8_t* input, std::int8_t* output);
//   ... conv2d_s8_rows(input, output, y_begin, y_end): output rows [y_begin, y_end) only
//
// Spec: as portable::conv2d_s8 (geometry, weights OHWI, bias, requant per output channel).
// input/output: NHWC, N = 1, any byte alignment.
//
// How: output pixels go in threes. Each pixel's receptive field is read as `runs` contiguous
// input runs (one per kernel row when dilation_w == 1, else one per tap; rows back to back as one
// run where that takes fewer words, conv_layout::packed), sign-extended once to
// int16 pairs (SXTB16) into a small stack buffer, interleaved [word][pixel][2]. Then every pair
// of output channels is a 3x2 block of dot products in a small assembly loop (conv_pixels3):
// per 4 depth values, one LDRD of weights (both channels' 4 bytes, re-laid out at compile time
// in exactly this order), 4 SXTB16, 3 LDRD of buffer words and 12 SMLAD: 20 instructions per
// 24 MACs, two steps per loop iteration (steps padded to even with zero weights).
// Deep k x k layers (offset_weights) store the even weight bytes + 128 and prepare the input
// as in fully_connected_s8.hpp, so the even halves are used raw: 18 instructions per 24 MACs
// (conv_pixels3_offset), for 4 more instructions per input word in the gather.
// With O.int16_weights() the weights are stored as int16 pairs in the order SMLAD takes them:
// two LDRD per step and no SXTB16, 17 instructions per 24 MACs, and no +128 trick (so the
// gather stays cheap), for twice the weight flash.
// Layers with an even channel count and the fast requantization without left shifts run the
// whole pair loop, requantization (5 instructions an output, 6 with the sign correction) and
// stores included, in one assembly block (conv_pixels3_asm); the rest requantize in C++.
// A 1x1 convolution is the same with one run of in_c bytes (a matrix product, no patch).
// Pixels whose field touches the padding are first gathered into an int8 patch with zp_in in
// the padded taps; since zp_in is folded into the bias at compile time, those taps add nothing.
// Runs are zero-padded to whole words (zero weights; the input tail is read bytewise, never
// past the run). Odd out_c gets a zero channel, never stored. The last one or two pixels are
// computed as a full group into a scratch row and copied (no writes past the output).
// Code is shared by layers with the same shape: the kernel body is a template on the geometry
// (zero point out and clamp normalised) and reads weights/bias/requant through pointers; the
// micro-kernel is shared by every layer with the same requant mode.
// Scratch (conv_scratch_of in conv_plan.hpp, given by the caller: the arena plan places it):
// 24 bytes per step, the patch when padded, the tail row. Stack: a few words.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/arm_dsp/detail/conv_microkernel.hpp"
#include "ctnn/kernels/arm_dsp/detail/conv_plan.hpp"
#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"

namespace ctnn::kernels::arm_dsp {
namespace detail {

// One input word into the buffer as E = (x0, x2), Y = (x1 - 128 - 256 x0, x3 - 128 - 256 x2)
// (see the header comment of fully_connected_s8.hpp); sum += x0 + x2.
// Without offset weights: plain (x0, x2), (x1, x3).
template <bool Offset>
[[gnu::always_inline]] inline void prepare_word(std::uint32_t x, std::uint32_t* dst, std::int32_t& sum) noexcept {
    const std::uint32_t e = sxtb16(x);
    if constexpr (!Offset) {
        dst[0] = e;
        dst[1] = sxtb16_ror8(x);
        return;
    }
    const std::uint32_t m = ((x << 8) & 0xff00ff00u) | 0x00800080u;
    dst[0] = e;
    dst[1] = __ssub16(sxtb16_ror8(x), m);
    sum = smlad(e, 0x00010001u, sum);
}

// Prepares run_len bytes at src into dst[6 * word + 0/1].
template <int RunLen, bool Offset>
[[gnu::always_inline]] inline void extend_run(const std::int8_t* src, std::uint32_t* dst, std::int32_t& sum) noexcept {
    constexpr int full = RunLen / 4;
#pragma GCC unroll 4
    for (int k = 0; k < full; ++k) prepare_word<Offset>(load_word(src + 4 * k), dst + 6 * k, sum);
    if constexpr (RunLen % 4 != 0) prepare_word<Offset>(load_partial<RunLen % 4>(src + 4 * full), dst + 6 * full, sum);
}

// A packed field inside the input (conv_layout::packed), word k of its rows back to back into
// the slot: from one unaligned load, or across a row end from two (the row's last bytes, the
// next row's first). Bytes those loads read past the field are input bytes: masked out, or,
// past the field's end, against zero weights.
template <conv_key K>
[[gnu::always_inline]] inline void gather_packed(const std::int8_t* base, std::uint32_t* slot) noexcept {
    constexpr conv_geometry g = K.g;
    constexpr int row_len = g.kernel_w * g.in_c, depth = g.kernel_h * row_len;
    constexpr int row_stride = g.dilation_h * g.in_w * g.in_c;
    std::int32_t unused = 0;
    [&]<int... k>(std::integer_sequence<int, k...>) __attribute__((always_inline)) {
        (
            [&] {
                constexpr int f = 4 * k, row = f / row_len, col = f % row_len;
                constexpr int in_row = row_len - col;                  // of the word's bytes, in this row
                constexpr int bytes = depth - f < 4 ? depth - f : 4;  // the field's bytes in the word
                const std::int8_t* at = base + row * row_stride + col;
                std::uint32_t w;
                if constexpr (in_row >= bytes && bytes == 4) {
                    w = load_word(at);
                } else if constexpr (in_row >= bytes) {  // the field's last bytes: the end of a row
                    w = load_word(at - (4 - bytes)) >> (8 * (4 - bytes));
                } else {
                    constexpr std::uint32_t low = (1u << (8 * in_row)) - 1;
                    w = (load_word(at) & low) | (load_word(base + (row + 1) * row_stride - in_row) & ~low);
                }
                prepare_word<false>(w, slot + 6 * k, unused);
            }(),
            ...);
    }(std::make_integer_sequence<int, (depth + 3) / 4>{});
}

// Fills one pixel's slot of the buffer from its receptive field at (iy0, ix0).
template <conv_key K>
inline std::int32_t gather(const std::int8_t* input, int iy0, int ix0, std::uint32_t* slot, std::int8_t* patch) noexcept {
    std::int32_t sum = 0;
    constexpr conv_geometry g = K.g;
    constexpr conv_layout l = conv_layout_of(g, K.int16_weights);
    bool inside = true;
    if constexpr (l.may_pad)
        inside = iy0 >= 0 && iy0 + (g.kernel_h - 1) * g.dilation_h < g.in_h && ix0 >= 0 &&
                 ix0 + (g.kernel_w - 1) * g.dilation_w < g.in_w;
    if constexpr (l.packed) {
        if (inside) {
            gather_packed<K>(input + (iy0 * g.in_w + ix0) * g.in_c, slot);
            return 0;  // no offset weights: one run
        }
    } else if (inside) {
        const std::int8_t* base = input + (iy0 * g.in_w + ix0) * g.in_c;
#pragma GCC unroll 16
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len, l.offset_weights>(base + run_offset(g, r), slot + 6 * r * l.run_words, sum);
        return 128 * sum;
    }
    if constexpr (l.may_pad) {
        // Taps in order (ky, kx), each in_c bytes: exactly runs * run_len bytes.
        std::int8_t* dst = patch;
        for (int ky = 0; ky < g.kernel_h; ++ky) {
            const int iy = iy0 + ky * g.dilation_h;
            for (int kx = 0; kx < g.kernel_w; ++kx, dst += g.in_c) {
                const int ix = ix0 + kx * g.dilation_w;
                if (iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w)
                    std::memcpy(dst, input + (iy * g.in_w + ix) * g.in_c, g.in_c);
                else
                    std::memset(dst, static_cast<int>(g.input_zero_point), g.in_c);
            }
        }
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len, l.offset_weights>(patch + r * l.run_len, slot + 6 * r * l.run_words, sum);
    }
    return 128 * sum;
}

// EvenOut: out_c is even (the assembly pair loop takes whole channel pairs only).
template <requant_mode Mode, int NPix, conv_layout L, bool EvenOut>
inline void conv_pixels(const conv_job& j) {
    constexpr conv_weights w = L.offset_weights  ? conv_weights::s8_offset
                               : L.int16_weights ? conv_weights::s16
                                                 : conv_weights::s8;
    if constexpr (asm_requant_signed<Mode> && NPix == 3 && EvenOut)
        conv_pixels3_asm<w, !Mode.sign_free>(j);
    else if constexpr (L.offset_weights)
        conv_pixels3_offset<Mode, NPix>(j);
    else
        conv_pixels3<Mode, NPix, L.int16_weights>(j);
}

// Output rows [y_begin, y_end); output points at row y_begin's first byte. Inlined into two
// bodies: the whole layer (Ranged = false: the range is the constant 0..out_h) and any row
// range (residual fusion); a model instantiates only the one it calls for a layer.
template <conv_key K, bool Ranged>
[[gnu::always_inline]] inline void conv2d_rows(const std::int8_t* input, std::int8_t* output, const conv_tables& t,
                                               int y_begin, int y_end, std::byte* scratch) {
    constexpr conv_geometry g = K.g;
    constexpr conv_layout l = conv_layout_of(g, K.int16_weights);
    const int pixels = (y_end - y_begin) * g.out_w;
    // One or two pixels are left over when the pixel count is not a multiple of three; whole
    // rows of a width divisible by three never leave any.
    constexpr bool may_leave_tail = Ranged ? g.out_w % 3 != 0 : (g.out_h * g.out_w) % 3 != 0;

    constexpr conv_scratch s = conv_scratch_of(g);
    auto* const buffer = reinterpret_cast<std::uint32_t*>(scratch);
    auto* const patch = reinterpret_cast<std::int8_t*>(scratch + s.buffer_bytes);
    auto* const tail = reinterpret_cast<std::int8_t*>(scratch + s.buffer_bytes + s.patch_bytes);
    static_assert(!may_leave_tail || s.tail_bytes >= 3 * g.out_c);
    if constexpr (l.steps > l.runs * l.run_words)
        for (int i = 6 * l.runs * l.run_words; i < 6 * l.steps; ++i) buffer[i] = 0;

    conv_job job{buffer, t.weights, t.bias, t.requant, output, g.out_c, l.steps, {0, 0, 0}};
    int oy = y_begin, ox = 0;
    for (int p = 0; p < pixels; p += 3) {
        // Up to three pixels into the buffer (the last one repeated when fewer remain).
        const int n = pixels - p < 3 ? pixels - p : 3;
        for (int s = 0; s < 3; ++s) {
            const std::int32_t corr =
                gather<K>(input, oy * g.stride_h - g.pad_top, ox * g.stride_w - g.pad_left, buffer + 2 * s, patch);
            if constexpr (l.offset_weights) job.corr[s] = corr;
            if (s + 1 < n && ++ox == g.out_w) {
                ox = 0;
                ++oy;
            }
        }
        if (++ox == g.out_w) {
            ox = 0;
            ++oy;
        }
        if (!may_leave_tail || n == 3) {
            job.out = output + p * g.out_c;
            conv_pixels<K.mode, 3, l, g.out_c % 2 == 0>(job);
        } else {
            // The last one or two pixels: all three computed into scratch, the real ones copied
            // (one micro-kernel variant per layer instead of three).
            job.out = tail;
            conv_pixels<K.mode, 3, l, g.out_c % 2 == 0>(job);
            std::memcpy(output + p * g.out_c, tail, n * g.out_c);
        }
    }
}

template <conv_key K>
CTNN_ARM_KERNEL_BODY void conv2d_body(const std::int8_t* input, std::int8_t* output, const conv_tables& t,
                                      std::byte* scratch) {
    conv2d_rows<K, false>(input, output, t, 0, K.g.out_h, scratch);
}

template <conv_key K>
CTNN_ARM_KERNEL_BODY void conv2d_range_body(const std::int8_t* input, std::int8_t* output, const conv_tables& t,
                                            int y_begin, int y_end, std::byte* scratch) {
    conv2d_rows<K, true>(input, output, t, y_begin, y_end, scratch);
}

}  // namespace detail

// Bytes of scratch a layer's kernel needs: word aligned, live during the call only.
template <class Spec>
inline constexpr std::size_t conv2d_scratch_bytes = std::size_t(detail::conv_scratch_of(Spec::geometry).total());

// Output rows [y_begin, y_end) only; output points at row y_begin's first byte.
template <class Spec, kernel_options O = kernel_options{}>
inline void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte* scratch) {
    using plan = detail::conv2d_plan<Spec, O.int16_weights()>;
    static_assert(plan::g.in_h > 0 && plan::g.in_w > 0 && plan::g.in_c > 0 && plan::g.out_c > 0 &&
                      plan::g.kernel_h > 0 && plan::g.kernel_w > 0,
                  "ctnn: conv2d_s8 needs a non-empty geometry");
    detail::conv2d_range_body<plan::key>(input, output, plan::tables, y_begin, y_end, scratch);
}

template <class Spec, kernel_options O = kernel_options{}>
inline void conv2d_s8(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
    using plan = detail::conv2d_plan<Spec, O.int16_weights()>;
    static_assert(plan::g.in_h > 0 && plan::g.in_w > 0 && plan::g.in_c > 0 && plan::g.out_c > 0 &&
                      plan::g.kernel_h > 0 && plan::g.kernel_w > 0,
                  "ctnn: conv2d_s8 needs a non-empty geometry");
    detail::conv2d_body<plan::key>(input, output, plan::tables, scratch);
}

}  // namespace ctnn::kernels::arm_dsp

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::conv2d> : provided_kernel {
    template <class Spec>
    static constexpr std::size_t scratch_bytes = arm_dsp::conv2d_scratch_bytes<Spec>;
    // It gathers every three pixels' inputs into its scratch before it writes their outputs, so
    // a 1x1 stride-1 convolution that keeps or lowers the channel count may write over its own
    // input: those outputs lie inside the pixels already gathered (plan/in_place_rows.hpp,
    // row_band::whole).
    template <class Spec, kernel_options>
    static constexpr bool reads_pixels_before_writing = [] {
        constexpr conv_geometry g = Spec::geometry;
        return g.kernel_h == 1 && g.kernel_w == 1 && g.stride_h == 1 && g.stride_w == 1 && g.pad_top == 0 &&
               g.pad_left == 0 && g.in_h == g.out_h && g.in_w == g.out_w && g.out_c <= g.in_c;
    }();
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
        arm_dsp::conv2d_s8<Spec, O>(input, output, scratch);
    }
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte* scratch) {
        arm_dsp::conv2d_s8_rows<Spec, O>(input, output, y_begin, y_end, scratch);
    }
    // The body reads them all through plan::tables.
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        using plan = arm_dsp::detail::conv2d_plan<Spec, O.int16_weights()>;
        return linked_constants::of(plan::weights, plan::bias, plan::requant, plan::tables);
    }
};
}  // namespace ctnn::kernels
