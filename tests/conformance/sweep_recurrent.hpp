// Sweep generator of UNIDIRECTIONAL_SEQUENCE_LSTM int8 (TFLM's integer LSTM: int8 input, output
// and output_state, int8 weights, int32 gate biases, int16 cell_state): random units, input
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

inline drawn_model lstm(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int units = r.chance(0.15) ? 1 : r.uniform(1, 12);
    const int input_size = r.chance(0.15) ? 1 : r.uniform(1, 10);
    const int steps = r.chance(0.15) ? 1 : r.uniform(1, 6);
    const int batch = r.chance(0.5) ? 1 : r.uniform(2, 3);
    const bool time_major = r.chance(0.4);
    const float s_in = activation_scale(r);
    const std::int32_t zp_in = zero_point(r);
    // The hidden state holds tanh(c) x sigmoid(o): within (-1, 1), so scales near 2^-7.
    const float s_hidden = r.log_uniform(-9, -4);
    const std::int32_t zp_hidden = zero_point(r);
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
        w_in_scales.push_back(static_cast<float>(reach / (s_in * 100.0 * 73.0 * std::sqrt(double(input_size)))));
        const float reach_rec = r.log_uniform(-1, 3);
        w_rec_scales.push_back(static_cast<float>(reach_rec / (s_hidden * 100.0 * 73.0 * std::sqrt(double(units)))));
    }

    const std::vector<std::int32_t> in_shape = time_major ? std::vector<std::int32_t>{steps, batch, input_size}
                                                          : std::vector<std::int32_t>{batch, steps, input_size};
    const std::vector<std::int32_t> out_shape = time_major ? std::vector<std::int32_t>{steps, batch, units}
                                                           : std::vector<std::int32_t>{batch, steps, units};
    std::vector<std::int32_t> inputs(24, -1);
    inputs[0] = m.add_tensor({"input", in_shape, INT8, 0, {s_in}, {zp_in}, 0, {}});
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
        std::vector<std::int32_t> b(static_cast<std::size_t>(units));
        for (auto& v : b) {
            const double real = r.unit() * 4.0 - 2.0 + (g == 1 ? 1.0 : 0.0);
            v = static_cast<std::int32_t>(std::lround(real / bias_scale));
        }
        inputs[static_cast<std::size_t>(12 + g)] = m.add_tensor({std::string(gates[g]) + "_gate_bias", {units}, INT32, m.add_buffer(b),
                                                                 {static_cast<float>(bias_scale)}, {0}, 0, {}});
    }
    tensor hidden{"output_state", {batch, units}, INT8, 0, {s_hidden}, {zp_hidden}, 0, {}};
    hidden.is_variable = true;
    inputs[18] = m.add_tensor(hidden);
    tensor cell{"cell_state", {batch, units}, INT16, 0, {s_cell}, {0}, 0, {}};
    cell.is_variable = true;
    inputs[19] = m.add_tensor(cell);
    // TFLite's converter gives the output the output_state's quantization (the kernel copies it).
    const int out = m.add_tensor({"output", out_shape, INT8, 0, {s_hidden}, {zp_hidden}, 0, {}});
    m.inputs = {inputs[0]};
    m.outputs = {out};
    op o{m.code(UNIDIRECTIONAL_SEQUENCE_LSTM), inputs, {out}, UnidirectionalSequenceLSTMOptions, true, {}};
    o.options.scalar<std::int8_t>(0, ACT_TANH).scalar<float>(1, cell_clip).scalar<float>(2, 0.0f).scalar<std::uint8_t>(3, time_major ? 1 : 0);
    m.ops.push_back(o);
    d.text = "in " + dims_text(in_shape) + (time_major ? " time_major" : "") + " units " + std::to_string(units) + " cell 2^-" +
             std::to_string(cell_power) + (cell_pot ? "" : " (not a power of two)") + (clip ? " cell_clip " + std::to_string(clip_value) : "");
    return d;
}

}  // namespace sweep
