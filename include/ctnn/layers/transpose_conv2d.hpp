// TRANSPOSE_CONV: NHWC int8 input, OHWI int8 weights (per channel or per tensor), int32 bias
// (zeros when the model has none), stride, SAME/VALID padding, fused activation; the output
// shape is TFLite's output_shape input, any size (the padding follows from it, TFLite's way).
// With an int16 input it is TFLite's 16x8 TRANSPOSE_CONV: int16 output, an int64 bias (zeros
// when the model has none), int64 accumulators.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/transpose_conv2d_s16.hpp"
#include "ctnn/kernels/portable/transpose_conv2d_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/reference/transpose_conv2d_s16.hpp"
#include "ctnn/kernels/reference/transpose_conv2d_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/kernels/transpose_conv_params.hpp"
#include "ctnn/layers/accumulator_bound.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/layer_params.hpp"
#include "ctnn/layers/options.hpp"
#include "ctnn/layers/weighted_16x8.hpp"
#include "ctnn/layers/weighted_facts.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn {
namespace diag {
template <class OutputShape, class WeightShape, class Stride, bool InRange>
struct transpose_conv_stride_out_of_range {
    static_assert(InRange, "ctnn: transpose_conv2d: output size + kernel + 2 x stride must stay below 2^31 in each axis "
                           "(template arguments: output shape, weight shape, stride)");
};
template <class InputShape, class WeightShape, class OutputShape, bool Matches>
struct transpose_conv_shapes_do_not_match {
    static_assert(Matches, "ctnn: transpose_conv2d: the input must be NxHxWxC and the output NxH'xW'xO, with C and O "
                           "the weights' <O, KH, KW, C> (template arguments: input, weight and output shapes)");
};
}  // namespace diag

namespace layers {

// Its own output; weights not widened (no kernel reads them as int16).
inline constexpr operator_traits transpose_conv2d_traits = separate_output;

template <LayerParams Params, QuantParams OutQ, Shape OutShape, Stride Str, Padding Pad, Activation Act = act::none>
struct transpose_conv2d : layer {
    template <class In>
    struct bind {
        using weight_shape = typename Params::weight_shape;
        static constexpr bool shapes_match = [] {
            if constexpr (In::shape::rank != 4 || weight_shape::rank != 4 || OutShape::rank != 4) {
                return false;
            } else {
                return (Int8Tensor<In> || Int16Tensor<In>) && In::shape::dims[3] == weight_shape::dims[3] && OutShape::dims[3] == weight_shape::dims[0] &&
                       OutShape::dims[0] == In::shape::dims[0];
            }
        }();
        static_assert(sizeof(diag::transpose_conv_shapes_do_not_match<typename In::shape, weight_shape, OutShape, shapes_match>));
        using types = detail::weighted_types<In, OutQ, Params, true>;
        static constexpr bool wide = types::wide;
        using element = typename types::element;
        static constexpr int out_c = OutShape::inner;
        static constexpr int kernel_h = weight_shape::dims[1], kernel_w = weight_shape::dims[2];
        static_assert(sizeof(diag::transpose_conv_stride_out_of_range<
                             OutShape, weight_shape, Str,
                             kernels::transpose_conv_axis_in_int_range(OutShape::dims[1], kernel_h, Str::h) &&
                                 kernels::transpose_conv_axis_in_int_range(OutShape::dims[2], kernel_w, Str::w)>));
        static_assert(valid_layer_params<Params, out_c> && valid_quantization<OutQ>);
        static_assert(sizeof(diag::requantization_out_of_range<
                             Params, first_channel_out_of_range(In::quant::scale, Params::weight_scales, out_c, OutQ::scale) < 0>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
        // Every partial sum, over any subset of an output's taps, stays inside the bound of all of them.
        static constexpr int depth = kernel_h * kernel_w * In::shape::dims[3];
        static constexpr std::int64_t accumulator_bound = [] {
            constexpr auto weight = [](int o, int k) { return std::int64_t{Params::weights[o * depth + k]}; };
            constexpr auto bias = [](int o) { return std::int64_t{Params::bias[o]}; };
            if constexpr (wide) {
                return ctnn::accumulator_bound_16x8_of(out_c, depth, weight, bias).total;
            } else {
                return ctnn::accumulator_bound(out_c, depth, weight, bias, In::quant::zero_point);
            }
        }();
        static_assert(std::conditional_t<wide, diag::accumulator_16x8_out_of_range<Params, true, accumulator_bound>,
                                         diag::accumulator_may_overflow_int32<Params, accumulator_bound>>::ok);

        using output = tensor_type<OutShape, OutQ>;

        struct spec {
            static constexpr kernels::transpose_conv_params params = [] {
                constexpr bool same = std::is_same_v<Pad, padding::same>;
                const activation_range r = output_activation_range<Act, OutQ>();
                kernels::transpose_conv_params p;
                p.batches = In::shape::dims[0];
                p.in_h = In::shape::dims[1];
                p.in_w = In::shape::dims[2];
                p.in_c = In::shape::dims[3];
                p.out_h = OutShape::dims[1];
                p.out_w = OutShape::dims[2];
                p.out_c = out_c;
                p.kernel_h = kernel_h;
                p.kernel_w = kernel_w;
                p.stride_h = Str::h;
                p.stride_w = Str::w;
                p.pad_top = kernels::transpose_conv_padding(same, p.out_h, kernel_h, Str::h);
                p.pad_left = kernels::transpose_conv_padding(same, p.out_w, kernel_w, Str::w);
                p.input_zero_point = In::quant::zero_point;
                p.output_zero_point = OutQ::zero_point;
                p.act_min = r.min;
                p.act_max = r.max;
                return p;
            }();
            static constexpr const std::int8_t* weights = std::data(Params::weights);
            static constexpr const typename types::bias* bias = std::data(Params::bias);
            // TFLM derives them as for CONV_2D (PopulateConvolutionQuantizationParams, in double).
            static constexpr auto requant = per_channel_multipliers<out_c>(In::quant::scale, Params::weight_scales, OutQ::scale);
        };
        static_assert(sizeof(diag::requantization_out_of_range_for_int64_accumulator<Params, !wide || shifts_fit_s64(spec::requant)>));

        using kernel = kernels::kernel_for<std::conditional_t<wide, kernels::op::transpose_conv2d_s16, kernels::op::transpose_conv2d>>;
        // As the converter counts them: every weight for every output (an upper bound of the taps that land).
        static constexpr layer_facts facts{
            .param_bytes = weighted_param_bytes(std::size(Params::weights), out_c, true, sizeof(typename types::bias)),
            .macs = weighted_macs(output::size, std::size(Params::weights), out_c),
            .widenable_weights = 0,
            .in_place_input = transpose_conv2d_traits.in_place_input,
            .is_view = transpose_conv2d_traits.is_view,
            .fusion = transpose_conv2d_traits.fusion,
            .scratch_bytes = kernel::template scratch_bytes<spec>};

        static void run_reference(const element* input, element* out) {
            using kernels::reference::runtime_value;
            if constexpr (wide) {
                kernels::reference::transpose_conv2d_s16(runtime_value(spec::params), input, runtime_value(spec::weights),
                                                         runtime_value(spec::bias), runtime_value(spec::requant.data()), out);
            } else {
                kernels::reference::transpose_conv2d_s8(runtime_value(spec::params), input, runtime_value(spec::weights),
                                                        runtime_value(spec::bias), runtime_value(spec::requant.data()), out);
            }
        }
        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<spec, O>(); }
        template <kernel_options O>
        static void run(const element* input, element* out, std::byte* scratch) {
            kernel::template run<spec, O>(input, out, scratch);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
