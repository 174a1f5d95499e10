// Portable CONV_2D, int8, specialised at compile time; bit-exact with reference::conv2d_s8.
//
//   template <class Spec> void conv2d_s8(const std::int8_t* input, std::int8_t* output);
//   template <class Spec> void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output,
//                                             int y_begin, int y_end);   // some output rows
//
// Spec (a type; every member static constexpr):
//   geometry : ctnn::kernels::conv_geometry           (depth_multiplier ignored)
//   weights  : std::int8_t[out_c * kernel_h * kernel_w * in_c] or std::array, OHWI
//   bias     : std::int32_t[out_c] or std::array (zeros when the model has none)
//   requant  : quantized_multiplier[out_c] or std::array, per output channel
// input: in_h x in_w x in_c, output: out_h x out_w x out_c (NHWC, N = 1); no alignment needed.
//
// How: each output pixel's receptive field is gathered into a small stack patch (one im2col
// row, padded taps filled with zp_in), and every output channel is a dot product of that patch
// with a weight row (or, for short patches and many channels, the patch values are broadcast
// over a row of output-channel accumulators, with weights transposed at compile time). Because padded taps read zp_in, the input zero point can be folded into
// the bias at compile time: bias' = bias - zp_in * sum(weights of the channel). The weight rows
// are re-laid out at compile time to a length rounded up to 16 (zero weights past the end) so
// the dot-product loop has a constant trip count the compiler vectorises without a tail.
// A 1x1 convolution reads the input pixel directly (a plain matrix product, no patch).
//
// x86-64 hosts compiled for AVX-512 VNNI (-march=native on the benchmark machine) with in_c a
// multiple of 4 take conv2d_vnni instead (detail/vnni.hpp): rows of up to 8 output pixels x all
// output channels in zmm accumulators, weights re-laid out as [tap][in_c/4][out_c][4], no patch
// (taps read the input directly; taps in the padding read a row of zp_in). Every other target,
// including the Cortex-M firmware, compiles exactly the code below (conv2d_s8_generic).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/detail/dot.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/arm_mve/requantize.hpp"
#include "ctnn/kernels/portable/detail/requantize_row.hpp"
#include "ctnn/kernels/x86_vnni/tile.hpp"

namespace ctnn::kernels::portable {
namespace detail {

template <class Spec>
struct conv2d_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr bool pointwise = g.kernel_h == 1 && g.kernel_w == 1;
    static constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;                 // MACs per output
    static constexpr int row = pointwise ? depth : round_up(depth, 16);           // packed row length
    // Short dot products vectorise poorly; with enough output channels, broadcast each patch
    // value over them instead (acc[oc] += w[k][oc] * x[k], contiguous in oc). The thresholds
    // come from the MLPerf Tiny shapes in bench/kernels_bench.cpp (x86-64, SSE2, -O2).
    static constexpr bool by_columns = depth < 64 && g.out_c >= 16;

    // OHWI rows, each zero-extended to `row`: the order the dot product reads them.
    static constexpr std::array<std::int8_t, by_columns ? 1 : g.out_c * row> weights = [] {
        std::array<std::int8_t, by_columns ? 1 : g.out_c * row> w{};
        if constexpr (!by_columns)
            for (int oc = 0; oc < g.out_c; ++oc)
                for (int k = 0; k < depth; ++k) w[oc * row + k] = Spec::weights[oc * depth + k];
        return w;
    }();

    // The same weights transposed to [k][oc] for the by-columns loop.
    static constexpr std::array<std::int8_t, by_columns ? depth * g.out_c : 1> columns = [] {
        std::array<std::int8_t, by_columns ? depth * g.out_c : 1> w{};
        if constexpr (by_columns)
            for (int oc = 0; oc < g.out_c; ++oc)
                for (int k = 0; k < depth; ++k) w[k * g.out_c + oc] = Spec::weights[oc * depth + k];
        return w;
    }();

    static constexpr std::array<std::int32_t, g.out_c> bias = [] {
        std::array<std::int32_t, g.out_c> b{};
        for (int oc = 0; oc < g.out_c; ++oc)
            b[oc] = fold_input_zero_point(Spec::weights, Spec::bias, oc, g.input_zero_point, {depth, depth, 1});
        return b;
    }();

    static constexpr auto requant = make_requant_table<g.out_c>(Spec::requant, g.out_c, g.output_zero_point);
};

#if CTNN_KERNELS_ARM_MVE
template <class Spec>
inline constexpr auto conv2d_mve_requant = arm_mve::make_mve_requant_table<Spec::geometry.out_c>(Spec::requant, Spec::geometry.out_c);
#endif

#if CTNN_KERNELS_X86_VNNI
// AVX-512 VNNI host path (see detail/vnni.hpp): rows of P output pixels x all output channels.
template <class Spec>
struct conv2d_vnni_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int taps = g.kernel_h * g.kernel_w;
    alignas(64) static constexpr auto weights = x86_vnni::vnni_weights<g.out_c, taps, g.in_c>(Spec::weights);
    alignas(64) static constexpr auto bias =
        x86_vnni::vnni_bias<g.out_c, taps * g.in_c>(Spec::weights, Spec::bias, g.input_zero_point);
    static constexpr auto requant = make_requant_table<g.out_c>(Spec::requant, g.out_c, g.output_zero_point);
};

template <class Spec>
void conv2d_vnni(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    using plan = conv2d_vnni_plan<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int blocks = (g.out_c + 15) / 16;
    constexpr int P = blocks == 1 ? 8 : (blocks == 2 ? 6 : 4);
    constexpr const auto& zp_row = filled_row<g.in_c, g.input_zero_point>;
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
            x86_vnni::vnni_pixels<P, plan::taps, g.in_c, g.out_c, plan::weights, plan::bias, plan::requant, g.act_min,
                        g.act_max>(src, output + ((oy - y_begin) * g.out_w + ox0) * g.out_c, g.out_c, count);
        }
    }
}

// in_c not a multiple of 4 (first layers: RGB or one channel), short receptive fields: each
// pixel's taps are gathered into a patch of depth bytes rounded up to 4 (zero weights past
// depth), then the same tile runs with one tap of that many channels.
template <class Spec>
struct conv2d_vnni_patch_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    static constexpr int row = (depth + 3) / 4 * 4;
    static constexpr auto padded = [] {
        std::array<std::int8_t, g.out_c * row> w{};
        for (int oc = 0; oc < g.out_c; ++oc)
            for (int k = 0; k < depth; ++k) w[oc * row + k] = Spec::weights[oc * depth + k];
        return w;
    }();
    alignas(64) static constexpr auto weights = x86_vnni::vnni_weights<g.out_c, 1, row>(padded);
    alignas(64) static constexpr auto bias = x86_vnni::vnni_bias<g.out_c, row>(padded, Spec::bias, g.input_zero_point);
    static constexpr auto requant = make_requant_table<g.out_c>(Spec::requant, g.out_c, g.output_zero_point);
};

template <class Spec>
void conv2d_vnni_patch(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    using plan = conv2d_vnni_patch_plan<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int blocks = (g.out_c + 15) / 16;
    constexpr int P = blocks == 1 ? 8 : (blocks == 2 ? 6 : 4);
    constexpr const auto& zp_row = filled_row<g.in_c, g.input_zero_point>;
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
            x86_vnni::vnni_pixels<P, 1, plan::row, g.out_c, plan::weights, plan::bias, plan::requant, g.act_min, g.act_max>(
                src, output + ((oy - y_begin) * g.out_w + ox0) * g.out_c, g.out_c, count);
        }
    }
}
#endif

}  // namespace detail

template <class Spec>
void conv2d_s8_generic(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end);

// Output rows [y_begin, y_end) only; output points at row y_begin's first byte.
// The options change nothing here: int8 loads widen for free on these targets.
template <class Spec, kernel_options = kernel_options{}>
void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
#if CTNN_KERNELS_X86_VNNI
    constexpr conv_geometry g = Spec::geometry;
    if constexpr (x86_vnni::vnni_available && g.in_c % 4 == 0)
        detail::conv2d_vnni<Spec>(input, output, y_begin, y_end);
    else if constexpr (x86_vnni::vnni_available && g.kernel_h * g.kernel_w * g.in_c <= 128)
        detail::conv2d_vnni_patch<Spec>(input, output, y_begin, y_end);
    else
#endif
        conv2d_s8_generic<Spec>(input, output, y_begin, y_end);
}

template <class Spec, kernel_options O = kernel_options{}>
void conv2d_s8(const std::int8_t* input, std::int8_t* output) {
    conv2d_s8_rows<Spec, O>(input, output, 0, Spec::geometry.out_h);
}

// Every target: a patch per output pixel (see the top of this file).
template <class Spec>
void conv2d_s8_generic(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    using plan = detail::conv2d_plan<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int row = plan::row;
    static_assert(g.in_h > 0 && g.in_w > 0 && g.in_c > 0 && g.out_c > 0 && g.kernel_h > 0 && g.kernel_w > 0,
                  "ctnn: conv2d_s8 needs a non-empty geometry");
    constexpr const auto& zp_row = detail::filled_row<g.in_c, g.input_zero_point>;

    alignas(16) std::int8_t patch[row] = {};  // tail past `depth` stays 0 (its weights are 0)
    for (int oy = y_begin; oy < y_end; ++oy) {
        const int iy0 = oy * g.stride_h - g.pad_top;
        for (int ox = 0; ox < g.out_w; ++ox) {
            const int ix0 = ox * g.stride_w - g.pad_left;
            const std::int8_t* x;
            if constexpr (plan::pointwise) {
                const bool inside = iy0 >= 0 && iy0 < g.in_h && ix0 >= 0 && ix0 < g.in_w;
                x = inside ? input + (iy0 * g.in_w + ix0) * g.in_c : zp_row.data();
            } else {
                const bool cols_inside = ix0 >= 0 && ix0 + (g.kernel_w - 1) * g.dilation_w < g.in_w;
                for (int ky = 0; ky < g.kernel_h; ++ky) {
                    const int iy = iy0 + ky * g.dilation_h;
                    std::int8_t* dst = patch + ky * g.kernel_w * g.in_c;
                    const bool row_inside = iy >= 0 && iy < g.in_h;
                    if (g.dilation_w == 1 && row_inside && cols_inside) {
                        std::memcpy(dst, input + (iy * g.in_w + ix0) * g.in_c, g.kernel_w * g.in_c);
                        continue;
                    }
                    for (int kx = 0; kx < g.kernel_w; ++kx) {
                        const int ix = ix0 + kx * g.dilation_w;
                        const bool inside = row_inside && ix >= 0 && ix < g.in_w;
                        std::memcpy(dst + kx * g.in_c, inside ? input + (iy * g.in_w + ix) * g.in_c : zp_row.data(),
                                    g.in_c);
                    }
                }
                x = patch;
            }

            std::int8_t* out = output + ((oy - y_begin) * g.out_w + ox) * g.out_c;
#if CTNN_KERNELS_ARM_MVE
            // Helium: four output channels per register, each patch value broadcast (VMLA), then
            // requantized four at a time.
            if constexpr (plan::by_columns) {
                for (int oc = 0; oc < g.out_c; oc += 4) {
                    const mve_pred16_t p = vctp32q(static_cast<std::uint32_t>(g.out_c - oc));
                    int32x4_t acc = vldrwq_z_s32(plan::bias.data() + oc, p);
                    for (int k = 0; k < plan::depth; ++k)
                        acc = vmlaq_n_s32(acc, vldrbq_z_s32(plan::columns.data() + k * g.out_c + oc, p), x[k]);
                    arm_mve::requantize4<detail::conv2d_mve_requant<Spec>, g.output_zero_point, g.act_min, g.act_max>(
                        acc, oc, out, p);
                }
            } else {
                constexpr int blocked = g.out_c / 4 * 4;
                for (int oc = 0; oc < blocked; oc += 4) {
                    alignas(16) std::int32_t acc[4] = {plan::bias[oc], plan::bias[oc + 1], plan::bias[oc + 2],
                                                       plan::bias[oc + 3]};
                    detail::dot4<row>(plan::weights.data() + oc * row, x, acc);
                    arm_mve::requantize4<detail::conv2d_mve_requant<Spec>, g.output_zero_point, g.act_min, g.act_max>(
                        vld1q_s32(acc), oc, out, vctp32q(4));
                }
                if constexpr (blocked < g.out_c) {
                    alignas(16) std::int32_t acc[4] = {};
                    for (int oc = blocked; oc < g.out_c; ++oc)
                        acc[oc - blocked] = plan::bias[oc] + detail::dot1<row>(plan::weights.data() + oc * row, x);
                    arm_mve::requantize4<detail::conv2d_mve_requant<Spec>, g.output_zero_point, g.act_min, g.act_max>(
                        vld1q_s32(acc), blocked, out, vctp32q(static_cast<std::uint32_t>(g.out_c - blocked)));
                }
            }
#else
            if constexpr (plan::by_columns) {
                alignas(16) std::int32_t acc[g.out_c];
                for (int oc = 0; oc < g.out_c; ++oc) acc[oc] = plan::bias[oc];
                for (int k = 0; k < plan::depth; ++k) {
                    const std::int32_t v = x[k];
                    const std::int8_t* w = plan::columns.data() + k * g.out_c;
                    for (int oc = 0; oc < g.out_c; ++oc) acc[oc] += w[oc] * v;
                }
                if constexpr (detail::row_requantization)
                    detail::requantize_row<g.out_c, plan::requant, g.act_min, g.act_max>(acc, out);
                else
                    for (int oc = 0; oc < g.out_c; ++oc)
                        out[oc] = detail::requantize(acc[oc], Spec::requant[oc], g.output_zero_point, g.act_min, g.act_max);
            } else if constexpr (detail::row_requantization) {
                alignas(16) std::int32_t acc[g.out_c];
                constexpr int blocked = g.out_c / 4 * 4;
                for (int oc = 0; oc < blocked; oc += 4) {
                    acc[oc] = plan::bias[oc];
                    acc[oc + 1] = plan::bias[oc + 1];
                    acc[oc + 2] = plan::bias[oc + 2];
                    acc[oc + 3] = plan::bias[oc + 3];
                    detail::dot4<row>(plan::weights.data() + oc * row, x, acc + oc);
                }
                for (int oc = blocked; oc < g.out_c; ++oc)
                    acc[oc] = plan::bias[oc] + detail::dot1<row>(plan::weights.data() + oc * row, x);
                detail::requantize_row<g.out_c, plan::requant, g.act_min, g.act_max>(acc, out);
            } else {
                constexpr int blocked = g.out_c / 4 * 4;
                for (int oc = 0; oc < blocked; oc += 4) {
                    std::int32_t acc[4] = {plan::bias[oc], plan::bias[oc + 1], plan::bias[oc + 2], plan::bias[oc + 3]};
                    detail::dot4<row>(plan::weights.data() + oc * row, x, acc);
                    for (int j = 0; j < 4; ++j)
                        out[oc + j] = detail::requantize(acc[j], Spec::requant[oc + j], g.output_zero_point, g.act_min,
                                                         g.act_max);
                }
                for (int oc = blocked; oc < g.out_c; ++oc) {
                    const std::int32_t acc = plan::bias[oc] + detail::dot1<row>(plan::weights.data() + oc * row, x);
                    out[oc] = detail::requantize(acc, Spec::requant[oc], g.output_zero_point, g.act_min, g.act_max);
                }
            }
#endif
        }
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
namespace op { struct conv2d {}; }
template <>
struct kernel<portable_set, op::conv2d> : provided_kernel {
    // Its per-pixel patch (depth bytes) and accumulators stay on the stack.
    template <class Spec>
    static constexpr std::size_t scratch_bytes = 0;
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte*) { portable::conv2d_s8<Spec, O>(input, output); }
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte*) {
        portable::conv2d_s8_rows<Spec, O>(input, output, y_begin, y_end);
    }
};
}  // namespace ctnn::kernels
