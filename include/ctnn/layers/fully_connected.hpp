// FULLY_CONNECTED: int8 input flattened to [batches, in], int8 weights [out, in] per tensor
// or per channel, int32 bias, fused activation. With an int16 input it is TFLite's 16x8
// FULLY_CONNECTED: int16 output, an int32 or int64 bias (the accumulator's width).
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/reference/fully_connected_s16.hpp"
#include "ctnn/kernels/reference/fully_connected_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/fully_connected_s16.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/accumulator_bound.hpp"
#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/weighted_16x8.hpp"
#include "ctnn/layers/weighted_facts.hpp"
#include "ctnn/layers/layer_params.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, class WeightShape, bool Matches>
struct fully_connected_input_does_not_match_weights {
    static_assert(Matches, "ctnn: fully_connected: the input shape does not fit the weights' input features "
                           "(first template argument: input shape; second: weight shape <out, in>)");
};
}  // namespace diag

namespace layers {

// Weights int16-widenable.
inline constexpr operator_traits fully_connected_traits{
    .widenable_weights = true, .in_place_input = -1, .is_view = false, .fusion = fusion_role::none};

template <LayerParams Params, QuantParams OutQ, Activation Act = act::none, bool KeepDims = false>
struct fully_connected : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In> || Int16Tensor<In>, "ctnn: fully_connected takes an int8 or an int16 tensor");
        using types = detail::weighted_types<In, OutQ, Params, false>;
        static constexpr bool wide = types::wide;
        using element = typename types::element;
        using weight_shape = typename Params::weight_shape;
        static_assert(weight_shape::rank == 2, "ctnn: fully_connected weight_shape must be <out, in>");
        static constexpr int out_features = weight_shape::dims[0];
        static constexpr int in_features = weight_shape::dims[1];
        static constexpr bool input_fits = KeepDims ? In::shape::inner == in_features : In::size % in_features == 0;
        static_assert(sizeof(diag::fully_connected_input_does_not_match_weights<typename In::shape, weight_shape, input_fits>));
        static_assert(valid_layer_params<Params, out_features> && valid_quantization<OutQ>);

        static constexpr int batches = static_cast<int>(In::size / in_features);
        static constexpr auto output_dims = [] {
            std::array<int, KeepDims ? In::shape::rank : 2> d{};
            if constexpr (KeepDims) {
                for (int i = 0; i < In::shape::rank; ++i) d[i] = In::shape::dims[i];
                d[In::shape::rank - 1] = out_features;
            } else {
                d = {batches, out_features};
            }
            return d;
        }();
        using output = tensor_type<shape_from<output_dims>, OutQ>;

        static constexpr bool per_channel = std::size(Params::weight_scales) > 1;


        static_assert(sizeof(diag::requantization_out_of_range<
                             Params, per_channel ? first_channel_out_of_range(In::quant::scale, Params::weight_scales,
                                                                              out_features, OutQ::scale) < 0
                                                 : multiplier_in_range(per_tensor_fc_real(In::quant::scale, Params::weight_scales[0],
                                                                                          OutQ::scale))>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));

        struct spec {
            static constexpr activation_range range = output_activation_range<Act, OutQ>();
            static constexpr kernels::fully_connected_params params{
                batches, in_features, out_features, In::quant::zero_point, OutQ::zero_point,
                range.min, range.max, per_channel};
            static constexpr const std::int8_t* weights = std::data(Params::weights);
            static constexpr int weight_bits = weight_bits_of<Params>;  // 4: int4 weights, kept packed
            static constexpr const typename types::bias* bias = std::data(Params::bias);
            static constexpr auto requant = [] {
                if constexpr (per_channel) {
                    return per_channel_multipliers<out_features>(In::quant::scale, Params::weight_scales, OutQ::scale);
                } else {
                    return std::array{per_tensor_fc_multiplier(In::quant::scale, Params::weight_scales[0], OutQ::scale)};
                }
            }();
        };

        // One pass over the weights for this check and every kernel's folded bias (channel_sums).
        static constexpr std::int64_t accumulator_bound = [] {
            constexpr auto& sums = kernels::channel_sums<spec, out_features, kernels::channel_weights{in_features, in_features, 1}>;
            constexpr auto bias = [](int o) { return std::int64_t{Params::bias[o]}; };
            if constexpr (wide) {
                return ctnn::accumulator_bound_16x8_from_sums(out_features, sums, bias).total;
            } else {
                return ctnn::accumulator_bound_from_sums(out_features, sums, bias, In::quant::zero_point);
            }
        }();
        static_assert(std::conditional_t<wide, diag::accumulator_16x8_out_of_range<Params, types::int64_accumulator, accumulator_bound>,
                                         diag::accumulator_may_overflow_int32<Params, accumulator_bound>>::ok);
        static_assert(sizeof(diag::requantization_out_of_range_for_int64_accumulator<
                             Params, !types::int64_accumulator || shifts_fit_s64(spec::requant)>));

        using kernel = kernels::kernel_for<std::conditional_t<wide, kernels::op::fully_connected_s16, kernels::op::fully_connected>>;
        static constexpr layer_facts facts{
            .param_bytes = weighted_param_bytes(std::size(Params::weights), out_features, per_channel, sizeof(typename types::bias)),
            .macs = weighted_macs(output::size, std::size(Params::weights), out_features),
            .widenable_weights = fully_connected_traits.widenable_weights && !wide ? std::size(Params::weights) : 0,
            .in_place_input = fully_connected_traits.in_place_input,
            .is_view = fully_connected_traits.is_view,
            .fusion = fully_connected_traits.fusion,
            .scratch_bytes = kernel::template scratch_bytes<spec>};

        static void run_reference(const element* input, element* out) {
            using kernels::reference::runtime_value;
            if constexpr (wide) {
                kernels::reference::fully_connected_s16(runtime_value(spec::params), input, runtime_value(spec::weights),
                                                        runtime_value(spec::bias), runtime_value(spec::requant.data()), out);
            } else {
                kernels::reference::fully_connected_s8(runtime_value(spec::params), input, runtime_value(spec::weights),
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
