// Sweep generators of the operators with weights or windows: CONV_2D, DEPTHWISE_CONV_2D,
// FULLY_CONNECTED (per-tensor and per-channel weight scales, bias or none, fused activations)
// and the pools, which share the window draw (odd and size-1 inputs, kernels, strides,
// dilations, SAME and VALID).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"

namespace sweep {

inline std::vector<std::int8_t> weights(rng& r, std::size_t n) {
    std::vector<std::int8_t> w(n);
    const double zeros = r.pick<double>({0.0, 0.1, 0.5});
    for (auto& v : w) v = r.chance(zeros) ? 0 : static_cast<std::int8_t>(r.uniform(-127, 127));
    return w;
}

// Per-channel (or one) weight scales, and the output scale that puts the effective multiplier
// s_in * s_w / s_out where trained models have it (mostly well below one), sometimes above one.
struct weight_quant {
    std::vector<float> scales;
    float output_scale;
};
inline weight_quant weight_scales(rng& r, int channels, float s_in, int fan_in) {
    weight_quant q;
    const bool per_channel = r.chance(0.7);
    const int n = per_channel ? channels : 1;
    float largest = 0;
    for (int i = 0; i < n; ++i) {
        q.scales.push_back(r.log_uniform(-10, -3));
        largest = std::max(largest, q.scales.back());
    }
    const double typical = static_cast<double>(s_in) * largest * 127.0 * std::sqrt(static_cast<double>(fan_in));
    q.output_scale = static_cast<float>(r.chance(0.1) ? typical / (127.0 * std::sqrt(fan_in)) * r.log_uniform(-3, 0)
                                                      : typical * r.log_uniform(-5, 1) / 16.0);
    return q;
}

inline std::vector<std::int32_t> bias(rng& r, int channels) {
    std::vector<std::int32_t> b(static_cast<std::size_t>(channels));
    const int bits = r.uniform(0, 16);
    for (auto& v : b) v = static_cast<std::int32_t>(r.uniform(-(1 << bits), 1 << bits));
    return b;
}

// Tensors 0-3 of a weighted operator (input, weights, bias, output) and the operator's inputs:
// the bias is left out now and then, as TFLite allows. quantized_dimension: 0 (OHWI, [O, I]) or
// 3 (depthwise 1HWO).
inline std::vector<std::int32_t> weighted_tensors(rng& r, model& m, const std::vector<std::int32_t>& in_shape, float s_in,
                                                  const std::vector<std::int32_t>& w_shape, int quantized_dimension, const weight_quant& q,
                                                  const std::vector<std::int32_t>& out_shape) {
    const int o = out_shape.back();
    std::size_t weight_count = 1;
    for (const auto d : w_shape) weight_count *= static_cast<std::size_t>(d);
    std::vector<float> bias_scales;
    for (float s : q.scales) bias_scales.push_back(s * s_in);
    const std::vector<std::int64_t> zeros(q.scales.size(), 0);
    m.add_tensor({"input", in_shape, INT8, 0, {s_in}, {zero_point(r)}, 0, {}});
    m.add_tensor({"weights", w_shape, INT8, m.add_buffer(weights(r, weight_count)), q.scales, zeros, quantized_dimension, {}});
    m.add_tensor({"bias", {o}, INT32, m.add_buffer(bias(r, o)), bias_scales, zeros, 0, {}});
    m.add_tensor({"output", out_shape, INT8, 0, {q.output_scale}, {zero_point(r)}, 0, {}});
    m.inputs = {0};
    m.outputs = {3};
    return r.chance(0.85) ? std::vector<std::int32_t>{0, 1, 2} : std::vector<std::int32_t>{0, 1};
}
inline std::string weights_text(const weight_quant& q, const std::vector<std::int32_t>& inputs) {
    return std::string(q.scales.size() > 1 ? " per-channel" : " per-tensor") + (inputs.size() == 3 ? "" : " no-bias");
}

// Output extent of a window op; 0 when VALID does not fit.
inline int window_out(int in, int kernel, int stride, int dilation, bool same) {
    const int extent = (kernel - 1) * dilation + 1;
    if (same) return (in + stride - 1) / stride;
    return in >= extent ? (in - extent) / stride + 1 : 0;
}

struct window {
    int in_h, in_w, k_h, k_w, s_h, s_w, d_h = 1, d_w = 1, out_h, out_w;
    bool same;
};
inline window draw_window(rng& r, int max_kernel, bool dilated) {
    for (;;) {
        window w{};
        w.in_h = r.chance(0.15) ? 1 : r.uniform(1, 9);
        w.in_w = r.chance(0.15) ? 1 : r.uniform(1, 9);
        w.k_h = r.chance(0.1) ? r.pick<int>({5, 7}) : r.uniform(1, max_kernel);
        w.k_w = r.chance(0.1) ? r.pick<int>({5, 7}) : r.uniform(1, max_kernel);
        w.s_h = r.uniform(1, 3);
        w.s_w = r.chance(0.7) ? w.s_h : r.uniform(1, 3);
        if (dilated && r.chance(0.35)) {
            w.d_h = r.uniform(1, 3);
            w.d_w = r.uniform(1, 3);
        }
        w.same = r.chance(0.5);
        w.out_h = window_out(w.in_h, w.k_h, w.s_h, w.d_h, w.same);
        w.out_w = window_out(w.in_w, w.k_w, w.s_w, w.d_w, w.same);
        if (w.out_h > 0 && w.out_w > 0) return w;
    }
}
inline std::string window_text(const window& w) {
    return "in " + std::to_string(w.in_h) + "x" + std::to_string(w.in_w) + " k " + std::to_string(w.k_h) + "x" + std::to_string(w.k_w) + " s " +
           std::to_string(w.s_h) + "," + std::to_string(w.s_w) + " d " + std::to_string(w.d_h) + "," + std::to_string(w.d_w) +
           (w.same ? " SAME" : " VALID") + " out " + std::to_string(w.out_h) + "x" + std::to_string(w.out_w);
}

inline drawn_model conv_2d(rng& r) {
    drawn_model d;
    model& m = d.m;
    const window w = draw_window(r, 4, true);
    // Wide layers now and then: the Arm and x86 kernels block channels by 2, 4 and 16.
    const int c = r.chance(0.3) ? r.pick<int>({3, 12, 16, 19, 32}) : r.uniform(1, 8);
    const int o = r.chance(0.3) ? r.uniform(9, 24) : r.uniform(1, 8);
    const float s_in = activation_scale(r);
    const weight_quant q = weight_scales(r, o, s_in, w.k_h * w.k_w * c);
    const std::int8_t act = fused_activation(r);
    const auto inputs = weighted_tensors(r, m, {1, w.in_h, w.in_w, c}, s_in, {o, w.k_h, w.k_w, c}, 0, q, {1, w.out_h, w.out_w, o});
    op conv{m.code(CONV_2D), inputs, {3}, Conv2DOptions, true, {}};
    conv.options.scalar<std::int8_t>(0, w.same ? SAME : VALID).scalar<std::int32_t>(1, w.s_w).scalar<std::int32_t>(2, w.s_h)
        .scalar<std::int8_t>(3, act).scalar<std::int32_t>(4, w.d_w).scalar<std::int32_t>(5, w.d_h);
    m.ops.push_back(conv);
    d.text = window_text(w) + " c " + std::to_string(c) + " o " + std::to_string(o) + " act " + activation_text(act) + weights_text(q, inputs);
    return d;
}

inline drawn_model depthwise_conv_2d(rng& r) {
    drawn_model d;
    model& m = d.m;
    const window w = draw_window(r, 4, true);
    const int mult = r.chance(0.6) ? 1 : r.uniform(2, 3);
    const int c = r.chance(0.3) && mult == 1 ? r.pick<int>({16, 32, 33, 48}) : r.uniform(1, 8), o = c * mult;
    const float s_in = activation_scale(r);
    const weight_quant q = weight_scales(r, o, s_in, w.k_h * w.k_w);
    const std::int8_t act = fused_activation(r);
    const auto inputs = weighted_tensors(r, m, {1, w.in_h, w.in_w, c}, s_in, {1, w.k_h, w.k_w, o}, 3, q, {1, w.out_h, w.out_w, o});
    op dw{m.code(DEPTHWISE_CONV_2D), inputs, {3}, DepthwiseConv2DOptions, true, {}};
    dw.options.scalar<std::int8_t>(0, w.same ? SAME : VALID).scalar<std::int32_t>(1, w.s_w).scalar<std::int32_t>(2, w.s_h)
        .scalar<std::int32_t>(3, mult).scalar<std::int8_t>(4, act).scalar<std::int32_t>(5, w.d_w).scalar<std::int32_t>(6, w.d_h);
    m.ops.push_back(dw);
    d.text = window_text(w) + " c " + std::to_string(c) + " multiplier " + std::to_string(mult) + " act " + activation_text(act) +
             weights_text(q, inputs);
    return d;
}

inline drawn_model fully_connected(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int form = r.uniform(0, 2);  // 0: [B, I]; 1: 1xHxWxC flattened; 2: [1, T, I] with keep_num_dims
    std::vector<std::int32_t> in_shape, out_shape;
    const int o = r.chance(0.1) ? 1 : r.uniform(1, 20);
    int ins = 0;
    if (form == 0) {
        const int b = r.chance(0.5) ? 1 : r.uniform(2, 4);
        ins = r.chance(0.3) ? r.pick<int>({64, 100, 128, 250}) : r.uniform(1, 40);
        in_shape = {b, ins};
        out_shape = {b, o};
    } else if (form == 1) {
        in_shape = {1, r.uniform(1, 4), r.uniform(1, 4), r.uniform(1, 6)};
        ins = in_shape[1] * in_shape[2] * in_shape[3];
        out_shape = {1, o};
    } else {
        const int t = r.uniform(1, 5);
        ins = r.uniform(1, 24);
        in_shape = {1, t, ins};
        out_shape = {1, t, o};
    }
    const float s_in = activation_scale(r);
    const weight_quant q = weight_scales(r, o, s_in, ins);
    const std::int8_t act = fused_activation(r);
    const auto inputs = weighted_tensors(r, m, in_shape, s_in, {o, ins}, 0, q, out_shape);
    op fc{m.code(FULLY_CONNECTED), inputs, {3}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, act);
    if (form == 2) fc.options.scalar<bool>(2, true);
    m.ops.push_back(fc);
    d.text = "in " + dims_text(in_shape) + " out " + dims_text(out_shape) + " act " + activation_text(act) + weights_text(q, inputs) +
             (form == 2 ? " keep_num_dims" : "");
    return d;
}

inline drawn_model pool_2d(rng& r, int builtin) {
    drawn_model d;
    model& m = d.m;
    window w = draw_window(r, 4, false);
    if (r.chance(0.2)) {  // global pooling, as classifier heads have it
        w.in_h = w.k_h = r.pick<int>({5, 7, 10});
        w.in_w = w.k_w = r.chance(0.7) ? w.in_h : r.uniform(2, 10);
        w.s_h = w.s_w = 1;
        w.same = false;
        w.out_h = w.out_w = 1;
    }
    const int c = r.chance(0.2) ? r.pick<int>({16, 32}) : r.uniform(1, 8);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const std::int8_t act = fused_activation(r);
    m.add_tensor({"input", {1, w.in_h, w.in_w, c}, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"output", {1, w.out_h, w.out_w, c}, INT8, 0, {s}, {zp}, 0, {}});
    op pool{m.code(builtin), {0}, {1}, Pool2DOptions, true, {}};
    pool.options.scalar<std::int8_t>(0, w.same ? SAME : VALID).scalar<std::int32_t>(1, w.s_w).scalar<std::int32_t>(2, w.s_h)
        .scalar<std::int32_t>(3, w.k_w).scalar<std::int32_t>(4, w.k_h).scalar<std::int8_t>(5, act);
    m.ops.push_back(pool);
    m.inputs = {0};
    m.outputs = {1};
    d.text = window_text(w) + " c " + std::to_string(c) + " act " + activation_text(act);
    return d;
}

}  // namespace sweep
