// UNIDIRECTIONAL_SEQUENCE_LSTM, TFLM's integer LSTM: int8 activations (input, output, hidden
// state) with int32 gate biases, or int16 activations (16x8, zero point 0) with int64 biases;
// int8 weights and an int16 cell state either way. TFLM 90b983c2's kernel
// (lstm_eval.h, lstm_eval_common.cc) runs the standard LSTM only: no CIFG, peephole, projection
// or layer norm. Per time step, for each of the four gates (input, forget, cell, output):
//   gate = act(sat16(FC(x; W_g, b_g) + FC(h; R_g)))   both FCs int8 -> int16 at scale 2^-12
// with act the int16 sigmoid (the cell gate: tanh), outputs Q0.15; then
//   c = sat16(mul(f, c) + mul(i, g)), clipped to +-cell_clip
//   h = mul(tanh(c), o) -> int8 (int16) at the hidden state's quantization; the output row is h.
// The int16 FCs accumulate in int64 and requantize with TFLite's 64-bit MultiplyByQuantizedMultiplier.
// Each mul is TFLite's MulElementwise (product, MultiplyByQuantizedMultiplier, offset, clamp).
// Prepare (make_lstm_params) derives the multipliers exactly as TFLM's CreateGateParams and
// CreateInterGateMulParams do. Time major: [T, B, I] with all batches per step; else [B, T, I],
// one batch row at a time. The state (hidden int8, cell int16, B x units each) persists.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "ctnn/kernels/reference/sigmoid_tanh_s16.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn::kernels {

// Gate order throughout: TFLite's input, forget, cell, output.
inline constexpr int lstm_gates = 4;

// What a model gives the LSTM (the converter and the layer fill it from the tensors).
struct lstm_quantization {
    float input_scale = 1.0f;
    std::int32_t input_zero_point = 0;
    float hidden_scale = 1.0f;  // the output_state variable: the output row's values are its
    std::int32_t hidden_zero_point = 0;
    float cell_scale = 1.0f;  // the cell_state variable (int16, symmetric)
    float input_weight_scales[lstm_gates] = {1.0f, 1.0f, 1.0f, 1.0f};
    float recurrent_weight_scales[lstm_gates] = {1.0f, 1.0f, 1.0f, 1.0f};
    float cell_clip = 0.0f;
};

struct lstm_params {
    int batch = 1, time_steps = 1, input_size = 1, units = 1;
    bool time_major = false;
    std::int32_t input_zero_point = 0, hidden_zero_point = 0;
    quantized_multiplier input_fc[lstm_gates] = {}, recurrent_fc[lstm_gates] = {};
    quantized_multiplier forget_cell = {}, input_cell = {}, hidden = {};
    s16_activation_scaling cell_tanh = {};
    bool clip = false;
    std::int16_t cell_clip = 0;
};

// The FC output and the gate nonlinearities' input: Q3.12; their output Q0.15.
inline constexpr float lstm_gate_input_scale = 0.000244140625f;   // 2^-12
inline constexpr float lstm_gate_output_scale = 0.000030517578125f;  // 2^-15

// TFLite's CheckedLog2 rounds log2(scale) to the nearest integer (and TFLM's LSTM uses the
// rounded value whether or not the scale is a power of two): floor(log2) + 1 when the
// mantissa is at least sqrt(1/2).
constexpr int lstm_rounded_log2(float scale) noexcept {
    const auto [m, e] = ctnn::detail::constexpr_frexp(static_cast<double>(scale));  // m in [0.5, 1)
    return m >= 0.70710678118654752 ? e : e - 1;
}

// The cell state's tanh: its input shifted from 2^power to Q3.12 (TFLM's lstm_internal::Tanh).
constexpr s16_activation_scaling lstm_cell_tanh_scaling(int cell_scale_power) noexcept {
    const int shift = 15 + cell_scale_power - 3;
    return shift < 0 ? s16_activation_scaling{3, -shift} : s16_activation_scaling{0, shift};
}
// Shifts TFLite's int16 arithmetic takes without overflow: (3 << shift) * 32768 < 2^31 and a
// right shift below 31.
constexpr bool lstm_cell_scale_in_range(float cell_scale) noexcept {
    if (!(cell_scale > 0.0f)) return false;
    const int p = lstm_rounded_log2(cell_scale);
    return p >= -40 && p <= 2;
}

// The reals of every multiplier (TFLM: GetQuantizedConvolutionMultipler for the FCs, the float
// product of the scales; the muls' scales multiplied in double).
struct lstm_reals {
    double input_fc[lstm_gates] = {}, recurrent_fc[lstm_gates] = {};
    double forget_cell = 0, input_cell = 0, hidden = 0;
};
constexpr lstm_reals make_lstm_reals(const lstm_quantization& q) noexcept {
    lstm_reals r;
    for (int g = 0; g < lstm_gates; ++g) {
        r.input_fc[g] = per_tensor_fc_real(q.input_scale, q.input_weight_scales[g], lstm_gate_input_scale);
        r.recurrent_fc[g] = per_tensor_fc_real(q.hidden_scale, q.recurrent_weight_scales[g], lstm_gate_input_scale);
    }
    const auto mul_real = [](float a, float b, float out) {
        return static_cast<double>(a) * static_cast<double>(b) / static_cast<double>(out);
    };
    r.forget_cell = mul_real(lstm_gate_output_scale, q.cell_scale, q.cell_scale);
    r.input_cell = mul_real(lstm_gate_output_scale, lstm_gate_output_scale, q.cell_scale);
    r.hidden = mul_real(lstm_gate_output_scale, lstm_gate_output_scale, q.hidden_scale);
    return r;
}
// Every multiplier in the range the kernels implement (multiplier_in_range); -1 when all are,
// else the first that is not: 0-3 input FC, 4-7 recurrent FC, 8 forget x cell, 9 input x cell
// gate, 10 hidden.
// With int16 activations the FCs' 64-bit requantization takes shifts below 8 only: reals below 2^7.
constexpr bool lstm_fc_multiplier_in_range(double real, bool int16_activations) noexcept {
    return multiplier_in_range(real) && (!int16_activations || quantize_multiplier(real).shift < 8);
}
constexpr int lstm_first_multiplier_out_of_range(const lstm_quantization& q, bool int16_activations = false) noexcept {
    const lstm_reals r = make_lstm_reals(q);
    for (int g = 0; g < lstm_gates; ++g) {
        if (!lstm_fc_multiplier_in_range(r.input_fc[g], int16_activations)) return g;
        if (!lstm_fc_multiplier_in_range(r.recurrent_fc[g], int16_activations)) return lstm_gates + g;
    }
    if (!multiplier_in_range(r.forget_cell)) return 8;
    if (!multiplier_in_range(r.input_cell)) return 9;
    if (!multiplier_in_range(r.hidden)) return 10;
    return -1;
}

// TFLM's Prepare (UnidirectionalSequenceLstmPrepare, PrepareGateParametersInteger,
// CreateLstmCellStateInfo). Every field assigned.
constexpr lstm_params make_lstm_params(int batch, int time_steps, int input_size, int units, bool time_major,
                                       const lstm_quantization& q) noexcept {
    lstm_params p;
    p.batch = batch;
    p.time_steps = time_steps;
    p.input_size = input_size;
    p.units = units;
    p.time_major = time_major;
    p.input_zero_point = q.input_zero_point;
    p.hidden_zero_point = q.hidden_zero_point;
    const lstm_reals r = make_lstm_reals(q);
    for (int g = 0; g < lstm_gates; ++g) {
        p.input_fc[g] = quantize_multiplier(r.input_fc[g]);
        p.recurrent_fc[g] = quantize_multiplier(r.recurrent_fc[g]);
    }
    p.forget_cell = quantize_multiplier(r.forget_cell);
    p.input_cell = quantize_multiplier(r.input_cell);
    p.hidden = quantize_multiplier(r.hidden);
    p.cell_tanh = lstm_cell_tanh_scaling(lstm_rounded_log2(q.cell_scale));
    // cell_clip / cell scale in double, clamped to int16, truncated toward zero.
    p.clip = q.cell_clip > 0.0f;
    double c = static_cast<double>(q.cell_clip) / static_cast<double>(q.cell_scale);
    c = c < -32768.0 ? -32768.0 : (c > 32767.0 ? 32767.0 : c);
    p.cell_clip = static_cast<std::int16_t>(c);
    return p;
}

// The layer's state: the cell (int16) first, then the hidden state (the activations' type,
// `activation_bytes` each), B x units each.
constexpr std::size_t lstm_state_bytes(int batch, int units, std::size_t activation_bytes = 1) noexcept {
    return static_cast<std::size_t>(batch) * static_cast<std::size_t>(units) * (2 + activation_bytes);
}

// The gate biases' type: int32 with int8 activations, int64 with int16 (TFLM's EvalLstm types).
template <class A>
using lstm_bias_t = std::conditional_t<sizeof(A) == 1, std::int32_t, std::int64_t>;

// The constant operands: per gate, weights [units, input] and [units, units] (row-major, as
// TFLite stores them) and the bias [units].
template <class Bias>
struct lstm_weights_of {
    const std::int8_t* input[lstm_gates] = {};
    const std::int8_t* recurrent[lstm_gates] = {};
    const Bias* bias[lstm_gates] = {};
};
using lstm_weights = lstm_weights_of<std::int32_t>;

namespace detail {

// TFLite's MulElementwise with symmetric int16 inputs.
constexpr std::int32_t lstm_mul(std::int32_t a, std::int32_t b, quantized_multiplier m, std::int32_t zero_point, std::int32_t lo,
                                std::int32_t hi) noexcept {
    return clamp(zero_point + multiply_by_quantized_multiplier(a * b, m.multiplier, m.shift), lo, hi);
}

constexpr std::int16_t lstm_cell_update(std::int16_t cell, std::int16_t forget, std::int16_t input, std::int16_t cell_gate,
                                        const lstm_params& p) noexcept {
    const std::int32_t kept = lstm_mul(forget, cell, p.forget_cell, 0, -32768, 32767);
    const std::int32_t added = lstm_mul(input, cell_gate, p.input_cell, 0, -32768, 32767);
    std::int16_t c = saturate_to_int16(kept + added);
    if (p.clip) {
        const std::int16_t hi = p.cell_clip, lo = static_cast<std::int16_t>(-p.cell_clip);
        c = c < hi ? c : hi;
        c = c > lo ? c : lo;
    }
    return c;
}

template <class A = std::int8_t>
constexpr A lstm_hidden(std::int16_t cell, std::int16_t output_gate, const lstm_params& p) noexcept {
    const std::int16_t t = lstm_tanh_s16(cell, p.cell_tanh);
    constexpr std::int32_t lo = sizeof(A) == 1 ? -128 : -32768, hi = sizeof(A) == 1 ? 127 : 32767;
    return static_cast<A>(lstm_mul(t, output_gate, p.hidden, p.hidden_zero_point, lo, hi));
}

}  // namespace detail

namespace reference {

// One FC row: (w + 0) . (x - zero_point) + bias, requantized to int16 (TFLite's FullyConnected
// with an int16 output, offset 0, no activation): int32 for int8 activations, int64 for int16.
template <class A, class Bias>
constexpr std::int16_t lstm_fc_row(const std::int8_t* w, const A* x, int n, std::int32_t zero_point, Bias bias,
                                   quantized_multiplier m) noexcept {
    if constexpr (sizeof(A) == 1) {
        std::int32_t acc = 0;
        for (int k = 0; k < n; ++k) acc += std::int32_t{w[k]} * (std::int32_t{x[k]} - zero_point);
        acc += bias;
        return saturate_to_int16(multiply_by_quantized_multiplier(acc, m.multiplier, m.shift));
    } else {
        std::int64_t acc = 0;
        for (int k = 0; k < n; ++k) acc += std::int32_t{w[k]} * std::int32_t{x[k]};
        acc += bias;
        return saturate_to_int16(multiply_by_quantized_multiplier_s64(acc, m.multiplier, m.shift));
    }
}

// One time step over `rows` rows of x [rows, I] and of the state; writes the new hidden rows
// to y (the old hidden state is read by every unit's gates, so it is replaced only after).
template <class A, class Bias>
constexpr void lstm_step(const lstm_params& p, const lstm_weights_of<Bias>& w, const A* x, A* y, A* hidden, std::int16_t* cell,
                         int rows) noexcept {
    const int I = p.input_size, U = p.units;
    for (int r = 0; r < rows; ++r) {
        const A* const xr = x + r * I;
        const A* const hr = hidden + r * U;
        for (int j = 0; j < U; ++j) {
            std::int16_t gate[lstm_gates] = {};
            for (int g = 0; g < lstm_gates; ++g) {
                const std::int16_t from_input = lstm_fc_row(w.input[g] + j * I, xr, I, p.input_zero_point, w.bias[g][j], p.input_fc[g]);
                const std::int16_t from_hidden = lstm_fc_row(w.recurrent[g] + j * U, hr, U, p.hidden_zero_point, Bias{0}, p.recurrent_fc[g]);
                const std::int16_t sum = saturate_to_int16(std::int32_t{from_input} + from_hidden);
                gate[g] = g == 2 ? lstm_tanh_s16(sum) : lstm_sigmoid_s16(sum);
            }
            std::int16_t& c = cell[r * U + j];
            c = kernels::detail::lstm_cell_update(c, gate[1], gate[0], gate[2], p);
            y[r * U + j] = kernels::detail::lstm_hidden<A>(c, gate[3], p);
        }
    }
    for (int i = 0; i < rows * U; ++i) hidden[i] = y[i];
}

// The whole sequence. state: lstm_state_bytes(batch, units, sizeof(A)) bytes, cell then hidden.
template <class A, class Bias>
void lstm(const lstm_params& p, const lstm_weights_of<Bias>& w, const A* input, A* output, std::byte* state) noexcept {
    auto* const cell = reinterpret_cast<std::int16_t*>(state);
    auto* const hidden = reinterpret_cast<A*>(state + 2 * p.batch * p.units);
    const int I = p.input_size, U = p.units, T = p.time_steps, B = p.batch;
    if (p.time_major) {
        for (int t = 0; t < T; ++t) lstm_step(p, w, input + t * B * I, output + t * B * U, hidden, cell, B);
    } else {
        for (int b = 0; b < B; ++b)
            for (int t = 0; t < T; ++t)
                lstm_step(p, w, input + (b * T + t) * I, output + (b * T + t) * U, hidden + b * U, cell + b * U, 1);
    }
}

// TFLM's ResetVariableTensors: an int8 variable is filled with its zero point, others with 0.
template <class A = std::int8_t>
void lstm_reset_state(std::byte* state, int batch, int units, std::int32_t hidden_zero_point) noexcept {
    const int n = batch * units;
    auto* const cell = reinterpret_cast<std::int16_t*>(state);
    auto* const hidden = reinterpret_cast<A*>(state + 2 * n);
    for (int i = 0; i < n; ++i) cell[i] = 0;
    for (int i = 0; i < n; ++i) hidden[i] = static_cast<A>(sizeof(A) == 1 ? hidden_zero_point : 0);
}

}  // namespace reference
}  // namespace ctnn::kernels
