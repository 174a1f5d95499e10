// Sweep generators of the element-wise binary operators with broadcasting: ADD (broadcast),
// SUB, MUL, SQUARED_DIFFERENCE, MAXIMUM, MINIMUM, PRELU. The model has one input x; the
// operands come from it: x itself, or a MEAN of x that keeps its reduced axes as 1s (a
// broadcast operand, with a quantization of its own), drops a prefix of them (a lower rank,
// right-aligned), or reduces only size-1 axes (x's shape with another scale). Two MEANs over
// different axes give an output larger than either operand ([3,1] and [1,4] make [3,4]).
// Either operand order; ranks 1 to the operator's TFLM limit (5, or 4 for SQUARED_DIFFERENCE
// and PRELU); every fused activation where the operator has one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"

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
    operand x;
    x.shape = shape;
    x.scale = activation_scale(r);
    x.zero_point = zero_point(r);
    x.tensor = m.add_tensor({"x", shape, INT8, 0, {x.scale}, {x.zero_point}, 0, {}});
    x.text = "x " + dims_text(shape);
    m.inputs = {0};

    // MAXIMUM and MINIMUM: mostly one quantization everywhere, as converters make them.
    const bool minmax = builtin == MAXIMUM || builtin == MINIMUM;
    const bool shared_quant = minmax && r.chance(0.75);
    const auto other_scale = [&] { return shared_quant ? x.scale : x.scale * r.log_uniform(-3, 3); };
    const auto other_zp = [&] { return shared_quant ? x.zero_point : zero_point(r); };

    const int form = r.uniform(0, 9);  // 0: x, x; 1-2: x, same-shape mean; 3-6: x, broadcast mean; 7-9: two means
    operand a = x, b = x;
    if (form >= 1 && form <= 6) {
        std::vector<std::int32_t> axes;
        bool keep = true;
        if (form <= 2) {
            for (int i = 0; i < rank; ++i)
                if (shape[static_cast<std::size_t>(i)] == 1) axes.push_back(i);
            if (axes.empty()) {  // no size-1 axis: a broadcast after all
                axes = some_axes(r, shape);
            }
        } else {
            axes = some_axes(r, shape);
            if (r.chance(0.3)) {  // drop a prefix of axes: a lower-rank operand
                const int k = r.uniform(1, rank);
                axes.clear();
                for (int i = 0; i < k; ++i) axes.push_back(i);
                keep = static_cast<int>(axes.size()) == rank;  // reducing every axis keeps one element
            }
        }
        b = mean_of(m, x, axes, keep, other_scale(), other_zp(), "m");
    } else if (form >= 7) {
        std::vector<std::int32_t> axes1 = some_axes(r, shape), axes2 = some_axes(r, shape);
        a = mean_of(m, x, axes1, true, other_scale(), other_zp(), "m1");
        b = mean_of(m, x, axes2, true, other_scale(), other_zp(), "m2");
    }
    if (builtin != PRELU || form >= 7 ? r.chance(0.5) : false) std::swap(a, b);
    if (builtin == PRELU && form >= 1 && form <= 6 && r.chance(0.2)) std::swap(a, b);  // the input broadcast against alpha

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
            s_out = shared_quant ? x.scale : x.scale * r.log_uniform(-2, 2);
            zp_out = shared_quant ? x.zero_point : zp_out;
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

}  // namespace sweep
