// Sweep generators of TRANSPOSE_CONV (per-channel and per-tensor weights, bias or none, SAME and
// VALID, strides, the usual output sizes and odd ones) and BATCH_MATMUL (ranks 2-4, broadcast
// batch dimensions, adj_x and adj_y; the right-hand side a constant, a second model input, or the
// input itself or a RESHAPE of it).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"
#include "sweep_weighted.hpp"

namespace sweep {

// Schema values the shared builder does not name yet.
inline constexpr int TRANSPOSE_CONV = 67, BATCH_MATMUL = 126;
inline constexpr std::uint8_t TransposeConvOptions = 49, BatchMatMulOptions = 101;

inline drawn_model transpose_conv(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int in_h = r.chance(0.15) ? 1 : r.uniform(1, 6), in_w = r.chance(0.15) ? 1 : r.uniform(1, 6);
    const int k_h = r.uniform(1, 4), k_w = r.chance(0.7) ? k_h : r.uniform(1, 4);
    const int s_h = r.uniform(1, 3), s_w = r.chance(0.7) ? s_h : r.uniform(1, 3);
    const bool same = r.chance(0.5);
    // What TensorFlow's conv2d_transpose gives; now and then any other size (TFLite takes the
    // output_shape input as it is and derives the padding from it).
    int out_h = same ? in_h * s_h : (in_h - 1) * s_h + k_h;
    int out_w = same ? in_w * s_w : (in_w - 1) * s_w + k_w;
    if (r.chance(0.2)) {
        out_h = r.uniform(1, in_h * s_h + k_h);
        out_w = r.uniform(1, in_w * s_w + k_w);
    }
    const int c = r.chance(0.3) ? r.pick<int>({12, 16, 19}) : r.uniform(1, 8);
    const int o = r.chance(0.3) ? r.uniform(9, 20) : r.uniform(1, 8);
    const float s_in = activation_scale(r);
    // Each output gathers at most ceil(k / s) taps per axis.
    const int taps = ((k_h + s_h - 1) / s_h) * ((k_w + s_w - 1) / s_w) * c;
    const weight_quant q = weight_scales(r, o, s_in, taps);
    const std::int8_t act = fused_activation(r);
    const bool has_bias = r.chance(0.85);
    std::vector<float> bias_scales;
    for (float s : q.scales) bias_scales.push_back(s * s_in);
    const std::vector<std::int64_t> zeros(q.scales.size(), 0);
    const std::vector<std::int32_t> out_shape{1, out_h, out_w, o};
    m.add_tensor({"output_shape", {4}, INT32, m.add_buffer(out_shape), {}, {}, 0, {}});
    m.add_tensor({"weights", {o, k_h, k_w, c}, INT8, m.add_buffer(weights(r, static_cast<std::size_t>(o * k_h * k_w * c))), q.scales, zeros, 0, {}});
    m.add_tensor({"input", {1, in_h, in_w, c}, INT8, 0, {s_in}, {zero_point(r)}, 0, {}});
    m.add_tensor({"bias", {o}, INT32, m.add_buffer(bias(r, o)), bias_scales, zeros, 0, {}});
    m.add_tensor({"output", out_shape, INT8, 0, {q.output_scale}, {zero_point(r)}, 0, {}});
    m.inputs = {2};
    m.outputs = {4};
    op tc{m.code(TRANSPOSE_CONV), has_bias ? std::vector<std::int32_t>{0, 1, 2, 3} : std::vector<std::int32_t>{0, 1, 2}, {4},
          TransposeConvOptions, true, {}};
    tc.options.scalar<std::int8_t>(0, same ? SAME : VALID).scalar<std::int32_t>(1, s_w).scalar<std::int32_t>(2, s_h).scalar<std::int8_t>(3, act);
    m.ops.push_back(tc);
    d.text = "in " + std::to_string(in_h) + "x" + std::to_string(in_w) + " k " + std::to_string(k_h) + "x" + std::to_string(k_w) + " s " +
             std::to_string(s_h) + "," + std::to_string(s_w) + (same ? " SAME" : " VALID") + " out " + std::to_string(out_h) + "x" +
             std::to_string(out_w) + " c " + std::to_string(c) + " o " + std::to_string(o) + " act " + activation_text(act) +
             weights_text(q, has_bias ? std::vector<std::int32_t>{0, 1, 2} : std::vector<std::int32_t>{0, 1});
    return d;
}

// Batch dimensions of rank `rank` broadcastable against each other: each pair equal, or one of them 1.
inline void broadcast_batches(rng& r, int rank, std::vector<std::int32_t>& a, std::vector<std::int32_t>& b) {
    for (int i = 0; i < rank; ++i) {
        const int n = r.uniform(1, 3);
        const int form = r.uniform(0, 3);  // 0: both n; 1: a only; 2: b only; 3: both 1
        a.push_back(form == 0 || form == 1 ? n : 1);
        b.push_back(form == 0 || form == 2 ? n : 1);
    }
}

inline drawn_model batch_matmul(rng& r) {
    drawn_model d;
    model& m = d.m;
    const bool adj_x = r.chance(0.5), adj_y = r.chance(0.5);
    // 0: a constant rhs; 1: two model inputs; 2: the rhs is the input itself (adj_y) or a RESHAPE of it.
    const int form = r.uniform(0, 2);
    const float s_l = activation_scale(r);
    const std::int32_t zp_l = zero_point(r);
    std::vector<std::int32_t> lhs, rhs, out;
    int k = 0;
    float s_r = s_l;
    std::int32_t zp_r = zp_l;
    if (form != 2) {
        const int rows = r.uniform(1, 6), cols = r.chance(0.2) ? 1 : r.uniform(1, 6);
        k = r.chance(0.2) ? r.pick<int>({16, 32, 40}) : r.uniform(1, 10);
        const int lr = r.uniform(2, 4), rr = r.uniform(2, 4), br = std::max(lr, rr) - 2;
        std::vector<std::int32_t> lb, rb;
        broadcast_batches(r, br, lb, rb);
        // The operand of lower rank has fewer batch dimensions (TFLite extends it with leading 1s).
        for (int i = 0; i < br; ++i) {
            const bool in_l = i >= br - (lr - 2), in_r = i >= br - (rr - 2);
            if (in_l) lhs.push_back(lb[static_cast<std::size_t>(i)]);
            if (in_r) rhs.push_back(rb[static_cast<std::size_t>(i)]);
            out.push_back(std::max(in_l ? lb[static_cast<std::size_t>(i)] : 1, in_r ? rb[static_cast<std::size_t>(i)] : 1));
        }
        for (int v : adj_x ? std::vector<int>{k, rows} : std::vector<int>{rows, k}) lhs.push_back(v);
        for (int v : adj_y ? std::vector<int>{cols, k} : std::vector<int>{k, cols}) rhs.push_back(v);
        out.push_back(rows);
        out.push_back(cols);
        s_r = form == 0 ? r.log_uniform(-10, -3) : activation_scale(r);
        zp_r = form == 0 && r.chance(0.5) ? 0 : zero_point(r);
    } else {
        // The right operand has the input's quantization; its batch dimensions may broadcast.
        const int b = r.uniform(1, 3), rows = r.uniform(1, 6);
        k = r.uniform(1, 10);
        lhs = adj_x ? std::vector<std::int32_t>{b, k, rows} : std::vector<std::int32_t>{b, rows, k};
        if (r.chance(0.3)) lhs.erase(lhs.begin(), lhs.begin() + (b == 1 ? 1 : 0));
        const int elements = b * rows * k;
        const int rb = r.chance(0.5) ? b : 1;  // the right operand's batch
        const int cols = elements / (rb * k);
        rhs = adj_y ? std::vector<std::int32_t>{rb, cols, k} : std::vector<std::int32_t>{rb, k, cols};
        if (lhs.size() == 2 && rb == 1 && r.chance(0.5)) rhs.erase(rhs.begin());
        out = {b, rows, cols};
        if (lhs.size() == 2 && rhs.size() == 2) out.erase(out.begin());
    }
    const float s_out = static_cast<float>(static_cast<double>(s_l) * s_r * 128.0 * 128.0 * std::sqrt(static_cast<double>(k)) *
                                           r.log_uniform(-6, 1) / 127.0);
    const int x = m.add_tensor({"lhs", lhs, INT8, 0, {s_l}, {zp_l}, 0, {}});
    int y = 0;
    std::size_t rhs_count = 1;
    for (auto v : rhs) rhs_count *= static_cast<std::size_t>(v);
    if (form == 0) {
        std::vector<std::int8_t> values(rhs_count);
        for (auto& v : values) v = static_cast<std::int8_t>(r.uniform(-128, 127));
        y = m.add_tensor({"rhs", rhs, INT8, m.add_buffer(values), {s_r}, {zp_r}, 0, {}});
    } else if (form == 1) {
        y = m.add_tensor({"rhs", rhs, INT8, 0, {s_r}, {zp_r}, 0, {}});
    } else if (rhs == lhs) {
        y = x;
    } else {
        y = m.add_tensor({"rhs", rhs, INT8, 0, {s_l}, {zp_l}, 0, {}});
        const int shape = m.add_tensor({"rhs_shape", {static_cast<std::int32_t>(rhs.size())}, INT32, m.add_buffer(rhs), {}, {}, 0, {}});
        m.ops.push_back(op{m.code(RESHAPE), {x, shape}, {y}, 0, false, {}});
    }
    const int z = m.add_tensor({"output", out, INT8, 0, {s_out}, {zero_point(r)}, 0, {}});
    op mm{m.code(BATCH_MATMUL), {x, y}, {z}, BatchMatMulOptions, true, {}};
    mm.options.scalar<bool>(0, adj_x).scalar<bool>(1, adj_y);
    m.ops.push_back(mm);
    m.inputs = form == 1 ? std::vector<std::int32_t>{x, y} : std::vector<std::int32_t>{x};
    m.outputs = {z};
    const char* const source[] = {" constant", " input", y == x ? " = lhs" : " = reshape(lhs)"};
    d.text = "lhs " + dims_text(lhs) + (adj_x ? " adj_x" : "") + " rhs " + dims_text(rhs) + (adj_y ? " adj_y" : "") + source[form] + " out " + dims_text(out);
    return d;
}

}  // namespace sweep
