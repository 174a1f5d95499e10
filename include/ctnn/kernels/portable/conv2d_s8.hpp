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
// The driver (the patch of each pixel) takes the step that turns one patch into a pixel's
// output channels as a parameter: conv2d_channels below, or a kernel set's own vector step
// (kernels/arm_mve/conv2d_s8.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/channel_plan.hpp"
#include "ctnn/kernels/portable/detail/dot.hpp"

namespace ctnn::kernels::portable {
namespace detail {

template <class Spec>
struct conv2d_plan : channel_plan<Spec, ohwi_layout(Spec::geometry)> {
    using channel_plan<Spec, ohwi_layout(Spec::geometry)>::g;
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
        if constexpr (!by_columns)  // plain pointers: constant evaluation pays per operation
            for (int oc = 0; oc < g.out_c; ++oc) {
                std::int8_t* const to = w.data() + oc * row;
                const std::int8_t* const from = &Spec::weights[0] + oc * depth;
                for (int k = 0; k < depth; ++k) to[k] = from[k];
            }
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
};

// The portable step: one patch x (plan::row bytes) to the pixel's out_c outputs.
struct conv2d_channels {
    template <class Spec>
    [[gnu::always_inline]] static void pixel(const std::int8_t* x, std::int8_t* out) {
        using plan = conv2d_plan<Spec>;
        constexpr conv_geometry g = plan::g;
        constexpr int row = plan::row;
        const std::int32_t* const bias = plan::bias.data();
        [[maybe_unused]] const auto* const requant = std::data(Spec::requant);
        if constexpr (plan::by_columns) {
            const std::int8_t* const columns = plan::columns.data();
            alignas(16) std::int32_t acc[g.out_c];
            for (int oc = 0; oc < g.out_c; ++oc) acc[oc] = bias[oc];
            for (int k = 0; k < plan::depth; ++k) {
                const std::int32_t v = x[k];
                const std::int8_t* w = columns + k * g.out_c;
                for (int oc = 0; oc < g.out_c; ++oc) acc[oc] += w[oc] * v;
            }
            if constexpr (row_requantization)
                requantize_row<g.out_c, plan::requant, g.act_min, g.act_max>(acc, out);
            else
                for (int oc = 0; oc < g.out_c; ++oc)
                    out[oc] = requantize(acc[oc], requant[oc], g.output_zero_point, g.act_min, g.act_max);
        } else if constexpr (row_requantization) {
            const std::int8_t* const weights = plan::weights.data();
            alignas(16) std::int32_t acc[g.out_c];
            constexpr int blocked = g.out_c / 4 * 4;
            for (int oc = 0; oc < blocked; oc += 4) {
                acc[oc] = bias[oc];
                acc[oc + 1] = bias[oc + 1];
                acc[oc + 2] = bias[oc + 2];
                acc[oc + 3] = bias[oc + 3];
                dot4<row>(weights + oc * row, x, acc + oc);
            }
            for (int oc = blocked; oc < g.out_c; ++oc) acc[oc] = bias[oc] + dot1<row>(weights + oc * row, x);
            requantize_row<g.out_c, plan::requant, g.act_min, g.act_max>(acc, out);
        } else {
            const std::int8_t* const weights = plan::weights.data();
            constexpr int blocked = g.out_c / 4 * 4;
            for (int oc = 0; oc < blocked; oc += 4) {
                std::int32_t acc[4] = {bias[oc], bias[oc + 1], bias[oc + 2], bias[oc + 3]};
                dot4<row>(weights + oc * row, x, acc);
                for (int j = 0; j < 4; ++j)
                    out[oc + j] = requantize(acc[j], requant[oc + j], g.output_zero_point, g.act_min, g.act_max);
            }
            for (int oc = blocked; oc < g.out_c; ++oc) {
                const std::int32_t acc = bias[oc] + dot1<row>(weights + oc * row, x);
                out[oc] = requantize(acc, requant[oc], g.output_zero_point, g.act_min, g.act_max);
            }
        }
    }

    // What pixel() reads: the plan's weights (rows or columns) and folded bias, and the
    // requantization table (the plan's on 64-bit hosts, the layer's multipliers on 32-bit targets).
    template <class Spec>
    static constexpr linked_constants constants() {
        using plan = conv2d_plan<Spec>;
        if constexpr (plan::by_columns && row_requantization) return linked_constants::of(plan::columns, plan::bias, plan::requant);
        else if constexpr (plan::by_columns) return linked_constants::of(plan::columns, plan::bias, Spec::requant);
        else if constexpr (row_requantization) return linked_constants::of(plan::weights, plan::bias, plan::requant);
        else return linked_constants::of(plan::weights, plan::bias, Spec::requant);
    }
};

// The constants of the driver with step Channels: the step's, and the row of the input zero
// point a padded tap reads (the driver names it whatever the padding, so it is linked always).
template <class Spec, class Channels>
constexpr linked_constants conv2d_constants() {
    constexpr conv_geometry g = Spec::geometry;
    return Channels::template constants<Spec>().and_shared(filled_row<g.in_c, g.input_zero_point>);
}

}  // namespace detail

// Output rows [y_begin, y_end) only; output points at row y_begin's first byte. Channels: the
// step from a patch to a pixel's outputs.
template <class Spec, class Channels = detail::conv2d_channels>
void conv2d_s8_rows_with(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
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
            Channels::template pixel<Spec>(x, output + ((oy - y_begin) * g.out_w + ox) * g.out_c);
        }
    }
}

// The options change nothing here: int8 loads widen for free on these targets.
template <class Spec, kernel_options = kernel_options{}>
void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    conv2d_s8_rows_with<Spec>(input, output, y_begin, y_end);
}

template <class Spec, kernel_options O = kernel_options{}>
void conv2d_s8(const std::int8_t* input, std::int8_t* output) {
    conv2d_s8_rows<Spec, O>(input, output, 0, Spec::geometry.out_h);
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
// A scratchless convolution kernel (Rows: the kernel, with run_rows) whose whole run is its
// row range over every output row.
template <class Rows>
struct conv2d_rows_kernel : scratchless_kernel {
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
        Rows::template run_rows<Spec, O>(input, output, 0, Spec::geometry.out_h, scratch);
    }
};

template <>
struct kernel<portable_set, op::conv2d> : conv2d_rows_kernel<kernel<portable_set, op::conv2d>> {
    // Its per-pixel patch (depth bytes) and accumulators stay on the stack.
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte*) {
        portable::conv2d_s8_rows<Spec, O>(input, output, y_begin, y_end);
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        return portable::detail::conv2d_constants<Spec, portable::detail::conv2d_channels>();
    }
};
}  // namespace ctnn::kernels
