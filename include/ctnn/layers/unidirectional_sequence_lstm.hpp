// UNIDIRECTIONAL_SEQUENCE_LSTM, int8 or int16 activations (TFLM's integer LSTM,
// kernels/reference/lstm_s8.hpp; the element type is the input's): input [B, T, I] (or
// [T, B, I] time major), output [B, T, U] (or [T, B, U]): every step's hidden state. A stateful
// layer: its hidden (the activations' type) and cell (int16) states persist across inferences
// in `state_bytes` of the arena, reset as TFLM resets variable tensors.
//
// W, the converter's w:: struct:
//   struct lstm1 {
//       static constexpr int units = 20, input_size = 28;
//       static constexpr bool time_major = false;
//       static constexpr float cell_clip = 0.0f;   // 0: no clipping
//       struct hidden_quant { static constexpr float scale = ...; static constexpr std::int32_t zero_point = ...; };
//       static constexpr float cell_scale = ...;   // the int16 cell state's
//       static constexpr float input_weight_scales[4] = {...}, recurrent_weight_scales[4] = {...};
//       static constexpr std::int8_t input_weights[4 * units * input_size] = {...};  // gates i, f, c, o
//       static constexpr std::int8_t recurrent_weights[4 * units * units] = {...};
//       static constexpr std::int32_t bias[4 * units] = {...};  // std::int64_t with int16 activations
//   };
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/lstm_s8.hpp"
#include "ctnn/kernels/reference/lstm_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/quant/qparams.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, int Units, int InputSize, bool Match>
struct lstm_input_shape_does_not_match {
    static_assert(Match, "ctnn: unidirectional_sequence_lstm takes a rank-3 input whose last dimension is the weights' input "
                         "size (template arguments: the input shape, the units, the input size)");
};
template <class Bias, class Want, bool Match>
struct lstm_bias_type_does_not_match {
    static_assert(Match, "ctnn: unidirectional_sequence_lstm: W::bias must be int32 with int8 activations, int64 with int16 "
                         "(TFLM's types; template arguments: the bias type, the one needed)");
};
template <std::size_t Got, std::size_t Want, bool Match>
struct lstm_weight_count_does_not_match {
    static_assert(Match, "ctnn: unidirectional_sequence_lstm: an array of W has the wrong number of elements "
                         "(template arguments: its size, the size 4 x units x (input size, units or 1) needs)");
};
template <int Power, bool InRange>
struct lstm_cell_scale_out_of_range {
    static_assert(InRange, "ctnn: unidirectional_sequence_lstm needs a cell state scale of 2^p with p in [-40, 2] "
                           "(TFLite's tanh shifts; template argument: p, log2 of the scale rounded)");
};
template <int Which, bool InRange>
struct lstm_multiplier_out_of_range {
    static_assert(InRange, "ctnn: unidirectional_sequence_lstm: an effective scale is out of range (2^30 or more; an FC's "
                           "2^7 or more with int16 activations): "
                           "0-3 the input FCs, 4-7 the recurrent FCs, 8 forget x cell, 9 input x cell gate, 10 the hidden "
                           "state (template argument: which)");
};
}  // namespace diag

namespace layers {

// Its own output; its weights are read per step, not widened.
inline constexpr operator_traits unidirectional_sequence_lstm_traits = separate_output;

template <class W>
constexpr kernels::lstm_quantization lstm_quantization_of(float input_scale, std::int32_t input_zero_point) noexcept {
    kernels::lstm_quantization q;
    q.input_scale = input_scale;
    q.input_zero_point = input_zero_point;
    q.hidden_scale = W::hidden_quant::scale;
    q.hidden_zero_point = W::hidden_quant::zero_point;
    q.cell_scale = W::cell_scale;
    for (int g = 0; g < kernels::lstm_gates; ++g) {
        q.input_weight_scales[g] = W::input_weight_scales[g];
        q.recurrent_weight_scales[g] = W::recurrent_weight_scales[g];
    }
    q.cell_clip = W::cell_clip;
    return q;
}

template <class W, QuantParams OutQ>
struct unidirectional_sequence_lstm : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In> || Int16Tensor<In>, "ctnn: unidirectional_sequence_lstm takes an int8 or int16 input");
        static_assert(valid_quantization<OutQ> && valid_quantization<typename W::hidden_quant>);
        using A = typename In::element;
        using Bias = kernels::lstm_bias_t<A>;
        static_assert(sizeof(diag::lstm_bias_type_does_not_match<std::remove_cvref_t<decltype(W::bias[0])>, Bias,
                                                                  std::is_same_v<std::remove_cvref_t<decltype(W::bias[0])>, Bias>>));
        static constexpr int U = W::units, I = W::input_size;
        static_assert(sizeof(diag::lstm_input_shape_does_not_match<typename In::shape, U, I,
                                                                    In::shape::rank == 3 && In::shape::dims[2] == I>));
        static constexpr int B = W::time_major ? In::shape::dims[1] : In::shape::dims[0];
        static constexpr int T = W::time_major ? In::shape::dims[0] : In::shape::dims[1];
        static_assert(sizeof(diag::lstm_weight_count_does_not_match<std::size(W::input_weights), std::size_t(4 * U * I),
                                                                     std::size(W::input_weights) == std::size_t(4 * U * I)>));
        static_assert(sizeof(diag::lstm_weight_count_does_not_match<std::size(W::recurrent_weights), std::size_t(4 * U * U),
                                                                     std::size(W::recurrent_weights) == std::size_t(4 * U * U)>));
        static_assert(sizeof(diag::lstm_weight_count_does_not_match<std::size(W::bias), std::size_t(4 * U),
                                                                     std::size(W::bias) == std::size_t(4 * U)>));
        static_assert(sizeof(diag::lstm_cell_scale_out_of_range<kernels::lstm_rounded_log2(W::cell_scale),
                                                                 kernels::lstm_cell_scale_in_range(W::cell_scale)>));
        static constexpr kernels::lstm_quantization quantization = lstm_quantization_of<W>(In::quant::scale, In::quant::zero_point);
        static constexpr int bad_multiplier = kernels::lstm_first_multiplier_out_of_range(quantization, sizeof(A) == 2);
        static_assert(sizeof(diag::lstm_multiplier_out_of_range<bad_multiplier, bad_multiplier < 0>));

        using output = tensor_type<shape<In::shape::dims[0], In::shape::dims[1], U>, OutQ>;

        struct spec {
            static constexpr kernels::lstm_params params = kernels::make_lstm_params(B, T, I, U, W::time_major, quantization);
            using weights = W;
            using element = A;
        };
        static constexpr kernels::lstm_weights_of<Bias> weights = [] {
            kernels::lstm_weights_of<Bias> w;
            for (int g = 0; g < kernels::lstm_gates; ++g) {
                w.input[g] = W::input_weights + g * U * I;
                w.recurrent[g] = W::recurrent_weights + g * U * U;
                w.bias[g] = W::bias + g * U;
            }
            return w;
        }();

        using kernel = kernels::kernel_for<kernels::op::unidirectional_sequence_lstm>;
        static constexpr layer_facts facts{
            .param_bytes = std::size(W::input_weights) + std::size(W::recurrent_weights) + sizeof(W::bias),  // as TFLite stores them
            .macs = std::size_t(B) * std::size_t(T) * std::size_t(4 * U) * std::size_t(I + U),
            .widenable_weights = 0,
            .in_place_input = unidirectional_sequence_lstm_traits.in_place_input,
            .is_view = unidirectional_sequence_lstm_traits.is_view,
            .fusion = unidirectional_sequence_lstm_traits.fusion,
            .scratch_bytes = kernel::template scratch_bytes<spec>};

        // The output_state and cell_state variable tensors: cell (int16) then hidden (int8).
        static constexpr std::size_t state_bytes = kernels::lstm_state_bytes(B, U, sizeof(A));
        static void reset_state(std::byte* state) noexcept {
            kernels::reference::lstm_reset_state<A>(state, B, U, W::hidden_quant::zero_point);
        }

        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<spec, O>(); }
        template <kernel_options O>
        static void run(const A* input, A* out, std::byte* state, std::byte* scratch) {
            kernel::template run<spec, O>(input, out, state, scratch);
        }
        static void run_reference(const A* input, A* out, std::byte* state) {
            using kernels::reference::runtime_value;
            kernels::reference::lstm(runtime_value(spec::params), runtime_value(weights), input, out, state);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
