// Sweep generators of data movement I: STRIDED_SLICE, SLICE, SQUEEZE, EXPAND_DIMS, GATHER,
// BROADCAST_TO, PADV2 and MIRROR_PAD. Each draws what TFLM 90b983c2 runs as TFLite does:
// STRIDED_SLICE of rank <= 4 without ellipsis_mask, new_axis_mask or offset (TFLM ignores
// them), GATHER with int32 indices.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"

namespace sweep {

// The builtin codes and options tables of these operators (schema.fbs), written out here as
// tflite_builder.hpp writes the others'.
namespace movement {
constexpr int GATHER = 36, SQUEEZE = 43, STRIDED_SLICE = 45, PADV2 = 60, SLICE = 65, EXPAND_DIMS = 70, MIRROR_PAD = 100, BROADCAST_TO = 130;
constexpr std::uint8_t GatherOptions = 23, SqueezeOptions = 30, StridedSliceOptions = 32, PadV2Options = 43, SliceOptions = 48,
                       ExpandDimsOptions = 52, MirrorPadOptions = 77, BroadcastToOptions = 104;
constexpr std::int8_t INT64 = 4;

template <class T>
std::vector<T> widen(const std::vector<std::int32_t>& v) {
    return std::vector<T>(v.begin(), v.end());
}
// An int32 or (one time in `wide`) int64 constant tensor.
inline int index_tensor(model& m, rng& r, const char* name, const std::vector<std::int32_t>& shape, const std::vector<std::int32_t>& values, double wide,
                        std::string& text) {
    if (r.chance(wide)) {
        text += std::string(" ") + name + " int64";
        return m.add_tensor({name, shape, INT64, m.add_buffer(widen<std::int64_t>(values)), {}, {}, 0, {}});
    }
    return m.add_tensor({name, shape, INT32, m.add_buffer(values), {}, {}, 0, {}});
}
// Small dimensions, so rank-5 tensors stay a few hundred elements.
inline std::vector<std::int32_t> small_dims(rng& r, int rank) { return random_dims(r, rank, rank >= 4 ? 4 : 6); }
}  // namespace movement

inline drawn_model strided_slice(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    for (;;) {
        const int rank = r.uniform(1, 4);
        const std::vector<std::int32_t> in = random_dims(r, rank, 7);
        std::vector<std::int32_t> begin, end, strides, out;
        int begin_mask = 0, end_mask = 0, shrink = 0;
        bool ok = true;
        for (int i = 0; i < rank; ++i) {
            const int n = in[static_cast<std::size_t>(i)];
            const int stride = r.pick<int>({1, 1, 1, 2, 3, -1, -1, -2});
            int b = r.uniform(-n - 1, n + 1), e = r.uniform(-n - 1, n + 1);
            if (r.chance(0.2)) begin_mask |= 1 << i;
            if (r.chance(0.2)) end_mask |= 1 << i;
            const bool drop = stride > 0 && r.chance(0.2);
            if (drop) {
                b = r.uniform(-n, n - 1);
                shrink |= 1 << i;
            }
            begin.push_back(b), end.push_back(e), strides.push_back(stride);
            // TFLite's start, stop and count (op_strided_slice.cpp).
            int start = b < 0 ? b + n : b;
            start = stride > 0 ? std::clamp(start, 0, n) : std::clamp(start, -1, n - 1);
            if (begin_mask & (1 << i)) start = stride > 0 ? 0 : n - 1;
            if (drop) continue;
            int stop = e < 0 ? e + n : e;
            stop = stride > 0 ? std::clamp(stop, 0, n) : std::clamp(stop, -1, n - 1);
            if (end_mask & (1 << i)) stop = stride > 0 ? n : -1;
            const int span = stride > 0 ? stop - start : start - stop, step = stride > 0 ? stride : -stride;
            const int count = span <= 0 ? 0 : (span + step - 1) / step;
            if (count == 0) ok = false;
            out.push_back(count);
        }
        if (!ok || out.empty()) continue;
        const float s = activation_scale(r);
        const std::int32_t zp = zero_point(r);
        m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
        m.add_tensor({"begin", {rank}, INT32, m.add_buffer(begin), {}, {}, 0, {}});
        m.add_tensor({"end", {rank}, INT32, m.add_buffer(end), {}, {}, 0, {}});
        m.add_tensor({"strides", {rank}, INT32, m.add_buffer(strides), {}, {}, 0, {}});
        m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
        op o{m.code(STRIDED_SLICE), {0, 1, 2, 3}, {4}, StridedSliceOptions, true, {}};
        o.options.scalar<std::int32_t>(0, begin_mask).scalar<std::int32_t>(1, end_mask).scalar<std::int32_t>(4, shrink);
        m.ops.push_back(o);
        m.inputs = {0};
        m.outputs = {4};
        d.text = "in " + dims_text(in) + " begin " + join(begin, ",") + " end " + join(end, ",") + " strides " + join(strides, ",") + " begin_mask " +
                 std::to_string(begin_mask) + " end_mask " + std::to_string(end_mask) + " shrink " + std::to_string(shrink) + " out " + dims_text(out);
        return d;
    }
}

inline drawn_model slice(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 5);
    const std::vector<std::int32_t> in = small_dims(r, rank);
    std::vector<std::int32_t> begin, size, out;
    for (int i = 0; i < rank; ++i) {
        const int n = in[static_cast<std::size_t>(i)];
        const int b = r.uniform(0, n - 1), s = r.uniform(1, n - b);
        begin.push_back(b);
        size.push_back(r.chance(0.25) ? -1 : s);
        out.push_back(size.back() == -1 ? n - b : s);
    }
    const float sc = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    std::string text;
    m.add_tensor({"input", in, INT8, 0, {sc}, {zp}, 0, {}});
    const double wide = r.chance(0.3) ? 1.0 : 0.0;  // begin and size share their type, as TFLite requires
    index_tensor(m, r, "begin", {rank}, begin, wide, text);
    index_tensor(m, r, "size", {rank}, size, wide, text);
    m.add_tensor({"output", out, INT8, 0, {sc}, {zp}, 0, {}});
    m.ops.push_back({m.code(SLICE), {0, 1, 2}, {3}, SliceOptions, true, {}});
    m.inputs = {0};
    m.outputs = {3};
    d.text = "in " + dims_text(in) + " begin " + join(begin, ",") + " size " + join(size, ",") + " out " + dims_text(out) + text;
    return d;
}

inline drawn_model squeeze(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    for (;;) {
        const int rank = r.uniform(2, 5);
        std::vector<std::int32_t> in = small_dims(r, rank);
        for (auto& n : in)
            if (r.chance(0.4)) n = 1;
        std::vector<std::int32_t> dims, out;
        const bool all = r.chance(0.3);
        for (int i = 0; i < rank; ++i) {
            const bool one = in[static_cast<std::size_t>(i)] == 1;
            const bool listed = one && !all && r.chance(0.6);
            if (listed) dims.push_back(r.chance(0.3) ? i - rank : i);
            if (!(one && (all || listed))) out.push_back(in[static_cast<std::size_t>(i)]);
        }
        if (out.empty() || (!all && dims.empty())) continue;
        const float s = activation_scale(r);
        const std::int32_t zp = zero_point(r);
        m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
        m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
        op o{m.code(SQUEEZE), {0}, {1}, SqueezeOptions, true, {}};
        if (!all) o.options.vec<std::int32_t>(0, dims);
        m.ops.push_back(o);
        m.inputs = {0};
        m.outputs = {1};
        d.text = "in " + dims_text(in) + (all ? " every dim of 1" : " squeeze_dims " + join(dims, ",")) + " out " + dims_text(out);
        return d;
    }
}

inline drawn_model expand_dims(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    const std::vector<std::int32_t> in = small_dims(r, rank);
    const int axis = r.uniform(-rank - 1, rank);
    std::vector<std::int32_t> out = in;
    out.insert(out.begin() + (axis < 0 ? axis + rank + 1 : axis), 1);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    std::string text;
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    index_tensor(m, r, "axis", r.chance(0.5) ? std::vector<std::int32_t>{} : std::vector<std::int32_t>{1}, {axis}, 0.0, text);  // TFLM takes int32 axes only
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    m.ops.push_back({m.code(EXPAND_DIMS), {0, 1}, {2}, ExpandDimsOptions, true, {}});
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " axis " + std::to_string(axis) + " out " + dims_text(out) + text;
    return d;
}

inline drawn_model gather(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 5);
    const std::vector<std::int32_t> in = small_dims(r, rank);
    const int axis = r.uniform(0, rank - 1);
    const int written_axis = r.chance(0.3) ? axis - rank : axis;
    const int index_rank = r.uniform(rank >= 2 ? 0 : 1, 2);
    std::vector<std::int32_t> index_shape;
    for (int i = 0; i < index_rank; ++i) index_shape.push_back(r.uniform(1, 4));
    int count = 1;
    for (const int n : index_shape) count *= n;
    std::vector<std::int32_t> indices;
    for (int k = 0; k < count; ++k) indices.push_back(r.uniform(0, in[static_cast<std::size_t>(axis)] - 1));
    std::vector<std::int32_t> out(in.begin(), in.begin() + axis);
    out.insert(out.end(), index_shape.begin(), index_shape.end());
    out.insert(out.end(), in.begin() + axis + 1, in.end());
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"indices", index_shape, INT32, m.add_buffer(indices), {}, {}, 0, {}});
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    op o{m.code(GATHER), {0, 1}, {2}, GatherOptions, true, {}};
    o.options.scalar<std::int32_t>(0, written_axis);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " axis " + std::to_string(written_axis) + " indices " + dims_text(index_shape) + " [" + join(indices, ",") + "] out " +
             dims_text(out);
    return d;
}

inline drawn_model broadcast_to(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    const int out_rank = r.uniform(1, 5);
    const std::vector<std::int32_t> out = small_dims(r, out_rank);
    const int rank = r.uniform(1, out_rank);
    std::vector<std::int32_t> in;
    for (int i = 0; i < rank; ++i) in.push_back(r.chance(0.5) ? 1 : out[static_cast<std::size_t>(out_rank - rank + i)]);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    std::string text;
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    index_tensor(m, r, "shape", {out_rank}, out, 0.3, text);
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    m.ops.push_back({m.code(BROADCAST_TO), {0, 1}, {2}, BroadcastToOptions, true, {}});
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " out " + dims_text(out) + text;
    return d;
}

inline drawn_model padv2(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    std::vector<std::int32_t> in = random_dims(r, rank, 6);
    if (rank == 4 && r.chance(0.7)) in[0] = 1;
    std::vector<std::int32_t> paddings, out = in;
    for (int i = 0; i < rank; ++i) {
        const int before = r.uniform(0, 3), after = r.uniform(0, 3);
        paddings.push_back(before);
        paddings.push_back(after);
        out[static_cast<std::size_t>(i)] += before + after;
    }
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const bool valued = r.chance(0.85);
    const int value = r.chance(0.2) ? r.pick<int>({-128, 127}) : r.uniform(-128, 127);
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"paddings", {rank, 2}, INT32, m.add_buffer(paddings), {}, {}, 0, {}});
    if (valued) m.add_tensor({"constant_values", r.chance(0.5) ? std::vector<std::int32_t>{} : std::vector<std::int32_t>{1}, INT8,
                              m.add_buffer(std::vector<std::int8_t>{static_cast<std::int8_t>(value)}), {s}, {zp}, 0, {}});
    const int output = m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    m.ops.push_back({m.code(PADV2), valued ? std::vector<std::int32_t>{0, 1, 2} : std::vector<std::int32_t>{0, 1}, {output}, PadV2Options, true, {}});
    m.inputs = {0};
    m.outputs = {output};
    d.text = "in " + dims_text(in) + " paddings " + join(paddings, ",") + (valued ? " value " + std::to_string(value) : " no value") + " out " + dims_text(out);
    return d;
}

inline drawn_model mirror_pad(rng& r) {
    using namespace movement;
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 5);
    const std::vector<std::int32_t> in = small_dims(r, rank);
    const bool symmetric = r.chance(0.5);
    std::string text;
    std::vector<std::int32_t> paddings, out = in;
    for (int i = 0; i < rank; ++i) {
        const int most = std::min(symmetric ? in[static_cast<std::size_t>(i)] : in[static_cast<std::size_t>(i)] - 1, 3);
        const int before = r.uniform(0, most), after = r.uniform(0, most);
        paddings.push_back(before);
        paddings.push_back(after);
        out[static_cast<std::size_t>(i)] += before + after;
    }
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    index_tensor(m, r, "paddings", {rank, 2}, paddings, 0.2, text);
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    op o{m.code(MIRROR_PAD), {0, 1}, {2}, MirrorPadOptions, true, {}};
    o.options.scalar<std::int8_t>(0, symmetric ? 1 : 0);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    d.text = std::string(symmetric ? "SYMMETRIC" : "REFLECT") + " in " + dims_text(in) + " paddings " + join(paddings, ",") + " out " + dims_text(out) + text;
    return d;
}

}  // namespace sweep
