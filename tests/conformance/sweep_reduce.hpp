// Sweep generators of the type edges and the reductions: QUANTIZE between 8-bit types
// (int8 -> int8, uint8 -> int8, int8 -> uint8), DEQUANTIZE uint8 -> float32, SUM, REDUCE_MAX,
// REDUCE_MIN (MEAN's axis draws: any rank 1-4, repeated and negative axes, keep_dims), ARG_MAX
// and ARG_MIN (one axis, int8 or float32 in, int32 out; the axis tensor [1] or a scalar).
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"

namespace sweep {

constexpr std::int8_t UINT8 = 3;  // TensorType
constexpr int ARG_MAX = 56, SUM = 74, ARG_MIN = 79, REDUCE_MAX = 82, REDUCE_MIN = 89;  // BuiltinOperator
constexpr std::uint8_t ArgMaxOptions = 40, ArgMinOptions = 57;                          // BuiltinOptions

inline std::int32_t uint8_zero_point(rng& r) {
    if (r.chance(0.2)) return 0;
    if (r.chance(0.15)) return 255;
    if (r.chance(0.15)) return 128;
    return r.uniform(0, 255);
}

inline std::string scale_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// QUANTIZE between 8-bit types: the output scale near the input's, far finer or far coarser,
// or equal with zero points 128 apart (TFLite's byte-flip shortcut for uint8 <-> int8).
inline drawn_model requantize(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int pair = r.uniform(0, 3);  // 0, 1: int8 -> int8; 2: uint8 -> int8; 3: int8 -> uint8
    const std::int8_t in_type = pair == 2 ? UINT8 : INT8, out_type = pair == 3 ? UINT8 : INT8;
    std::vector<std::int32_t> shape = random_dims(r, r.uniform(1, 4), 6);
    if (r.chance(0.2)) shape.back() = r.uniform(16, 70);
    const float s_in = activation_scale(r);
    const bool flip = pair >= 2 && r.chance(0.25);
    float s_out = flip ? s_in : static_cast<float>(s_in * std::exp2(r.uniform(0, 2) == 0 ? -8.0 + 16.0 * r.unit() : -1.5 + 3.0 * r.unit()));
    if (!flip && r.chance(0.1)) s_out = s_in;
    std::int32_t zp_in = in_type == UINT8 ? uint8_zero_point(r) : zero_point(r);
    std::int32_t zp_out = out_type == UINT8 ? uint8_zero_point(r) : zero_point(r);
    if (flip) {
        if (in_type == UINT8) zp_in = zp_out + 128;
        else zp_out = zp_in + 128;
    }
    d.uint8_input = in_type == UINT8;
    m.add_tensor({"input", shape, in_type, 0, {s_in}, {zp_in}, 0, {}});
    m.add_tensor({"output", shape, out_type, 0, {s_out}, {zp_out}, 0, {}});
    const bool options = r.chance(0.5);
    m.ops.push_back({m.code(QUANTIZE), {0}, {1}, options ? QuantizeOptions : std::uint8_t{0}, options, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = std::string(in_type == UINT8 ? "uint8" : "int8") + " -> " + (out_type == UINT8 ? "uint8" : "int8") + " " + dims_text(shape) +
             " scale " + scale_text(s_in) + " zp " + std::to_string(zp_in) + " -> scale " + scale_text(s_out) + " zp " + std::to_string(zp_out) +
             (flip ? " (byte flip)" : "");
    return d;
}

inline drawn_model dequantize_uint8(rng& r) {
    drawn_model d;
    model& m = d.m;
    const auto shape = random_dims(r, r.uniform(1, 4), 6);
    d.uint8_input = true;
    const float s = activation_scale(r);
    const std::int32_t zp = uint8_zero_point(r);
    m.add_tensor({"input", shape, UINT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"output", shape, FLOAT32, 0, {}, {}, 0, {}});
    m.ops.push_back({m.code(DEQUANTIZE), {0}, {1}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = "uint8 " + dims_text(shape) + " scale " + scale_text(s) + " zp " + std::to_string(zp) + " -> float32";
    return d;
}

// SUM, REDUCE_MAX, REDUCE_MIN: MEAN's shapes and axes. SUM's output scale covers the sum's
// range (up to count * input scale) and, now and then, a finer one (a left shift: saturation).
inline drawn_model reduction(rng& r, int builtin) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    std::vector<std::int32_t> in = random_dims(r, rank, 7);
    std::vector<std::int32_t> axes;
    std::vector<bool> reduced(static_cast<std::size_t>(rank), false);
    if (rank == 4 && r.chance(0.3)) {
        axes = {1, 2};
    } else {
        const int count = r.uniform(1, rank + 1);  // may repeat an axis
        for (int i = 0; i < count; ++i) axes.push_back(r.uniform(0, rank - 1));
    }
    int count = 1;
    for (auto& a : axes) {
        if (!reduced[static_cast<std::size_t>(a)]) count *= in[static_cast<std::size_t>(a)];
        reduced[static_cast<std::size_t>(a)] = true;
        if (r.chance(0.25)) a -= rank;
    }
    const bool keep = r.chance(0.5);
    std::vector<std::int32_t> out;
    for (int i = 0; i < rank; ++i) {
        if (!reduced[static_cast<std::size_t>(i)]) out.push_back(in[static_cast<std::size_t>(i)]);
        else if (keep) out.push_back(1);
    }
    const float s_in = activation_scale(r);
    const std::int32_t zp_in = zero_point(r);
    float s_out = s_in;
    std::int32_t zp_out = zp_in;
    if (builtin == SUM) {
        s_out = static_cast<float>(s_in * std::exp2(r.chance(0.15) ? -3.0 * r.unit() : (std::log2(count) + 1.0) * r.unit() - 1.0));
        zp_out = zero_point(r);
    }
    m.add_tensor({"input", in, INT8, 0, {s_in}, {zp_in}, 0, {}});
    m.add_tensor({"axes", {static_cast<std::int32_t>(axes.size())}, INT32, m.add_buffer(axes), {}, {}, 0, {}});
    m.add_tensor({"output", out, INT8, 0, {s_out}, {zp_out}, 0, {}});
    op o{m.code(builtin), {0, 1}, {2}, ReducerOptions, true, {}};
    o.options.scalar<bool>(0, keep);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " axes " + join(axes, ",") + (keep ? " keep_dims" : "") + " out " + dims_text(out) +
             (builtin == SUM ? " s_in / s_out " + scale_text(s_in / s_out) : "");
    return d;
}

inline drawn_model arg_reduction(rng& r, bool max) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    std::vector<std::int32_t> in = random_dims(r, rank, 7);
    const int axis = r.uniform(0, rank - 1);
    if (r.chance(0.3)) in[static_cast<std::size_t>(axis)] = r.uniform(8, 40);  // long rows, as classifiers have
    const int written = r.chance(0.3) ? axis - rank : axis;
    const bool scalar_axis = r.chance(0.3);
    std::vector<std::int32_t> out;
    for (int i = 0; i < rank; ++i)
        if (i != axis) out.push_back(in[static_cast<std::size_t>(i)]);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    d.float_input = r.chance(0.25);  // TFLM's ARG_MAX runs float32 too: values on a grid, ties included
    d.input_scale = s;
    d.input_zero_point = zp;
    if (d.float_input) m.add_tensor({"input", in, FLOAT32, 0, {}, {}, 0, {}});
    else m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"axis", scalar_axis ? std::vector<std::int32_t>{} : std::vector<std::int32_t>{1}, INT32,
                  m.add_buffer(std::vector<std::int32_t>{written}), {}, {}, 0, {}});
    m.add_tensor({"output", out, INT32, 0, {}, {}, 0, {}});
    const bool options = r.chance(0.8);
    op o{m.code(max ? ARG_MAX : ARG_MIN), {0, 1}, {2}, options ? (max ? ArgMaxOptions : ArgMinOptions) : std::uint8_t{0}, options, {}};
    if (options) o.options.scalar<std::int8_t>(0, INT32);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    d.text = std::string(d.float_input ? "float32 " : "") + "in " + dims_text(in) + " axis " + std::to_string(written) + (scalar_axis ? " (scalar)" : "") + " out " + dims_text(out) +
             (options ? "" : " no options");
    return d;
}

}  // namespace sweep
