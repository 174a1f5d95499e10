// CONV_2D on x86-64 hosts with AVX-512 VNNI: the matrix tile of tile.hpp over rows of up to 8
// output pixels x all output channels, weights re-laid out as [tap][in_c/4][out_c][4]. Convolutions
// whose input channels are not a multiple of 4 and whose receptive field is long (more than 128
// bytes) run the portable kernel. Bit-exact with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/x86_vnni/tile.hpp"

#if CTNN_KERNELS_X86_VNNI
namespace ctnn::kernels::x86_vnni {

// Rows of P output pixels x all output channels in one tile. Input channels a multiple of 4
// (Patched false): every tap reads the input directly (taps in the padding read a row of zp_in).
// Otherwise (first layers: RGB or one channel) with a short receptive field (Patched true): each
// pixel's taps are gathered into a patch of depth bytes rounded up to 4 (zero weights past
// depth), and the tile runs with one tap of that many channels.
template <class Spec, bool Patched>
struct conv2d_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    static constexpr int taps = Patched ? 1 : g.kernel_h * g.kernel_w;  // as the tile sees them
    static constexpr int channels = Patched ? (depth + 3) / 4 * 4 : g.in_c;
    static constexpr auto padded = [] {  // OHWI rows of taps * channels bytes
        std::array<std::int8_t, g.out_c * taps * channels> w{};
        for (int oc = 0; oc < g.out_c; ++oc)
            for (int k = 0; k < depth; ++k) w[oc * taps * channels + k] = Spec::weights[oc * depth + k];
        return w;
    }();
    alignas(64) static constexpr auto weights = vnni_weights<g.out_c, taps, channels>(padded);
    alignas(64) static constexpr auto bias = vnni_bias<g.out_c, taps * channels>(padded, Spec::bias, g.input_zero_point);
    static constexpr auto requant = portable::detail::make_requant_table<g.out_c>(Spec::requant, g.out_c, g.output_zero_point);
    static constexpr int P = g.out_c <= 16 ? 8 : (g.out_c <= 32 ? 6 : 4);  // pixels per tile
};

template <class Spec, bool Patched>
void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    using plan = conv2d_plan<Spec, Patched>;
    constexpr conv_geometry g = plan::g;
    constexpr int P = plan::P;
    // The input row of tap t of pixel ox (or the zp row, named only where a window leaves the input).
    const auto tap = [&](int oy, int ox, int t) -> const std::int8_t* {
        const int iy = oy * g.stride_h - g.pad_top + t / g.kernel_w * g.dilation_h;
        const int ix = ox * g.stride_w - g.pad_left + t % g.kernel_w * g.dilation_w;
        if constexpr (window_leaves_input(g))
            if (iy < 0 || iy >= g.in_h || ix < 0 || ix >= g.in_w) return portable::detail::filled_row<g.in_c, g.input_zero_point>.data();
        return input + (iy * g.in_w + ix) * g.in_c;
    };
    alignas(16) std::int8_t patch[Patched ? P : 1][Patched ? plan::channels : 1] = {};  // past depth: 0
    for (int oy = y_begin; oy < y_end; ++oy) {
        for (int ox0 = 0; ox0 < g.out_w; ox0 += P) {
            const int count = g.out_w - ox0 < P ? g.out_w - ox0 : P;
            const auto pixel = [&](int p) { return ox0 + (p < count ? p : count - 1); };
            std::int8_t* out = output + ((oy - y_begin) * g.out_w + ox0) * g.out_c;
            if constexpr (Patched) {
                for (int p = 0; p < P; ++p)
                    for (int t = 0; t < g.kernel_h * g.kernel_w; ++t)
                        std::memcpy(patch[p] + t * g.in_c, tap(oy, pixel(p), t), g.in_c);
                const auto src = [&](int p, int) -> const std::int8_t* { return patch[p]; };
                vnni_pixels<P, 1, plan::channels, g.out_c, plan::weights, plan::bias, plan::requant, g.act_min,
                            g.act_max>(src, out, g.out_c, count);
            } else {
                const auto src = [&](int p, int t) { return tap(oy, pixel(p), t); };
                vnni_pixels<P, plan::taps, g.in_c, g.out_c, plan::weights, plan::bias, plan::requant, g.act_min,
                            g.act_max>(src, out, g.out_c, count);
            }
        }
    }
}

}  // namespace ctnn::kernels::x86_vnni

namespace ctnn::kernels {
template <>
struct kernel<x86_vnni_set, op::conv2d> : conv2d_rows_kernel<kernel<x86_vnni_set, op::conv2d>> {
    // Its patch rows (at most 8 x 128 bytes, hosts only) stay on the stack.
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte*) {
        constexpr conv_geometry g = Spec::geometry;
        if constexpr (g.in_c % 4 == 0)
            x86_vnni::conv2d_s8_rows<Spec, false>(input, output, y_begin, y_end);
        else if constexpr (g.kernel_h * g.kernel_w * g.in_c <= 128)
            x86_vnni::conv2d_s8_rows<Spec, true>(input, output, y_begin, y_end);
        else
            portable::conv2d_s8_rows<Spec, O>(input, output, y_begin, y_end);
    }
    // The tile's weights, bias and table, and the zero-point row of taps in the padding.
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        constexpr conv_geometry g = Spec::geometry;
        constexpr bool patched = g.in_c % 4 != 0;
        if constexpr (patched && g.kernel_h * g.kernel_w * g.in_c > 128) {
            return kernel<portable_set, op::conv2d>::constants<Spec, O>();
        } else {
            using plan = x86_vnni::conv2d_plan<Spec, patched>;
            const auto c = linked_constants::of(plan::weights, plan::bias, plan::requant);
            return window_leaves_input(g) ? c.and_shared(portable::detail::filled_row<g.in_c, g.input_zero_point>) : c;
        }
    }
};
}  // namespace ctnn::kernels
#endif
