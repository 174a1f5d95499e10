// SVDF: int8 input [B, I] -> int8 output [B, U], a stateful layer (TFLM's full-integer path,
// kernels/reference/svdf_s8.hpp). Its constants, as the converter (or a person) writes them:
//
//   struct svdf1 {
//       static constexpr int rank = R;
//       using feature_shape = ctnn::shape<F, I>;             // F = U * R filters
//       static constexpr std::int8_t weights_feature[F * I] = {...};
//       static constexpr float feature_scale = ...;          // symmetric, per tensor
//       using time_shape = ctnn::shape<F, M>;                // M memory steps
//       static constexpr std::int16_t weights_time[F * M] = {...};  // or std::int8_t
//       static constexpr float time_scale = ...;
//       static constexpr std::int32_t bias[U] = {...};
//       static constexpr float bias_scale = ...;
//       struct state_quant { using element = std::int16_t;   // the time weights' type
//                            static constexpr float scale = ...; static constexpr std::int32_t zero_point = 0; };
//   };
//
// The state (TFLite's activation_state variable tensor, [B, F * M] of state_quant::element) lives
// in the arena after the activation plan and persists across invoke(); reset_state writes what
// TFLM's ResetVariableTensors does. The fused activation is not a parameter: TFLM's integer
// kernel applies none.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/svdf_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/reference/svdf_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/accumulator_bound.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/quant/qparams.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, int Features, bool Matches>
struct svdf_input_must_be_batch_by_feature_weights_input {
    static_assert(Matches, "ctnn: svdf: the input must be [batch, I] with I the feature weights' second dimension (template "
                           "arguments: the input shape, I)");
};
template <class Params, int Filters, int Rank, bool Divides>
struct svdf_rank_must_divide_filters {
    static_assert(Divides, "ctnn: svdf: rank must be positive and divide the feature weights' filters (template arguments: the "
                           "parameters, filters, rank)");
};
template <class Params, class TimeShape, int Filters, bool Matches>
struct svdf_time_weights_must_be_filters_by_memory {
    static_assert(Matches, "ctnn: svdf: time_shape must be <filters, memory> (template arguments: the parameters, time_shape, filters)");
};
template <class Params, class TimeElement, class StateElement, bool Valid>
struct svdf_time_weights_and_state_must_both_be_int16_or_int8 {
    static_assert(Valid, "ctnn: svdf: weights_time and state_quant::element must be the same type, std::int16_t or std::int8_t "
                         "(template arguments: the parameters, the two types)");
};
template <class Params, std::size_t Count, int Expected>
struct svdf_count_does_not_match_shape {
    static_assert(Count == std::size_t(Expected), "ctnn: svdf: an array's length does not match its shape (template arguments: the "
                                                  "parameters, the length, the length its shape gives)");
};
template <class Params, bool Ok>
struct svdf_bias_scale_must_be_state_scale_times_time_scale {
    static_assert(Ok, "ctnn: svdf: bias_scale must be within 1e-5 of state_quant::scale x time_scale, as TFLM's Prepare requires "
                      "(template argument: the parameters)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits svdf_traits = separate_output;

template <class Params, QuantParams OutQ>
struct svdf : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: svdf takes an int8 tensor");
        static_assert(valid_quantization<OutQ> && std::is_same_v<quant_element_t<OutQ>, std::int8_t>, "ctnn: svdf's output is int8");
        using state_element = typename Params::state_quant::element;
        using time_element = std::remove_cvref_t<decltype(Params::weights_time[0])>;
        static_assert(sizeof(diag::svdf_time_weights_and_state_must_both_be_int16_or_int8<
                             Params, time_element, state_element,
                             std::is_same_v<time_element, state_element> &&
                                 (std::is_same_v<state_element, std::int16_t> || std::is_same_v<state_element, std::int8_t>)>));
        static_assert(valid_quantization<typename Params::state_quant>);

        static constexpr int filters = Params::feature_shape::dims[0];
        static constexpr int input_size = Params::feature_shape::dims[1];
        static constexpr int rank = Params::rank;
        static_assert(sizeof(diag::svdf_rank_must_divide_filters<Params, filters, rank, kernels::svdf_rank_divides(filters, rank)>));
        static constexpr int units = filters / rank;
        static constexpr int memory = Params::time_shape::dims[1];
        static_assert(sizeof(diag::svdf_time_weights_must_be_filters_by_memory<
                             Params, typename Params::time_shape, filters,
                             Params::time_shape::rank == 2 && Params::time_shape::dims[0] == filters>));
        static_assert(sizeof(diag::svdf_input_must_be_batch_by_feature_weights_input<
                             typename In::shape, input_size, In::shape::rank == 2 && In::shape::dims[1] == input_size>));
        static_assert(sizeof(diag::svdf_count_does_not_match_shape<Params, std::size(Params::weights_feature), filters * input_size>) &&
                      sizeof(diag::svdf_count_does_not_match_shape<Params, std::size(Params::weights_time), filters * memory>) &&
                      sizeof(diag::svdf_count_does_not_match_shape<Params, std::size(Params::bias), units>));
        static_assert(sizeof(diag::svdf_bias_scale_must_be_state_scale_times_time_scale<
                             Params, kernels::svdf_bias_scale_ok(Params::bias_scale, Params::state_quant::scale, Params::time_scale)>));

        static constexpr int batches = In::shape::dims[0];
        using output = tensor_type<shape<batches, units>, OutQ>;

        static constexpr float s_state = Params::state_quant::scale;
        static_assert(sizeof(diag::requantization_out_of_range<
                             Params, multiplier_in_range(kernels::svdf_feature_real(In::quant::scale, Params::feature_scale, s_state)) &&
                                         multiplier_in_range(kernels::svdf_output_real(s_state, Params::time_scale, OutQ::scale))>));

        // The feature dot product's worst magnitude: sum_i |wf[f][i]| * max |x - zp_in|.
        static constexpr std::int64_t feature_bound = [] {
            const std::int64_t x = std::max<std::int64_t>(127 - In::quant::zero_point, In::quant::zero_point + 128);
            std::int64_t worst = 0;
            for (int f = 0; f < filters; ++f) {
                std::int64_t sum = 0;
                for (int i = 0; i < input_size; ++i) {
                    const std::int64_t w = Params::weights_feature[f * input_size + i];
                    sum += w < 0 ? -w : w;
                }
                worst = std::max(worst, sum * x);
            }
            return worst;
        }();
        static_assert(diag::accumulator_may_overflow_int32<Params, feature_bound>::ok);

        struct spec {
            using state_element = bind::state_element;
            static constexpr kernels::svdf_params params = kernels::make_svdf_params<state_element>(
                {batches, input_size, filters, rank, memory}, In::quant::scale, In::quant::zero_point, Params::feature_scale, s_state,
                Params::state_quant::zero_point, Params::time_scale, OutQ::scale, OutQ::zero_point);
            static constexpr const std::int8_t* weights_feature = std::data(Params::weights_feature);
            static constexpr const state_element* weights_time = std::data(Params::weights_time);
            static constexpr const std::int32_t* bias = std::data(Params::bias);
        };

        static constexpr std::size_t state_values = std::size_t(batches) * std::size_t(filters) * std::size_t(memory);
        static constexpr std::size_t state_bytes = state_values * sizeof(state_element);
        static void reset_state(std::byte* state) noexcept {
            std::fill_n(reinterpret_cast<state_element*>(state), state_values,
                        kernels::svdf_state_reset_value<state_element>(Params::state_quant::zero_point));
        }

        using kernel = kernels::kernel_for<kernels::op::svdf>;
        static constexpr layer_facts facts{
            .param_bytes = std::size(Params::weights_feature) + std::size(Params::weights_time) * sizeof(state_element) +
                           std::size(Params::bias) * sizeof(std::int32_t),
            .macs = std::size_t(batches) * (std::size(Params::weights_feature) + std::size(Params::weights_time)),
            .widenable_weights = 0,
            .in_place_input = svdf_traits.in_place_input,
            .is_view = svdf_traits.is_view,
            .fusion = svdf_traits.fusion,
            .scratch_bytes = kernel::template scratch_bytes<spec>};

        static void run_reference(const std::int8_t* input, std::int8_t* out, std::byte* state) {
            using kernels::reference::runtime_value;
            kernels::reference::svdf_s8<state_element>(runtime_value(spec::params), input, runtime_value(spec::weights_feature),
                                                       runtime_value(spec::weights_time), runtime_value(spec::bias),
                                                       reinterpret_cast<state_element*>(state), out);
        }
        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<spec, O>(); }
        template <kernel_options O>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte* state, std::byte* scratch) {
            kernel::template run<spec, O>(input, out, reinterpret_cast<state_element*>(state), scratch);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
