// Sweep generators of the operators that move or reduce data: PAD, RESHAPE and MEAN (with
// MEAN's fixed regression model).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"

namespace sweep {

inline drawn_model pad(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    std::vector<std::int32_t> in = random_dims(r, rank, 6);
    if (rank == 4 && r.chance(0.7)) in[0] = 1;
    std::vector<std::int32_t> paddings, out = in;
    for (int i = 0; i < rank; ++i) {
        const bool batch = rank == 4 && i == 0 && r.chance(0.7);
        const int before = batch ? 0 : r.uniform(0, 3), after = batch ? 0 : r.uniform(0, 3);
        paddings.push_back(before);
        paddings.push_back(after);
        out[static_cast<std::size_t>(i)] += before + after;
    }
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"paddings", {rank, 2}, INT32, m.add_buffer(paddings), {}, {}, 0, {}});
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    m.ops.push_back({m.code(PAD), {0, 1}, {2}, PadOptions, true, {}});
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " paddings " + join(paddings, ",") + " out " + dims_text(out);
    return d;
}

inline drawn_model reshape(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int elements = r.pick<int>({1, 2, 6, 12, 24, 30, 36, 48, 60, 64, 90, 120});
    const auto in = factor_shape(r, elements), out = factor_shape(r, elements);
    std::vector<std::int32_t> operand = out;
    if (r.chance(0.3)) operand[static_cast<std::size_t>(r.uniform(0, static_cast<int>(out.size()) - 1))] = -1;
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"shape", {static_cast<std::int32_t>(operand.size())}, INT32, m.add_buffer(operand), {}, {}, 0, {}});
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    op o{m.code(RESHAPE), {0, 1}, {2}, ReshapeOptions, true, {}};
    o.options.vec<std::int32_t>(0, out);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " out " + dims_text(out) + " shape operand [" + join(operand, ",") + "]";
    return d;
}

inline drawn_model mean(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 4);
    std::vector<std::int32_t> in = random_dims(r, rank, 7);
    std::vector<std::int32_t> axes;
    std::vector<bool> reduced(static_cast<std::size_t>(rank), false);
    if (rank == 4 && r.chance(0.3)) {
        axes = {1, 2};  // global average pooling, as models export it
    } else {
        const int count = r.uniform(1, rank + 1);  // may repeat an axis
        for (int i = 0; i < count; ++i) axes.push_back(r.uniform(0, rank - 1));
    }
    for (auto& a : axes) {
        reduced[static_cast<std::size_t>(a)] = true;
        if (r.chance(0.25)) a -= rank;  // negative axes count from the end
    }
    const bool keep = r.chance(0.5);
    std::vector<std::int32_t> out;
    for (int i = 0; i < rank; ++i) {
        if (!reduced[static_cast<std::size_t>(i)]) out.push_back(in[static_cast<std::size_t>(i)]);
        else if (keep) out.push_back(1);
    }
    const float s_in = activation_scale(r);
    const std::int32_t zp_in = zero_point(r);
    const bool same = r.chance(0.4);
    const float s_out = same ? s_in : s_in * r.log_uniform(-3, 3);
    const std::int32_t zp_out = same ? zp_in : zero_point(r);
    m.add_tensor({"input", in, INT8, 0, {s_in}, {zp_in}, 0, {}});
    m.add_tensor({"axes", {static_cast<std::int32_t>(axes.size())}, INT32, m.add_buffer(axes), {}, {}, 0, {}});
    m.add_tensor({"output", out, INT8, 0, {s_out}, {zp_out}, 0, {}});
    op o{m.code(MEAN), {0, 1}, {2}, ReducerOptions, true, {}};
    o.options.scalar<bool>(0, keep);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " axes " + join(axes, ",") + (keep ? " keep_dims" : "") + " out " + dims_text(out) +
             (same ? " same quantization" : "");
    return d;
}

// The case issue 17 reported: equal input and output quantization, which TFLM rounds like any
// other (ctnn used to truncate, and 31 of 80 values came out one lower).
inline drawn_model mean_equal_quantization(rng& r) {
    drawn_model d;
    model& m = d.m;
    m.add_tensor({"input", {1, 2, 2, 10}, INT8, 0, {0.0390625f}, {-7}, 0, {}});
    m.add_tensor({"axes", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 2}), {}, {}, 0, {}});
    m.add_tensor({"output", {1, 1, 1, 10}, INT8, 0, {0.0390625f}, {-7}, 0, {}});
    op o{m.code(MEAN), {0, 1}, {2}, ReducerOptions, true, {}};
    o.options.scalar<bool>(0, true);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    (void)r;
    d.text = "in 1x2x2x10 axes 1,2 keep_dims out 1x1x1x10 same quantization (issue 17)";
    return d;
}

}  // namespace sweep
