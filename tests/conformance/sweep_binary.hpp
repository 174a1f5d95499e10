// Sweep generators of the element-wise binary operators with broadcasting: ADD (broadcast),
// SUB, MUL, SQUARED_DIFFERENCE, MAXIMUM, MINIMUM, PRELU. Half the models take two operands
// drawn on their own from one broadcast shape (each full, one value, a per-channel row, a
// lower rank, or 1s at random axes), each a model input or a constant of random values (never
// both constants); the rest read one input x twice, or x and a MEAN of x that keeps its reduced
// axes as 1s (a broadcast operand with a quantization of its own), drops a prefix of them (a
// lower rank, right-aligned) or reduces only size-1 axes (x's shape, another scale); two MEANs
// over different axes give an output larger than either operand. Either operand order; ranks 1
// to the operator's TFLM limit (5, or 4 for SQUARED_DIFFERENCE and PRELU); every fused
// activation where the operator has one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"
#include "sweep_weighted.hpp"  // weights(): random int8 values

namespace sweep {

namespace binary {

// schema.fbs: BuiltinOperator and BuiltinOptions values (written here, not taken from the converter).
constexpr int MUL = 18, SUB = 41, PRELU = 54, MAXIMUM = 55, MINIMUM = 57, SQUARED_DIFFERENCE = 99;
constexpr std::uint8_t MulOptions = 21, SubOptions = 28, MaximumMinimumOptions = 39, SquaredDifferenceOptions = 76;

inline const char* op_text(int op) {
    switch (op) {
        case ADD: return "ADD";
        case SUB: return "SUB";
        case MUL: return "MUL";
        case SQUARED_DIFFERENCE: return "SQUARED_DIFFERENCE";
        case MAXIMUM: return "MAXIMUM";
        case MINIMUM: return "MINIMUM";
        case PRELU: return "PRELU";
        default: return "?";
    }
}

struct operand {
    int tensor = 0;
    std::vector<std::int32_t> shape;
    float scale = 1.0f;
    std::int32_t zero_point = 0;
    std::string text;
};

// MEAN of x over `axes` (keep: reduced axes stay as 1s), with its own quantization.
inline operand mean_of(model& m, const operand& x, const std::vector<std::int32_t>& axes, bool keep, float scale, std::int32_t zp,
                       const char* name) {
    operand o;
    const int rank = static_cast<int>(x.shape.size());
    for (int i = 0; i < rank; ++i) {
        const bool reduced = std::find(axes.begin(), axes.end(), i) != axes.end();
        if (!reduced) o.shape.push_back(x.shape[static_cast<std::size_t>(i)]);
        else if (keep) o.shape.push_back(1);
    }
    o.scale = scale;
    o.zero_point = zp;
    const int a = m.add_tensor({std::string(name) + "_axes", {static_cast<std::int32_t>(axes.size())}, INT32, m.add_buffer(axes), {}, {}, 0, {}});
    o.tensor = m.add_tensor({name, o.shape, INT8, 0, {scale}, {zp}, 0, {}});
    op mean{m.code(MEAN), {x.tensor, a}, {o.tensor}, ReducerOptions, true, {}};
    mean.options.scalar<bool>(0, keep);
    m.ops.push_back(mean);
    o.text = std::string("mean(x, ") + join(axes, ",") + (keep ? " keep" : "") + ") " + dims_text(o.shape);
    return o;
}

// A random subset of the axes (at least one), or only the size-1 axes when `unit_only`.
inline std::vector<std::int32_t> some_axes(rng& r, const std::vector<std::int32_t>& shape) {
    std::vector<std::int32_t> axes;
    for (int i = 0; i < static_cast<int>(shape.size()); ++i)
        if (r.chance(0.45)) axes.push_back(i);
    if (axes.empty()) axes.push_back(r.uniform(0, static_cast<int>(shape.size()) - 1));
    return axes;
}

// The broadcast of two right-aligned shapes (valid by construction).
inline std::vector<std::int32_t> broadcast_shape(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b) {
    const std::size_t rank = std::max(a.size(), b.size());
    std::vector<std::int32_t> out(rank, 1);
    for (std::size_t i = 0; i < rank; ++i) {
        const std::int32_t da = i + a.size() >= rank ? a[i + a.size() - rank] : 1;
        const std::int32_t db = i + b.size() >= rank ? b[i + b.size() - rank] : 1;
        out[i] = std::max(da, db);
    }
    return out;
}


// An operand shape drawn from the output's: full, one value, a per-channel row, a lower rank
// (a suffix of the axes) or 1s at random axes.
inline std::vector<std::int32_t> operand_shape(rng& r, const std::vector<std::int32_t>& out) {
    const int rank = static_cast<int>(out.size());
    std::vector<std::int32_t> s = out;
    switch (r.uniform(0, 4)) {
        case 0: break;
        case 1: s.assign(static_cast<std::size_t>(r.uniform(1, rank)), 1); break;
        case 2:
            if (r.chance(0.5)) s = {out.back()};
            else
                for (int i = 0; i + 1 < rank; ++i) s[static_cast<std::size_t>(i)] = 1;
            break;
        case 3: s.erase(s.begin(), s.begin() + r.uniform(1, rank - 1 > 0 ? rank - 1 : 1)); [[fallthrough]];
        default:
            for (auto& d : s)
                if (r.chance(0.4)) d = 1;
    }
    if (s.empty()) s = {1};
    return s;
}

// A model input or a constant of random values, with its own quantization.
inline operand independent_operand(rng& r, model& m, const std::vector<std::int32_t>& shape, float scale, std::int32_t zp, bool constant,
                                   const char* name) {
    operand o;
    o.shape = shape;
    o.scale = scale;
    o.zero_point = zp;
    std::size_t n = 1;
    for (const auto d : shape) n *= static_cast<std::size_t>(d);
    o.tensor = m.add_tensor({name, shape, INT8, constant ? m.add_buffer(weights(r, n)) : 0u, {scale}, {zp}, 0, {}});
    if (!constant) m.inputs.push_back(o.tensor);
    o.text = std::string(constant ? "const " : "input ") + name + " " + dims_text(shape);
    return o;
}

}  // namespace binary

inline drawn_model binary_op(rng& r, int builtin) {
    using namespace binary;
    drawn_model d;
    model& m = d.m;
    const bool low_rank_op = builtin == SQUARED_DIFFERENCE || builtin == PRELU;
    const int max_rank = low_rank_op ? 4 : 5;
    const int rank = r.uniform(1, max_rank);
    std::vector<std::int32_t> shape = random_dims(r, rank, rank >= 4 ? 4 : 6);
    if (r.chance(0.3)) shape.back() = r.pick<int>({8, 16, 24, 33});  // per-channel rows of some length
    // MAXIMUM and MINIMUM: mostly one quantization everywhere, as converters make them.
    const bool minmax = builtin == MAXIMUM || builtin == MINIMUM;
    const bool shared_quant = minmax && r.chance(0.75);
    const float s_x = activation_scale(r);
    const std::int32_t zp_x = zero_point(r);
    const auto other_scale = [&] { return shared_quant ? s_x : s_x * r.log_uniform(-3, 3); };
    const auto other_zp = [&] { return shared_quant ? zp_x : zero_point(r); };

    const int form = r.uniform(0, 9);  // 0-4: two drawn operands; 5: x, x; 6-7: x, mean; 8-9: two means
    operand a, b;
    if (form <= 4) {
        const bool constant_b = r.chance(builtin == PRELU ? 0.5 : 0.3);  // PRELU's alpha is usually a constant
        const std::vector<std::int32_t> sa = builtin == PRELU && r.chance(0.7) ? shape : operand_shape(r, shape);
        a = independent_operand(r, m, sa, s_x, zp_x, false, "a");
        // Drawn in this order (the committed data's): a call's arguments have no order.
        const std::int32_t zp_b = other_zp();
        const float s_b = other_scale();
        const std::vector<std::int32_t> shape_b = operand_shape(r, shape);
        b = independent_operand(r, m, shape_b, s_b, zp_b, constant_b, "b");
        if (r.chance(0.5) && builtin != PRELU) std::swap(a, b);
        if (builtin == PRELU && !constant_b && r.chance(0.3)) std::swap(a, b);
        m.inputs.clear();  // in model order: the first operand's input first
        for (const operand* o : {&a, &b})
            if (m.tensors[static_cast<std::size_t>(o->tensor)].buffer == 0) m.inputs.push_back(o->tensor);
    } else {
        operand x;
        x.shape = shape;
        x.scale = s_x;
        x.zero_point = zp_x;
        x.tensor = m.add_tensor({"x", shape, INT8, 0, {x.scale}, {x.zero_point}, 0, {}});
        x.text = "x " + dims_text(shape);
        m.inputs = {x.tensor};
        a = x;
        b = x;
        if (form == 6 || form == 7) {
            std::vector<std::int32_t> axes;
            bool keep = true;
            if (form == 6) {
                for (int i = 0; i < rank; ++i)
                    if (shape[static_cast<std::size_t>(i)] == 1) axes.push_back(i);
                if (axes.empty()) axes = some_axes(r, shape);  // no size-1 axis: a broadcast after all
            } else {
                axes = some_axes(r, shape);
                if (r.chance(0.3)) {  // drop a prefix of axes: a lower-rank operand
                    const int k = r.uniform(1, rank);
                    axes.clear();
                    for (int i = 0; i < k; ++i) axes.push_back(i);
                    keep = static_cast<int>(axes.size()) == rank;  // reducing every axis keeps one element
                }
            }
            const std::int32_t zp_m = other_zp();  // in this order: a call's arguments have no order
            const float s_m = other_scale();
            b = mean_of(m, x, axes, keep, s_m, zp_m, "m");
        } else if (form >= 8) {
            const std::int32_t zp_m1 = other_zp();
            const float s_m1 = other_scale();
            const std::vector<std::int32_t> axes_m1 = some_axes(r, shape);
            a = mean_of(m, x, axes_m1, true, s_m1, zp_m1, "m1");
            const std::int32_t zp_m2 = other_zp();
            const float s_m2 = other_scale();
            const std::vector<std::int32_t> axes_m2 = some_axes(r, shape);
            b = mean_of(m, x, axes_m2, true, s_m2, zp_m2, "m2");
        }
        if (builtin != PRELU || form >= 8 ? r.chance(0.5) : false) std::swap(a, b);
        if (builtin == PRELU && (form == 6 || form == 7) && r.chance(0.2)) std::swap(a, b);  // the input broadcast against alpha
    }

    const std::vector<std::int32_t> out_shape = broadcast_shape(a.shape, b.shape);
    const float s1 = a.scale, s2 = b.scale, s_max = std::max(s1, s2);
    float s_out = 1.0f;
    std::int32_t zp_out = zero_point(r);
    switch (builtin) {
        case ADD:
        case SUB: s_out = s_max * r.log_uniform(-2, 3); break;
        case MUL: s_out = s1 * s2 * r.log_uniform(-1, 9); break;
        case SQUARED_DIFFERENCE: s_out = s_max * s_max * r.log_uniform(2, 15); break;
        case PRELU: s_out = s1 * r.log_uniform(-2, 2); break;
        default:
            s_out = shared_quant ? s_x : s_x * r.log_uniform(-2, 2);
            zp_out = shared_quant ? zp_x : zp_out;
    }
    const bool has_act = builtin == ADD || builtin == SUB || builtin == MUL;
    const std::int8_t act = has_act ? fused_activation(r) : NONE;
    const int out = m.add_tensor({"out", out_shape, INT8, 0, {s_out}, {zp_out}, 0, {}});
    std::uint8_t options_type = 0;
    switch (builtin) {
        case ADD: options_type = AddOptions; break;
        case SUB: options_type = SubOptions; break;
        case MUL: options_type = MulOptions; break;
        case SQUARED_DIFFERENCE: options_type = SquaredDifferenceOptions; break;
        case MAXIMUM:
        case MINIMUM: options_type = MaximumMinimumOptions; break;
        default: break;
    }
    const bool options = has_act || (options_type != 0 && r.chance(0.5));
    op o{m.code(builtin), {a.tensor, b.tensor}, {out}, options ? options_type : std::uint8_t{0}, options, {}};
    if (has_act) o.options.scalar<std::int8_t>(0, act);
    m.ops.push_back(o);
    m.outputs = {out};
    d.text = std::string(op_text(builtin)) + "(" + a.text + ", " + b.text + ") -> " + dims_text(out_shape) + (has_act ? std::string(" act ") + activation_text(act) : "") +
             (shared_quant ? " shared quantization" : "");
    return d;
}

// MUL by a rank-0 constant, as converters write a scalar factor: x 1x4x4x3 times c [].
inline drawn_model mul_by_scalar_constant(rng& r) {
    drawn_model d;
    model& m = d.m;
    m.inputs = {m.add_tensor({"x", {1, 4, 4, 3}, INT8, 0, {0.047f}, {-12}, 0, {}})};
    const int c = m.add_tensor({"c", {}, INT8, m.add_buffer(std::vector<std::int8_t>{-77}), {0.0123f}, {3}, 0, {}});
    const int out = m.add_tensor({"y", {1, 4, 4, 3}, INT8, 0, {0.031f}, {5}, 0, {}});
    op o{m.code(binary::MUL), {0, c}, {out}, binary::MulOptions, true, {}};
    o.options.scalar<std::int8_t>(0, NONE);
    m.ops.push_back(o);
    m.outputs = {out};
    (void)r;
    d.text = "MUL(input x 1x4x4x3, const c scalar) -> 1x4x4x3 act none";
    return d;
}

// PRELU as Keras exports it: alpha a constant 1x1x3 (shared over height and width).
inline drawn_model prelu_keras_alpha(rng& r) {
    drawn_model d;
    model& m = d.m;
    m.inputs = {m.add_tensor({"x", {1, 5, 4, 3}, INT8, 0, {0.062f}, {9}, 0, {}})};
    const int alpha = m.add_tensor({"alpha", {1, 1, 3}, INT8, m.add_buffer(std::vector<std::int8_t>{25, -90, 127}), {0.0021f}, {-4}, 0, {}});
    const int out = m.add_tensor({"y", {1, 5, 4, 3}, INT8, 0, {0.041f}, {-20}, 0, {}});
    m.ops.push_back({m.code(binary::PRELU), {0, alpha}, {out}, 0, false, {}});
    m.outputs = {out};
    (void)r;
    d.text = "PRELU(input x 1x5x4x3, const alpha 1x1x3) -> 1x5x4x3";
    return d;
}

// A 6-D broadcast (TFLM walks ADD and MUL up to 6-D): two model inputs 2x1x3x1x2x2 and
// 1x2x1x2x1x2, every axis but the last broadcast one way or the other.
inline drawn_model rank6(int builtin) {
    drawn_model d;
    model& m = d.m;
    const int a = m.add_tensor({"a", {2, 1, 3, 1, 2, 2}, INT8, 0, {0.031f}, {-100}, 0, {}});
    const int b = m.add_tensor({"b", {1, 2, 1, 2, 1, 2}, INT8, 0, {0.0087f}, {64}, 0, {}});
    const float s_out = builtin == ADD ? 0.045f : 0.0021f;
    const int out = m.add_tensor({"y", {2, 2, 3, 2, 2, 2}, INT8, 0, {s_out}, {-7}, 0, {}});
    op o{m.code(builtin), {a, b}, {out}, builtin == ADD ? AddOptions : binary::MulOptions, true, {}};
    o.options.scalar<std::int8_t>(0, RELU);
    m.ops.push_back(o);
    m.inputs = {a, b};
    m.outputs = {out};
    d.text = std::string(binary::op_text(builtin)) + "(input a 2x1x3x1x2x2, input b 1x2x1x2x1x2) -> 2x2x3x2x2x2 act relu";
    return d;
}

}  // namespace sweep
