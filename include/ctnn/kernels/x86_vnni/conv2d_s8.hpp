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

// Input channels a multiple of 4: rows of P output pixels x all output channels, no patch (taps
// read the input directly; taps in the padding read a row of zp_in).
template <class Spec>
struct conv2d_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int taps = g.kernel_h * g.kernel_w;
    alignas(64) static constexpr auto weights = vnni_weights<g.out_c, taps, g.in_c>(Spec::weights);
    alignas(64) static constexpr auto bias =
        vnni_bias<g.out_c, taps * g.in_c>(Spec::weights, Spec::bias, g.input_zero_point);
    static constexpr auto requant = portable::detail::make_requant_table<g.out_c>(Spec::requant, g.out_c, g.output_zero_point);
};

template <class Spec>
void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    using plan = conv2d_plan<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int blocks = (g.out_c + 15) / 16;
    constexpr int P = blocks == 1 ? 8 : (blocks == 2 ? 6 : 4);
    constexpr const auto& zp_row = portable::detail::filled_row<g.in_c, g.input_zero_point>;
    for (int oy = y_begin; oy < y_end; ++oy) {
        const int iy0 = oy * g.stride_h - g.pad_top;
        for (int ox0 = 0; ox0 < g.out_w; ox0 += P) {
            const int count = g.out_w - ox0 < P ? g.out_w - ox0 : P;
            const auto src = [&](int p, int t) -> const std::int8_t* {
                const int ox = ox0 + (p < count ? p : count - 1);
                const int ky = t / g.kernel_w, kx = t % g.kernel_w;
                const int iy = iy0 + ky * g.dilation_h;
                const int ix = ox * g.stride_w - g.pad_left + kx * g.dilation_w;
                const bool inside = iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w;
                return inside ? input + (iy * g.in_w + ix) * g.in_c : zp_row.data();
            };
            vnni_pixels<P, plan::taps, g.in_c, g.out_c, plan::weights, plan::bias, plan::requant, g.act_min,
                        g.act_max>(src, output + ((oy - y_begin) * g.out_w + ox0) * g.out_c, g.out_c, count);
        }
    }
}

// in_c not a multiple of 4 (first layers: RGB or one channel), short receptive fields: each
// pixel's taps are gathered into a patch of depth bytes rounded up to 4 (zero weights past
// depth), then the same tile runs with one tap of that many channels.
template <class Spec>
struct conv2d_patch_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    static constexpr int row = (depth + 3) / 4 * 4;
    static constexpr auto padded = [] {
        std::array<std::int8_t, g.out_c * row> w{};
        for (int oc = 0; oc < g.out_c; ++oc)
            for (int k = 0; k < depth; ++k) w[oc * row + k] = Spec::weights[oc * depth + k];
        return w;
    }();
    alignas(64) static constexpr auto weights = vnni_weights<g.out_c, 1, row>(padded);
    alignas(64) static constexpr auto bias = vnni_bias<g.out_c, row>(padded, Spec::bias, g.input_zero_point);
    static constexpr auto requant = portable::detail::make_requant_table<g.out_c>(Spec::requant, g.out_c, g.output_zero_point);
};

template <class Spec>
void conv2d_s8_patch_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    using plan = conv2d_patch_plan<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int blocks = (g.out_c + 15) / 16;
    constexpr int P = blocks == 1 ? 8 : (blocks == 2 ? 6 : 4);
    constexpr const auto& zp_row = portable::detail::filled_row<g.in_c, g.input_zero_point>;
    alignas(16) std::int8_t patch[P][plan::row] = {};  // bytes past depth stay 0
    for (int oy = y_begin; oy < y_end; ++oy) {
        const int iy0 = oy * g.stride_h - g.pad_top;
        for (int ox0 = 0; ox0 < g.out_w; ox0 += P) {
            const int count = g.out_w - ox0 < P ? g.out_w - ox0 : P;
            for (int p = 0; p < P; ++p) {
                const int ix0 = (ox0 + (p < count ? p : count - 1)) * g.stride_w - g.pad_left;
                for (int ky = 0; ky < g.kernel_h; ++ky) {
                    const int iy = iy0 + ky * g.dilation_h;
                    for (int kx = 0; kx < g.kernel_w; ++kx) {
                        const int ix = ix0 + kx * g.dilation_w;
                        const bool inside = iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w;
                        std::memcpy(patch[p] + (ky * g.kernel_w + kx) * g.in_c,
                                    inside ? input + (iy * g.in_w + ix) * g.in_c : zp_row.data(), g.in_c);
                    }
                }
            }
            const auto src = [&](int p, int) -> const std::int8_t* { return patch[p]; };
            vnni_pixels<P, 1, plan::row, g.out_c, plan::weights, plan::bias, plan::requant, g.act_min, g.act_max>(
                src, output + ((oy - y_begin) * g.out_w + ox0) * g.out_c, g.out_c, count);
        }
    }
}

}  // namespace ctnn::kernels::x86_vnni

namespace ctnn::kernels {
template <>
struct kernel<x86_vnni_set, op::conv2d> : scratchless_kernel {
    // Its patch rows (at most 8 x 128 bytes, hosts only) stay on the stack.
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
        run_rows<Spec, O>(input, output, 0, Spec::geometry.out_h, scratch);
    }
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte*) {
        constexpr conv_geometry g = Spec::geometry;
        if constexpr (g.in_c % 4 == 0)
            x86_vnni::conv2d_s8_rows<Spec>(input, output, y_begin, y_end);
        else if constexpr (g.kernel_h * g.kernel_w * g.in_c <= 128)
            x86_vnni::conv2d_s8_patch_rows<Spec>(input, output, y_begin, y_end);
        else
            portable::conv2d_s8_rows<Spec, O>(input, output, y_begin, y_end);
    }
};
}  // namespace ctnn::kernels
#endif
