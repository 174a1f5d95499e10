// Sweep generators of int16 (16x8 mode) LOGISTIC and TANH. Input scales reach both of TFLM's
// Prepare paths: the power-of-two case (2^-12; TANH also 2^-11), sometimes off by less than
// CheckedLog2's tolerance, and the general multiplier, over scales where the int16 range spans
// the curve (2^-17 to 2^-9) and beyond (2^-30 to 2.5). Output scale 2^-15, sometimes off by
// less than the tolerance.
#pragma once

#include <string>
#include <vector>

#include "sweep_activations.hpp"
#include "sweep_random.hpp"

namespace sweep {

// One int16 LOGISTIC or TANH of `shape` with these scales.
inline drawn_model sigmoid_int16_model(int builtin, const std::vector<std::int32_t>& shape, float s_in, float s_out) {
    drawn_model d;
    model& m = d.m;
    m.add_tensor({"input", shape, INT16, 0, {s_in}, {0}, 0, {}});
    m.add_tensor({"output", shape, INT16, 0, {s_out}, {0}, 0, {}});
    m.ops.push_back(op{m.code(builtin), {0}, {1}, std::uint8_t{0}, false, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = "int16 shape " + dims_text(shape) + " in scale " + number_text(s_in) + " out scale " + number_text(s_out);
    return d;
}

inline drawn_model sigmoid_int16(rng& r, int builtin) {
    const std::vector<std::int32_t> shape = unary_shape(r);
    const int form = r.uniform(0, 3);
    const bool half = builtin == TANH_OP && r.chance(0.5);
    const float pot = half ? 1.0f / 2048.0f : 1.0f / 4096.0f;
    const bool nudged = r.chance(0.3);
    const float curve = r.log_uniform(-17, -9);
    const float wide = r.chance(0.5) ? r.log_uniform(-30, -17) : r.log_uniform(-9, 1.3);
    const float s_in = form == 0 ? (nudged ? pot * 1.0004f : pot) : form == 3 ? wide : curve;
    const bool off_scale = r.chance(0.2);
    const float s_out = off_scale ? (1.0f / 32768.0f) * 1.0004f : 1.0f / 32768.0f;
    return sigmoid_int16_model(builtin, shape, s_in, s_out);
}

// TANH's second power-of-two case, input scale 2^-11 exactly (the kernel multiplies by 6).
inline drawn_model tanh_int16_pot11(rng&) { return sigmoid_int16_model(TANH_OP, {4, 33}, 1.0f / 2048.0f, 1.0f / 32768.0f); }

}  // namespace sweep
