// Sweep generators of UNIDIRECTIONAL_SEQUENCE_LSTM, int8 (TFLM's integer LSTM: int8 input, output
// and output_state, int8 weights, int32 gate biases, int16 cell_state) and int16 (16x8: int16
// activations with zero point 0, int64 gate biases): random units, input
// size, time steps and batch, time major or batch major, cell_clip off or on, cell state scales
// of 2^-8 to 2^-15 (now and then not a power of two), hidden and input quantization anywhere in
// the sweep's ranges. Projection, peephole, CIFG and layer norm are not drawn: TFLM's kernel
// refuses them (tests/converter/lstm.test.cpp checks the converter does too).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"
#include "sweep_weighted.hpp"

namespace sweep {

inline constexpr int UNIDIRECTIONAL_SEQUENCE_LSTM = 44;
inline constexpr std::uint8_t UnidirectionalSequenceLSTMOptions = 71;


// wide: int16 activations. The int8 draws come in the same order either way (its data is fixed).
inline drawn_model lstm_model(rng& r, bool wide) {
    drawn_model d;
    model& m = d.m;
    const std::int8_t act_type = wide ? INT16 : INT8;
    const int units = r.chance(0.15) ? 1 : r.uniform(1, 12);
    const int input_size = r.chance(0.15) ? 1 : r.uniform(1, 10);
    const int steps = r.chance(0.15) ? 1 : r.uniform(1, 6);
    const int batch = r.chance(0.5) ? 1 : r.uniform(2, 3);
    const bool time_major = r.chance(0.4);
    const float s_in = wide ? r.log_uniform(-15, -7) : activation_scale(r);
    const std::int32_t zp_in = wide ? 0 : zero_point(r);
    // The hidden state holds tanh(c) x sigmoid(o): within (-1, 1), so scales near 2^-7 (int16: 2^-15).
    const float s_hidden = wide ? r.log_uniform(-16, -11) : r.log_uniform(-9, -4);
    const std::int32_t zp_hidden = wide ? 0 : zero_point(r);
    // A typical product of an input and a weight: 73 x 100 (int8), 73 x 18,900 (int16, uniform).
    const double typical = wide ? 73.0 * 18900.0 : 100.0 * 73.0;
    const int cell_power = r.uniform(8, 15);
    const bool cell_pot = r.chance(0.85);
    const float cell_jitter = r.log_uniform(-0.4, 0.4);
    const float s_cell = static_cast<float>(std::exp2(-cell_power)) * (cell_pot ? 1.0f : cell_jitter);
    const bool clip = r.chance(0.5);
    const float clip_value = r.log_uniform(-3, 3);
    const float cell_clip = clip ? clip_value : 0.0f;

    // Weights scaled so that a gate's pre-activation lands around +-1..8 (Q3.12 holds +-8).
    std::vector<float> w_in_scales, w_rec_scales;
    for (int g = 0; g < 4; ++g) {
        const float reach = r.log_uniform(-1, 3);
        w_in_scales.push_back(static_cast<float>(reach / (s_in * typical * std::sqrt(double(input_size)))));
        const float reach_rec = r.log_uniform(-1, 3);
        w_rec_scales.push_back(static_cast<float>(reach_rec / (s_hidden * typical * std::sqrt(double(units)))));
    }

    const std::vector<std::int32_t> in_shape = time_major ? std::vector<std::int32_t>{steps, batch, input_size}
                                                          : std::vector<std::int32_t>{batch, steps, input_size};
    const std::vector<std::int32_t> out_shape = time_major ? std::vector<std::int32_t>{steps, batch, units}
                                                           : std::vector<std::int32_t>{batch, steps, units};
    std::vector<std::int32_t> inputs(24, -1);
    inputs[0] = m.add_tensor({"input", in_shape, act_type, 0, {s_in}, {zp_in}, 0, {}});
    const char* gates[4] = {"input", "forget", "cell", "output"};
    for (int g = 0; g < 4; ++g) {
        const std::vector<std::int8_t> w = weights(r, static_cast<std::size_t>(units * input_size));
        inputs[static_cast<std::size_t>(1 + g)] = m.add_tensor({std::string("input_to_") + gates[g], {units, input_size}, INT8, m.add_buffer(w),
                                                                {w_in_scales[static_cast<std::size_t>(g)]}, {0}, 0, {}});
    }
    for (int g = 0; g < 4; ++g) {
        const std::vector<std::int8_t> w = weights(r, static_cast<std::size_t>(units * units));
        inputs[static_cast<std::size_t>(5 + g)] = m.add_tensor({std::string("recurrent_to_") + gates[g], {units, units}, INT8, m.add_buffer(w),
                                                                {w_rec_scales[static_cast<std::size_t>(g)]}, {0}, 0, {}});
    }
    for (int g = 0; g < 4; ++g) {
        // A bias of about +-2 in the gate's units (the forget gate's often +1: Keras' unit_forget_bias).
        const double bias_scale = static_cast<double>(s_in) * w_in_scales[static_cast<std::size_t>(g)];
        std::vector<std::int64_t> b(static_cast<std::size_t>(units));
        for (auto& v : b) {
            const double real = r.unit() * 4.0 - 2.0 + (g == 1 ? 1.0 : 0.0);
            v = std::llround(real / bias_scale);
        }
        const std::uint32_t buffer = wide ? m.add_buffer(b) : m.add_buffer(std::vector<std::int32_t>(b.begin(), b.end()));
        inputs[static_cast<std::size_t>(12 + g)] = m.add_tensor({std::string(gates[g]) + "_gate_bias", {units}, wide ? INT64_TENSOR : INT32, buffer,
                                                                 {static_cast<float>(bias_scale)}, {0}, 0, {}});
    }
    tensor hidden{"output_state", {batch, units}, act_type, 0, {s_hidden}, {zp_hidden}, 0, {}};
    hidden.is_variable = true;
    inputs[18] = m.add_tensor(hidden);
    tensor cell{"cell_state", {batch, units}, INT16, 0, {s_cell}, {0}, 0, {}};
    cell.is_variable = true;
    inputs[19] = m.add_tensor(cell);
    // TFLite's converter gives the output the output_state's quantization (the kernel copies it).
    const int out = m.add_tensor({"output", out_shape, act_type, 0, {s_hidden}, {zp_hidden}, 0, {}});
    m.inputs = {inputs[0]};
    m.outputs = {out};
    op o{m.code(UNIDIRECTIONAL_SEQUENCE_LSTM), inputs, {out}, UnidirectionalSequenceLSTMOptions, true, {}};
    o.options.scalar<std::int8_t>(0, ACT_TANH).scalar<float>(1, cell_clip).scalar<float>(2, 0.0f).scalar<std::uint8_t>(3, time_major ? 1 : 0);
    m.ops.push_back(o);
    d.text = "in " + dims_text(in_shape) + (time_major ? " time_major" : "") + " units " + std::to_string(units) + " cell 2^-" +
             std::to_string(cell_power) + (cell_pot ? "" : " (not a power of two)") + (clip ? " cell_clip " + std::to_string(clip_value) : "");
    return d;
}

inline drawn_model lstm(rng& r) { return lstm_model(r, false); }
inline drawn_model lstm_int16(rng& r) { return lstm_model(r, true); }

}  // namespace sweep
