// Sweep generators of the graph features (issue: several inputs and outputs, constant operands,
// fan-out) and the operators that join tensors: CONCATENATION and PACK, whose inputs are model
// inputs or constants drawn at random, and "graphs": two inputs, a constant operand, a tensor
// read by several operators, and three outputs, one of which a later operator reads too.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"
#include "sweep_weighted.hpp"

namespace sweep {

// Adds an int8 tensor of `shape` with quantization (s, zp): a model input, or (constant) a
// constant with random values. Returns its index.
inline int joined_operand(rng& r, model& m, const std::vector<std::int32_t>& shape, float s, std::int32_t zp, bool constant, std::string& text) {
    std::size_t n = 1;
    for (const auto d : shape) n *= static_cast<std::size_t>(d);
    const std::string name = (constant ? "c" : "x") + std::to_string(m.tensors.size());
    const int t = m.add_tensor({name, shape, INT8, constant ? m.add_buffer(weights(r, n)) : 0u, {s}, {zp}, 0, {}});
    if (!constant) m.inputs.push_back(t);
    text += (text.empty() ? "" : " + ") + std::string(constant ? "const " : "input ") + dims_text(shape);
    return t;
}

inline drawn_model concatenation(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    const int axis = r.uniform(0, rank - 1);
    const int count = r.uniform(1, 4);
    const std::vector<std::int32_t> base = random_dims(r, rank, 5);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const int input_slot = r.uniform(0, count - 1);  // at least one model input
    std::vector<std::int32_t> ins, out_shape = base;
    out_shape[static_cast<std::size_t>(axis)] = 0;
    std::string text;
    for (int i = 0; i < count; ++i) {
        std::vector<std::int32_t> shape = base;
        shape[static_cast<std::size_t>(axis)] = r.uniform(1, 6);
        out_shape[static_cast<std::size_t>(axis)] += shape[static_cast<std::size_t>(axis)];
        ins.push_back(joined_operand(r, m, shape, s, zp, i != input_slot && r.chance(0.3), text));
    }
    const int out = m.add_tensor({"joined", out_shape, INT8, 0, {s}, {zp}, 0, {}});
    const int written_axis = r.chance(0.5) ? axis - rank : axis;  // TFLite accepts negative axes
    op o{m.code(CONCATENATION), ins, {out}, ConcatenationOptions, true, {}};
    o.options.scalar<std::int32_t>(0, written_axis).scalar<std::int8_t>(1, NONE);
    m.ops.push_back(o);
    m.outputs = {out};
    d.text = text + " axis " + std::to_string(written_axis) + " -> " + dims_text(out_shape);
    return d;
}

inline drawn_model pack(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 3);
    const int axis = r.uniform(0, rank);
    const int count = r.uniform(1, 4);
    const std::vector<std::int32_t> shape = random_dims(r, rank, 5);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const int input_slot = r.uniform(0, count - 1);
    std::vector<std::int32_t> ins;
    std::string text;
    for (int i = 0; i < count; ++i) ins.push_back(joined_operand(r, m, shape, s, zp, i != input_slot && r.chance(0.3), text));
    std::vector<std::int32_t> out_shape = shape;
    out_shape.insert(out_shape.begin() + axis, count);
    const int out = m.add_tensor({"packed", out_shape, INT8, 0, {s}, {zp}, 0, {}});
    const int written_axis = r.chance(0.5) ? axis - (rank + 1) : axis;
    op o{m.code(PACK), ins, {out}, PackOptions, true, {}};
    o.options.scalar<std::int32_t>(0, count).scalar<std::int32_t>(1, written_axis);
    m.ops.push_back(o);
    m.outputs = {out};
    d.text = text + " axis " + std::to_string(written_axis) + " -> " + dims_text(out_shape);
    return d;
}

// a, b: model inputs; s = a + b; t = s + c (c constant); u = concat(s, s) (fan-out of s);
// outputs t, s, u in an order drawn at random (s is an output and read by two operators).
inline drawn_model graphs(rng& r) {
    drawn_model d;
    model& m = d.m;
    const std::vector<std::int32_t> shape = random_dims(r, r.uniform(1, 4), 6);
    const float s_a = activation_scale(r), s_b = s_a * r.log_uniform(-3, 3);
    const float s_s = std::max(s_a, s_b) * r.log_uniform(-1, 2);
    const float s_c = s_s * r.log_uniform(-3, 3);
    const float s_t = std::max(s_s, s_c) * r.log_uniform(-1, 2);
    std::string text;
    const int a = joined_operand(r, m, shape, s_a, zero_point(r), false, text);
    const int b = joined_operand(r, m, shape, s_b, zero_point(r), false, text);
    const int c = joined_operand(r, m, shape, s_c, zero_point(r), true, text);
    const std::int32_t zp_s = zero_point(r);
    const int sum = m.add_tensor({"s", shape, INT8, 0, {s_s}, {zp_s}, 0, {}});
    const int t = m.add_tensor({"t", shape, INT8, 0, {s_t}, {zero_point(r)}, 0, {}});
    std::vector<std::int32_t> joined = shape;
    joined.back() *= 2;
    const int u = m.add_tensor({"u", joined, INT8, 0, {s_s}, {zp_s}, 0, {}});
    op add1{m.code(ADD), {a, b}, {sum}, AddOptions, true, {}};
    add1.options.scalar<std::int8_t>(0, NONE);
    op add2{m.code(ADD), {sum, c}, {t}, AddOptions, true, {}};
    add2.options.scalar<std::int8_t>(0, fused_activation(r));
    op cat{m.code(CONCATENATION), {sum, sum}, {u}, ConcatenationOptions, true, {}};
    cat.options.scalar<std::int32_t>(0, -1).scalar<std::int8_t>(1, NONE);
    m.ops = {add1, add2, cat};
    const int order = r.uniform(0, 2);
    m.outputs = order == 0 ? std::vector<std::int32_t>{t, sum, u} : order == 1 ? std::vector<std::int32_t>{u, t, sum} : std::vector<std::int32_t>{sum, u, t};
    d.text = text + ": outputs order " + std::to_string(order);
    return d;
}

}  // namespace sweep

namespace sweep {

// The operators with several outputs: SPLIT, SPLIT_V and UNPACK on a model input, every output
// a model output (in the operator's order or reversed). Shapes with leading 1s make some parts
// views of the input (kernels/split_params.hpp), others copies.
inline std::vector<std::int32_t> split_shape(rng& r, int rank) {
    std::vector<std::int32_t> s = random_dims(r, rank, 6);
    for (std::size_t d = 0; d + 1 < s.size(); ++d)
        if (r.chance(0.3)) s[d] = 1;
    return s;
}

inline void split_outputs(rng& r, model& m, op& o, const std::vector<std::vector<std::int32_t>>& shapes, float s, std::int32_t zp) {
    for (std::size_t i = 0; i < shapes.size(); ++i) o.outputs.push_back(m.add_tensor({"part" + std::to_string(i), shapes[i], INT8, 0, {s}, {zp}, 0, {}}));
    m.ops.push_back(o);
    m.outputs = o.outputs;
    if (r.chance(0.3)) std::reverse(m.outputs.begin(), m.outputs.end());
}

inline drawn_model split(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    const int axis = r.uniform(0, rank - 1);
    const int n = r.uniform(1, 4);
    std::vector<std::int32_t> shape = split_shape(r, rank);
    shape[static_cast<std::size_t>(axis)] = n * r.uniform(1, 3);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const int written_axis = r.chance(0.5) ? axis - rank : axis;
    const int a = m.add_tensor({"axis", {}, INT32, m.add_buffer(std::vector<std::int32_t>{written_axis}), {}, {}, 0, {}});
    const int x = m.add_tensor({"x", shape, INT8, 0, {s}, {zp}, 0, {}});
    m.inputs = {x};
    std::vector<std::int32_t> part = shape;
    part[static_cast<std::size_t>(axis)] /= n;
    op o{m.code(SPLIT), {a, x}, {}, SplitOptions, true, {}};
    o.options.scalar<std::int32_t>(0, n);
    split_outputs(r, m, o, std::vector<std::vector<std::int32_t>>(static_cast<std::size_t>(n), part), s, zp);
    d.text = "input " + dims_text(shape) + " axis " + std::to_string(written_axis) + " into " + std::to_string(n);
    return d;
}

inline drawn_model split_v(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    const int axis = r.uniform(0, rank - 1);
    const int n = r.uniform(1, 4);
    std::vector<std::int32_t> shape = split_shape(r, rank);
    std::vector<std::int32_t> sizes;
    int total = 0;
    for (int i = 0; i < n; ++i) total += sizes.emplace_back(r.uniform(1, 5));
    shape[static_cast<std::size_t>(axis)] = total;
    std::vector<std::vector<std::int32_t>> parts;
    for (const int z : sizes) {
        parts.push_back(shape);
        parts.back()[static_cast<std::size_t>(axis)] = z;
    }
    std::vector<std::int32_t> written = sizes;
    if (r.chance(0.4)) written[static_cast<std::size_t>(r.uniform(0, n - 1))] = -1;  // inferred
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const int x = m.add_tensor({"x", shape, INT8, 0, {s}, {zp}, 0, {}});
    const int z = m.add_tensor({"size_splits", {n}, INT32, m.add_buffer(written), {}, {}, 0, {}});
    const int written_axis = r.chance(0.5) ? axis - rank : axis;
    const int a = m.add_tensor({"axis", {}, INT32, m.add_buffer(std::vector<std::int32_t>{written_axis}), {}, {}, 0, {}});
    m.inputs = {x};
    op o{m.code(SPLIT_V), {x, z, a}, {}, SplitVOptions, true, {}};
    o.options.scalar<std::int32_t>(0, n);
    split_outputs(r, m, o, parts, s, zp);
    d.text = "input " + dims_text(shape) + " axis " + std::to_string(written_axis) + " sizes " + join(written, ",");
    return d;
}

inline drawn_model unpack(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    const int axis = r.uniform(0, rank - 1);
    std::vector<std::int32_t> shape = split_shape(r, rank);
    shape[static_cast<std::size_t>(axis)] = r.uniform(1, 4);
    const int n = shape[static_cast<std::size_t>(axis)];
    std::vector<std::int32_t> part = shape;
    part.erase(part.begin() + axis);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const int x = m.add_tensor({"x", shape, INT8, 0, {s}, {zp}, 0, {}});
    m.inputs = {x};
    const int written_axis = r.chance(0.5) ? axis - rank : axis;
    op o{m.code(UNPACK), {x}, {}, UnpackOptions, true, {}};
    o.options.scalar<std::int32_t>(0, n).scalar<std::int32_t>(1, written_axis);
    split_outputs(r, m, o, std::vector<std::vector<std::int32_t>>(static_cast<std::size_t>(n), part), s, zp);
    d.text = "input " + dims_text(shape) + " axis " + std::to_string(written_axis);
    return d;
}

}  // namespace sweep
