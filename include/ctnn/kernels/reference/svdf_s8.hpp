// Reference SVDF, TFLM's full-integer path (micro/kernels/svdf_common.cc): int8 input [B, I],
// int8 feature weights [F, I], time weights [F, M] and the activation state [B, F * M] both int16
// (or both int8), int32 bias [U] (U = F / rank), int8 output [B, U]. One invoke:
//   1. the state moves one element to the front (each filter's memory row ages by one step);
//   2. the newest column: state[b][f][M - 1] = clamp(MBQM(sum_i wf[f][i] * (x[b][i] - zp_in), m1))
//      to the state type, + zp_state (svdf_narrow_state);
//   3. out[b][u] = clamp(MBQM(bias[u] + sum_{r, j} wt[f][j] * (state[b][f][j] - zp_state), m2)
//      + zp_out) to int8, f = u * rank + r.
// TFLM's integer kernel applies no fused activation, and its Prepare reads the bias's scale, so a
// model without a bias does not run there (the converter refuses it). Prepare derives both
// multipliers from float products and quotients, widened to double for QuantizeMultiplier.
// Sums are modulo 2^32, as TFLM's int32 accumulators wrap on every target it runs on.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

struct svdf_params {
    int batches = 1;
    int input_size = 1;
    int filters = 1;  // units * rank
    int units = 1;
    int rank = 1;
    int memory = 1;
    std::int32_t input_zero_point = 0, state_zero_point = 0, output_zero_point = 0;
    std::int32_t state_min = -32768, state_max = 32767;  // the state type's range
    quantized_multiplier feature_multiplier;  // TFLM's effective_scale_1: input x feature weights -> state
    quantized_multiplier output_multiplier;   // effective_scale_2: state x time weights -> output

    friend constexpr bool operator==(const svdf_params&, const svdf_params&) = default;
};

// TFLM's effective scales: float arithmetic (s_in * s_feature / s_state), then double.
constexpr double svdf_feature_real(float s_in, float s_feature, float s_state) noexcept {
    return static_cast<double>(s_in * s_feature / s_state);
}
constexpr double svdf_output_real(float s_state, float s_time, float s_out) noexcept {
    return static_cast<double>(s_state * s_time / s_out);
}
// Prepare's bias rule: its scale within 1e-5 of s_state * s_time (the float product).
constexpr bool svdf_bias_scale_ok(float s_bias, float s_state, float s_time) noexcept {
    const double d = static_cast<double>(s_bias) - static_cast<double>(s_state * s_time);
    return (d < 0 ? -d : d) < 1e-5;
}

struct svdf_shape {
    int batches, input_size, filters, rank, memory;
};
constexpr bool svdf_rank_divides(int filters, int rank) noexcept { return rank > 0 && filters % rank == 0; }

template <class State>
constexpr svdf_params make_svdf_params(svdf_shape s, float s_in, std::int32_t zp_in, float s_feature, float s_state,
                                       std::int32_t zp_state, float s_time, float s_out, std::int32_t zp_out) noexcept {
    return {s.batches, s.input_size, s.filters, s.filters / s.rank, s.rank, s.memory, zp_in, zp_state, zp_out,
            std::numeric_limits<State>::min(), std::numeric_limits<State>::max(),
            quantize_multiplier(svdf_feature_real(s_in, s_feature, s_state)),
            quantize_multiplier(svdf_output_real(s_state, s_time, s_out))};
}

// What MicroGraph::ResetVariableTensors writes into the state: an int8 variable's zero point,
// 0 into any other type.
template <class State>
constexpr State svdf_state_reset_value(std::int32_t zp_state) noexcept {
    return std::is_same_v<State, std::int8_t> ? static_cast<State>(zp_state) : State{0};
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

// The wrapping int32 sum TFLM's accumulators compute.
constexpr std::int32_t wrapping_add(std::int32_t a, std::int32_t b) noexcept {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(a) + static_cast<std::uint32_t>(b));
}

// The newest state value from the scaled feature dot product, as TFLM 90b983c2 stores it: clamped
// to the state type's range, then the zero point added, then narrowed modulo 2^bits (an int8
// state with a non-zero zero point wraps; later TFLM adds the zero point before the clamp).
template <class State>
constexpr State svdf_narrow_state(std::int32_t scaled, const svdf_params& p) noexcept {
    return static_cast<State>(clamp(scaled, p.state_min, p.state_max) + p.state_zero_point);
}

template <class State>
void svdf_s8(const svdf_params& p, const std::int8_t* input, const std::int8_t* weights_feature, const State* weights_time,
             const std::int32_t* bias, State* state, std::int8_t* output) {
    const std::size_t state_size = std::size_t(p.batches) * std::size_t(p.filters) * std::size_t(p.memory);
    for (std::size_t i = 0; i + 1 < state_size; ++i) state[i] = state[i + 1];

    for (int b = 0; b < p.batches; ++b) {
        for (int f = 0; f < p.filters; ++f) {
            std::int32_t dot = 0;
            for (int i = 0; i < p.input_size; ++i) {
                dot = wrapping_add(dot, std::int32_t{weights_feature[f * p.input_size + i]} *
                                            (std::int32_t{input[b * p.input_size + i]} - p.input_zero_point));
            }
            const std::int32_t scaled = multiply_by_quantized_multiplier(dot, p.feature_multiplier.multiplier, p.feature_multiplier.shift);
            state[(b * p.filters + f) * p.memory + p.memory - 1] = svdf_narrow_state<State>(scaled, p);
        }
    }

    for (int b = 0; b < p.batches; ++b) {
        for (int u = 0; u < p.units; ++u) {
            std::int32_t acc = bias[u];
            for (int r = 0; r < p.rank; ++r) {
                const int f = u * p.rank + r;
                for (int j = 0; j < p.memory; ++j) {
                    acc = wrapping_add(acc, std::int32_t{weights_time[f * p.memory + j]} *
                                                (std::int32_t{state[(b * p.filters + f) * p.memory + j]} - p.state_zero_point));
                }
            }
            const std::int32_t scaled =
                multiply_by_quantized_multiplier(acc, p.output_multiplier.multiplier, p.output_multiplier.shift) + p.output_zero_point;
            output[b * p.units + u] = static_cast<std::int8_t>(clamp(scaled, -128, 127));
        }
    }
}

}  // namespace ctnn::kernels::reference
