// Sweep generators of the int16 (16x8 mode) element-wise operators: ADD, SUB, MUL with
// broadcasting (operands drawn as sweep_binary.hpp draws them: full, one value, a per-channel
// row, a lower rank, 1s at random axes; a model input or a constant), RELU, RELU6, LEAKY_RELU
// and SOFTMAX. int16 tensors are symmetric (zero point 0). ADD and SUB output scales reach
// max(s1, s2) * 2^-13.5, near TFLite's int16 limit (every rescaling factor below one, with the
// left shift of 15); every fused activation where the operator has one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_activations.hpp"
#include "sweep_binary.hpp"
#include "sweep_random.hpp"

namespace sweep {

namespace eltw16 {

// n random int16 values, a tenth of them at the extremes.
inline std::vector<std::int16_t> values(rng& r, std::size_t n) {
    std::vector<std::int16_t> v(n);
    for (auto& x : v) {
        const bool edge = r.chance(0.1);
        const bool low = r.chance(0.5);
        const int drawn = r.uniform(-32768, 32767);
        x = static_cast<std::int16_t>(edge ? (low ? -32768 : 32767) : drawn);
    }
    return v;
}

// An int16 model input or constant of `shape`.
inline binary::operand operand16(rng& r, model& m, const std::vector<std::int32_t>& shape, float scale, bool constant, const char* name) {
    binary::operand o;
    o.shape = shape;
    o.scale = scale;
    std::size_t n = 1;
    for (const auto d : shape) n *= static_cast<std::size_t>(d);
    std::uint32_t buffer = 0;
    if (constant) {
        const std::vector<std::int16_t> v = values(r, n);
        buffer = m.add_buffer(v);
    }
    o.tensor = m.add_tensor({name, shape, INT16, buffer, {scale}, {0}, 0, {}});
    o.text = std::string(constant ? "const " : "input ") + name + " " + dims_text(shape);
    return o;
}

}  // namespace eltw16

// ADD, SUB or MUL of two int16 tensors.
inline drawn_model binary_int16(rng& r, int builtin) {
    using namespace binary;
    drawn_model d;
    model& m = d.m;
    const int max_rank = builtin == SUB ? 5 : 6;
    const int rank = r.uniform(1, max_rank);
    std::vector<std::int32_t> shape = random_dims(r, rank, rank >= 4 ? 4 : 6);
    if (r.chance(0.3)) shape.back() = r.pick<int>({8, 16, 24, 33});
    const float s_a = activation_scale(r);
    const float s_b = r.chance(0.2) ? s_a : s_a * r.log_uniform(-3, 3);
    const bool same_shapes = r.chance(0.3);
    const std::vector<std::int32_t> shape_a = same_shapes ? shape : operand_shape(r, shape);
    const std::vector<std::int32_t> shape_b = same_shapes ? shape : operand_shape(r, shape);
    const bool constant_b = r.chance(0.25);
    operand a = eltw16::operand16(r, m, shape_a, s_a, false, "a");
    operand b = eltw16::operand16(r, m, shape_b, s_b, constant_b, "b");
    if (r.chance(0.5)) std::swap(a, b);
    for (const operand* o : {&a, &b})
        if (m.tensors[static_cast<std::size_t>(o->tensor)].buffer == 0) m.inputs.push_back(o->tensor);

    const std::vector<std::int32_t> out_shape = broadcast_shape(a.shape, b.shape);
    const float s_max = std::max(a.scale, b.scale);
    const float s_out = builtin == MUL ? a.scale * b.scale * r.log_uniform(-1, 16) : s_max * r.log_uniform(-13.5, 3);
    const std::int8_t act = fused_activation(r);
    const int out = m.add_tensor({"out", out_shape, INT16, 0, {s_out}, {0}, 0, {}});
    const std::uint8_t options_type = builtin == ADD ? AddOptions : builtin == SUB ? SubOptions : MulOptions;
    op o{m.code(builtin), {a.tensor, b.tensor}, {out}, options_type, true, {}};
    o.options.scalar<std::int8_t>(0, act);
    // pot_scale_int16 false, or left out (true): TFLM takes its general int16 path either way.
    const bool pot_field = r.chance(0.5);
    if (builtin != MUL && pot_field) o.options.scalar<bool>(1, false);
    m.ops.push_back(o);
    m.outputs = {out};
    d.text = std::string(op_text(builtin)) + " int16(" + a.text + " scale " + number_text(a.scale) + ", " + b.text + " scale " +
             number_text(b.scale) + ") -> " + dims_text(out_shape) + " scale " + number_text(s_out) + " act " + activation_text(act);
    return d;
}

// RELU, RELU6 or LEAKY_RELU of an int16 tensor.
inline drawn_model unary_int16(rng& r, int builtin) {
    drawn_model d;
    model& m = d.m;
    const std::vector<std::int32_t> shape = unary_shape(r);
    const float s_in = activation_scale(r);
    const bool same = r.chance(0.3);
    const float s_out = same ? s_in : scale_near(r, s_in, -3, 3);
    float alpha = 0.0f;
    if (builtin == LEAKY_RELU) {
        const bool common = r.chance(0.6);
        const bool uniform = r.chance(0.5);
        const double unit = r.unit();
        alpha = common ? r.pick<float>({0.2f, 0.01f, 0.1f, 0.3f}) : uniform ? static_cast<float>(unit * 2.0) : r.pick<float>({0.0f, -0.5f, 1.0f});
    }
    m.add_tensor({"input", shape, INT16, 0, {s_in}, {0}, 0, {}});
    m.add_tensor({"output", shape, INT16, 0, {s_out}, {0}, 0, {}});
    op o{m.code(builtin), {0}, {1}, builtin == LEAKY_RELU ? LeakyReluOptions : std::uint8_t{0}, builtin == LEAKY_RELU, {}};
    if (builtin == LEAKY_RELU) o.options.scalar<float>(0, alpha);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {1};
    d.text = "int16 shape " + dims_text(shape) + " in scale " + number_text(s_in) + " out scale " + number_text(s_out) +
             (builtin == LEAKY_RELU ? " alpha " + number_text(alpha) : std::string());
    return d;
}

// SOFTMAX int16 -> int16: rows of 1 to 40 (sometimes 256 or 1001), beta 1 or drawn; the output
// scale 1/32768, or off by less than TFLite's 0.1% tolerance.
inline drawn_model softmax_int16(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int form = r.uniform(0, 2);
    const bool long_row = r.chance(0.1);
    const int n = r.chance(0.1) ? 1 : long_row ? r.pick<int>({256, 1001}) : r.uniform(2, 40);
    std::vector<std::int32_t> shape{1, n};
    if (form == 1) shape[0] = r.uniform(2, 3);
    if (form == 2) {
        const std::int32_t h = r.uniform(1, 3);
        const std::int32_t w = r.uniform(1, 3);
        shape = {1, h, w, n};
    }
    const bool unit_beta = r.chance(0.5);
    const float drawn_beta = r.log_uniform(-3, 1.5);
    const float beta = unit_beta ? 1.0f : drawn_beta;
    const float s_in = r.log_uniform(-18, -4);
    const bool off_scale = r.chance(0.2);
    const float s_out = off_scale ? (1.0f / 32768.0f) * 1.0005f : 1.0f / 32768.0f;
    m.add_tensor({"input", shape, INT16, 0, {s_in}, {0}, 0, {}});
    m.add_tensor({"output", shape, INT16, 0, {s_out}, {0}, 0, {}});
    op o{m.code(SOFTMAX), {0}, {1}, SoftmaxOptions, true, {}};
    o.options.scalar<float>(0, beta);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {1};
    d.text = "int16 shape " + dims_text(shape) + " in scale " + number_text(s_in) + " beta " + number_text(beta) + " out scale " + number_text(s_out);
    return d;
}

}  // namespace sweep
