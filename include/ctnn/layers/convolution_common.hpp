// What CONV_2D and DEPTHWISE_CONV_2D share: the checks on input, weights and options, TFLite's
// padding arithmetic, per-channel requantization, the kernel's spec and the accumulator bound.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/layers/accumulator_bound.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/layer_params.hpp"
#include "ctnn/layers/options.hpp"
#include "ctnn/layers/weighted_16x8.hpp"
#include "ctnn/layers/weighted_facts.hpp"
#include "ctnn/layers/window_geometry.hpp"
#include "ctnn/plan/in_place_rows.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, class WeightShape, bool Matches>
struct convolution_input_does_not_match_weights {
    static_assert(Matches, "ctnn: convolution: the input must be 1xHxWxC with C matching the weights "
                           "(template arguments: input shape, weight shape)");
};
template <class InputShape, class WeightShape, bool Fits>
struct convolution_kernel_larger_than_input {
    static_assert(Fits, "ctnn: convolution: with VALID padding the (dilated) kernel must fit in the input; "
                        "use padding::same or a smaller kernel (template arguments: input shape, weight shape)");
};
template <class InputShape, class WeightShape, class Stride, class Dilation, bool InRange>
struct convolution_stride_or_dilation_out_of_range {
    static_assert(InRange, "ctnn: convolution: the stride or the dilated kernel is too large for int arithmetic "
                           "(template arguments: input shape, weight shape, stride, dilation)");
};
}  // namespace diag

namespace layers::detail {

// Geometry of a convolution whose output has `out_c` channels, from input type In.
template <class In, int KernelH, int KernelW, int OutC, class Str, class Pad, class Act, class Dil, class OutQ>
constexpr kernels::conv_geometry convolution_geometry() noexcept {
    using s = typename In::shape;
    kernels::conv_geometry g =
        window_geometry<kernels::conv_geometry, s, KernelH, KernelW, Str, Dil, Pad, Act, OutQ>();
    g.in_c = s::dims[3];
    g.out_c = OutC;
    g.kernel_h = KernelH;
    g.kernel_w = KernelW;
    g.dilation_h = Dil::h;
    g.dilation_w = Dil::w;
    g.depth_multiplier = OutC / s::dims[3];
    g.input_zero_point = In::quant::zero_point;
    g.output_zero_point = OutQ::zero_point;
    return g;
}

// What the convolution kernels read (see kernels/portable/conv2d_s8.hpp, conv2d_s16.hpp), shared
// by CONV_2D and DEPTHWISE_CONV_2D; identical layers share one spec type and so one kernel
// instance. Bias: the bias's element type (int32; int32 or int64 for 16x8 layers).
template <class In, class Params, class OutQ, int KernelH, int KernelW, int OutC, class Str, class Pad, class Act,
          class Dil, class Bias = std::int32_t>
struct convolution_spec {
    static_assert(sizeof(diag::requantization_out_of_range<
                         Params, first_channel_out_of_range(In::quant::scale, Params::weight_scales, OutC, OutQ::scale) < 0>));
    static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
    static constexpr kernels::conv_geometry geometry =
        convolution_geometry<In, KernelH, KernelW, OutC, Str, Pad, Act, Dil, OutQ>();
    static constexpr const std::int8_t* weights = std::data(Params::weights);
    static constexpr int weight_bits = weight_bits_of<Params>;  // 4: int4 weights, kept packed
    static constexpr const Bias* bias = std::data(Params::bias);
    static constexpr auto requant = per_channel_multipliers<OutC>(In::quant::scale, Params::weight_scales, OutQ::scale);
    // Weights and biases as stored, plus a multiplier and a shift per output channel.
    static constexpr std::size_t param_bytes = weighted_param_bytes(std::size(Params::weights), OutC, true, sizeof(Bias));
};

template <class In, class WeightShape, int KernelH, int KernelW, class Str, class Dil, bool ChannelsMatch, bool Valid>
struct convolution_checks {
    static constexpr bool is_nhwc = In::shape::rank == 4 && In::shape::dims[0] == 1;
    static_assert(sizeof(diag::convolution_input_does_not_match_weights<typename In::shape, WeightShape,
                                                                        is_nhwc && ChannelsMatch>));
    static constexpr window_error y = check_window(!Valid, In::shape::dims[1], KernelH, Str::h, Dil::h);
    static constexpr window_error x = check_window(!Valid, In::shape::dims[2], KernelW, Str::w, Dil::w);
    static_assert(sizeof(diag::convolution_stride_or_dilation_out_of_range<
                         typename In::shape, WeightShape, Str, Dil,
                         window_in_int_range(y) && window_in_int_range(x)>));
    static constexpr bool kernel_fits = y != window_error::kernel_larger_than_input && x != window_error::kernel_larger_than_input;
    static_assert(sizeof(diag::convolution_kernel_larger_than_input<typename In::shape, WeightShape, kernel_fits>));
};

// The part of bind<In> that CONV_2D and DEPTHWISE_CONV_2D (Op) share: every check on the input,
// the weights and the options, in that order; the kernel, its spec and the output type; the
// accumulator bound. They differ in the weights' layout, as TFLite stores them: CONV_2D's OHWI
// (output channel c reads its kh x kw x in taps from c * taps on), DEPTHWISE_CONV_2D's 1HWC (tap
// k of output channel c at k * out + c, reading input channel c / (out / in)).
// An int16 input makes it a 16x8 layer (Op16: its kernel's operation): int16 output, int64 or
// (CONV_2D) int32 bias, and TFLite's accumulator of the bias's width.
template <class Op, class Op16, class In, class Params, class OutQ, class Str, class Pad, class Act, class Dil>
struct convolution_bind {
    static constexpr bool depthwise = std::is_same_v<Op, kernels::op::depthwise_conv2d>;
    using weight_shape = typename Params::weight_shape;
    static_assert(Int8Tensor<In> || Int16Tensor<In>, "ctnn: conv2d and depthwise_conv2d take an int8 or an int16 tensor");
    using types = weighted_types<In, OutQ, Params, depthwise>;
    static constexpr bool wide = types::wide;
    using element = typename types::element;
    static_assert(weight_shape::rank == 4 && (!depthwise || weight_shape::dims[0] == 1),
                  "ctnn: weight_shape must be <out, kh, kw, in> for conv2d, <1, kh, kw, out> for depthwise_conv2d");
    static constexpr int out_c = weight_shape::dims[depthwise ? 3 : 0], kh = weight_shape::dims[1], kw = weight_shape::dims[2];
    // The weights that feed one output value.
    static constexpr int taps = depthwise ? kh * kw : kh * kw * weight_shape::dims[3];
    static_assert(sizeof(convolution_checks<In, weight_shape, kh, kw, Str, Dil,
                                            In::shape::rank == 4 && (depthwise ? out_c % In::shape::dims[3] == 0
                                                                               : In::shape::dims[3] == weight_shape::dims[3]),
                                            std::is_same_v<Pad, padding::valid>>));
    static_assert(valid_layer_params<Params, out_c> && valid_quantization<OutQ>);

    using kernel = kernels::kernel_for<std::conditional_t<wide, Op16, Op>>;
    using spec = convolution_spec<In, Params, OutQ, kh, kw, out_c, Str, Pad, Act, Dil, typename types::bias>;
    static constexpr auto& g = spec::geometry;
    using output = tensor_type<shape<1, g.out_h, g.out_w, out_c>, OutQ>;

    // One pass over the weights for this check and every kernel's folded bias (channel_sums).
    static constexpr kernels::channel_weights layout = depthwise ? kernels::channel_weights{taps, 1, out_c} : kernels::channel_weights{taps, taps, 1};
    static constexpr std::int64_t accumulator_bound = [] {
        constexpr auto& sums = kernels::channel_sums<spec, out_c, layout>;
        constexpr auto bias = [](int c) { return std::int64_t{Params::bias[c]}; };
        if constexpr (wide) {
            return ctnn::accumulator_bound_16x8_from_sums(out_c, sums, bias).total;
        } else {
            return ctnn::accumulator_bound_from_sums(out_c, sums, bias, g.input_zero_point);
        }
    }();
    static_assert(std::conditional_t<wide, diag::accumulator_16x8_out_of_range<Params, types::int64_accumulator, accumulator_bound>,
                                     diag::accumulator_may_overflow_int32<Params, accumulator_bound>>::ok);
    static_assert(sizeof(diag::requantization_out_of_range_for_int64_accumulator<
                         Params, !types::int64_accumulator || shifts_fit_s64(spec::requant)>));

    // Whether it may write over its input by rows (plan/in_place_rows.hpp): stride 1 down the
    // rows, the input's rows and width, and an output row no larger than the input row (no
    // more channels), so output row r can take input row r's place (or less) once the windows
    // below have passed it. chunk_rows: the rows per kernel call.
    static constexpr plan::row_band row_band_with(int chunk_rows) noexcept {
        constexpr bool same_rows = g.stride_h == 1 && g.in_h == g.out_h && g.in_w == g.out_w && g.out_c <= g.in_c;
        if constexpr (!same_rows) return {};
        return {.delay = g.pad_top, .chunk_rows = chunk_rows,
                .row_bytes = std::size_t(g.out_w) * std::size_t(g.out_c) * sizeof(element), .rows = g.out_h};
    }

    // The layer's facts: what the two state alike, and what their kernels need, given.
    static constexpr layer_facts facts_with(operator_traits traits, std::size_t scratch_bytes) noexcept {
        return {.param_bytes = spec::param_bytes,
                .macs = weighted_macs(output::size, std::size(Params::weights), out_c),
                .widenable_weights = traits.widenable_weights && !wide ? std::size(Params::weights) : 0,
                .in_place_input = traits.in_place_input,
                .is_view = traits.is_view,
                .fusion = traits.fusion,
                .scratch_bytes = scratch_bytes};
    }
};

}  // namespace layers::detail
}  // namespace ctnn
