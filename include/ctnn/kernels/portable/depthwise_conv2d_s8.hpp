// Portable DEPTHWISE_CONV_2D, int8, specialised at compile time; bit-exact with
// reference::depthwise_conv2d_s8.
//
//   kernel<portable_set, op::depthwise_conv2d>::run<Spec, O>(const std::int8_t* input, std::int8_t* output)
//
// Spec (a type; every member static constexpr):
//   geometry : ctnn::kernels::conv_geometry, out_c == in_c * depth_multiplier
//   weights  : std::int8_t[kernel_h * kernel_w * out_c] or std::array, 1HWC
//   bias     : std::int32_t[out_c] or std::array
//   requant  : quantized_multiplier[out_c] or std::array
// input: in_h x in_w x in_c, output: out_h x out_w x out_c; no alignment needed.
//
// How: one int32 accumulator per output channel of the current pixel; every tap adds
// weights[tap][c] * x[c] over the contiguous channels (the loop compilers vectorise). A tap in
// the padding reads a row of zp_in instead of branching per channel, which makes folding zp_in
// into the bias exact: bias' = bias - zp_in * sum over taps of weights[tap][oc].
// The plan (weights, folded bias) and the tap pointers are shared with the Helium kernel
// (kernels/arm_mve/depthwise_conv2d_s8.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <iterator>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/channel_plan.hpp"

namespace ctnn::kernels::portable {
namespace detail {

template <class Spec>
struct depthwise_plan : channel_plan<Spec, depthwise_layout(Spec::geometry)> {
    using channel_plan<Spec, depthwise_layout(Spec::geometry)>::g;
    static constexpr int taps = g.kernel_h * g.kernel_w;

    static constexpr std::array<std::int8_t, taps * g.out_c> weights = [] {
        std::array<std::int8_t, taps * g.out_c> w{};
        for (int i = 0; i < taps * g.out_c; ++i) w[i] = Spec::weights[i];
        return w;
    }();
};

// acc[j] = bias[j] + sum over taps of w[tap * Stride + j] * xs[tap][c0 + j], j < Block.
template <int Block, int Taps, int Stride>
inline void depthwise_block(const std::int8_t* w, const std::int32_t* bias, const std::int8_t* const* xs, int c0,
                            std::int32_t* __restrict acc) noexcept {
    std::int32_t a[Block];
    for (int j = 0; j < Block; ++j) a[j] = bias[j];
    // Fully unrolled: GCC's -O3 unroll-and-jam otherwise fuses pairs of taps into one loop it
    // no longer vectorises.
#pragma GCC unroll 64
    for (int t = 0; t < Taps; ++t) {
        const std::int8_t* x = xs[t] + c0;
        const std::int8_t* wt = w + t * Stride;
        for (int j = 0; j < Block; ++j) a[j] += std::int32_t{wt[j]} * std::int32_t{x[j]};
    }
    for (int j = 0; j < Block; ++j) acc[j] = a[j];
}

// The input pixel of each tap of output pixel (oy, ox), row-major over the window; a tap in the
// padding reads a row of zp_in.
template <class Spec>
[[gnu::always_inline]] inline void depthwise_taps(const std::int8_t* input, int oy, int ox,
                                                  const std::int8_t** xs) noexcept {
    constexpr conv_geometry g = Spec::geometry;
    constexpr const auto& zp_row = filled_row<g.in_c, g.input_zero_point>;
    const int iy0 = oy * g.stride_h - g.pad_top, ix0 = ox * g.stride_w - g.pad_left;
    for (int ky = 0; ky < g.kernel_h; ++ky) {
        const int iy = iy0 + ky * g.dilation_h;
        const bool row_inside = iy >= 0 && iy < g.in_h;
        for (int kx = 0; kx < g.kernel_w; ++kx) {
            const int ix = ix0 + kx * g.dilation_w;
            const bool inside = row_inside && ix >= 0 && ix < g.in_w;
            xs[ky * g.kernel_w + kx] = inside ? input + (iy * g.in_w + ix) * g.in_c : zp_row.data();
        }
    }
}

// The constants a depthwise plan links: its weights and folded bias, the requantization table
// (the plan's on 64-bit hosts, the layer's multipliers on 32-bit targets), the zero-point row.
template <class Spec>
constexpr linked_constants depthwise_constants() {
    using plan = depthwise_plan<Spec>;
    linked_constants c;
    if constexpr (row_requantization)
        c = linked_constants::of(plan::weights, plan::bias, plan::requant);
    else
        c = linked_constants::of(plan::weights, plan::bias, Spec::requant);
    return c.and_shared(filled_row<plan::g.in_c, plan::g.input_zero_point>);  // depthwise_taps names it
}

}  // namespace detail

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::depthwise_conv2d> : provided_kernel {
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::detail::depthwise_constants<Spec>(); }
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output) {
        run_rows<Spec, O>(input, output, 0, Spec::geometry.out_h);
    }
    // Output rows [y_begin, y_end) only, written from `output` on.
    template <class Spec, kernel_options>
    [[gnu::always_inline]] static inline void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
        using plan = portable::detail::depthwise_plan<Spec>;
        constexpr conv_geometry g = plan::g;
        constexpr int channels = g.out_c;
        constexpr int multiplier = g.depth_multiplier;
        static_assert(g.in_c * g.depth_multiplier == g.out_c,
                      "ctnn: depthwise_conv2d_s8 needs out_c == in_c * depth_multiplier");
        alignas(16) std::int32_t acc[channels];
        const std::int8_t* const weights = plan::weights.data();
        const std::int32_t* const bias = plan::bias.data();
        if constexpr (multiplier == 1 && channels >= 32 && portable::detail::row_requantization) {
            // Channel blocks of at most 32 accumulators that stay in vector registers across all taps;
            // the tap pointers are resolved once per pixel. (Fewer channels: the loop below is faster.)
            constexpr int taps = plan::taps;
            constexpr int block = channels < 32 ? channels : 32;
            constexpr int full_blocks = channels / block * block;
            for (int oy = y_begin; oy < y_end; ++oy) {
                for (int ox = 0; ox < g.out_w; ++ox) {
                    const std::int8_t* xs[taps];
                    portable::detail::depthwise_taps<Spec>(input, oy, ox, xs);
                    for (int c0 = 0; c0 < full_blocks; c0 += block)
                        portable::detail::depthwise_block<block, taps, channels>(weights + c0, bias + c0, xs, c0, acc + c0);
                    if constexpr (full_blocks < channels)
                        portable::detail::depthwise_block<channels - full_blocks, taps, channels>(
                            weights + full_blocks, bias + full_blocks, xs, full_blocks, acc + full_blocks);
                    portable::detail::requantize_row<channels, plan::requant, g.act_min, g.act_max>(
                        acc, output + ((oy - y_begin) * g.out_w + ox) * channels);
                }
            }
            return;
        }
        [[maybe_unused]] const auto* const requant = std::data(Spec::requant);
        for (int oy = y_begin; oy < y_end; ++oy) {
            for (int ox = 0; ox < g.out_w; ++ox) {
                const std::int8_t* xs[plan::taps];
                portable::detail::depthwise_taps<Spec>(input, oy, ox, xs);
                for (int c = 0; c < channels; ++c) acc[c] = bias[c];
                for (int t = 0; t < plan::taps; ++t) {
                    const std::int8_t* x = xs[t];
                    const std::int8_t* w = weights + t * channels;
                    if constexpr (multiplier == 1) {
                        for (int c = 0; c < channels; ++c) acc[c] += w[c] * std::int32_t{x[c]};
                    } else {
                        for (int ic = 0; ic < g.in_c; ++ic)
                            for (int m = 0; m < multiplier; ++m)
                                acc[ic * multiplier + m] += w[ic * multiplier + m] * std::int32_t{x[ic]};
                    }
                }
                std::int8_t* out = output + ((oy - y_begin) * g.out_w + ox) * channels;
                if constexpr (portable::detail::row_requantization)
                    portable::detail::requantize_row<channels, plan::requant, g.act_min, g.act_max>(acc, out);
                else
                    for (int c = 0; c < channels; ++c)
                        out[c] = portable::detail::requantize(acc[c], requant[c], g.output_zero_point, g.act_min, g.act_max);
            }
        }
    }
};

// The depthwise kernel of a set that has its own for depth multiplier 1
// (MultiplierOne::run<Spec>(input, output)) and leaves the other multipliers to the portable one.
template <class MultiplierOne>
struct depthwise_multiplier_one_kernel : provided_kernel {
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output) {
        if constexpr (Spec::geometry.depth_multiplier == 1)
            MultiplierOne::template run<Spec>(input, output);
        else
            kernel<portable_set, op::depthwise_conv2d>::run<Spec, O>(input, output);
    }
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
        if constexpr (Spec::geometry.depth_multiplier == 1)
            MultiplierOne::template run_rows<Spec>(input, output, y_begin, y_end);
        else
            kernel<portable_set, op::depthwise_conv2d>::run_rows<Spec, O>(input, output, y_begin, y_end);
    }
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        if constexpr (Spec::geometry.depth_multiplier == 1)
            return MultiplierOne::template constants<Spec>();
        else
            return kernel<portable_set, op::depthwise_conv2d>::constants<Spec, O>();
    }
};
}  // namespace ctnn::kernels
