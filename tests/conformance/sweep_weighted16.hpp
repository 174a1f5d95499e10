// Sweep generators of the 16x8 weighted operators (TFLite's int16-activation mode): CONV_2D,
// DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV with int16 input and output (zero point
// 0), int8 weights per channel or per tensor, and the bias TFLite's int16 kernels take: int64,
// int32 (CONV_2D, FULLY_CONNECTED: an int32 accumulator) or none (an int64 accumulator). Shapes, windows and scales as
// in sweep_weighted.hpp; int32-accumulator models have their weights halved until TFLite's int32
// sum cannot overflow (ctnn refuses the others, see layers/accumulator_bound.hpp).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "sweep_matmul.hpp"
#include "sweep_random.hpp"
#include "sweep_weighted.hpp"

namespace sweep {


// The bias of a 16x8 operator: int64 (most), int32 or none (int32_allowed: CONV_2D, FC).
struct bias_16x8 {
    enum kind_t { int64, int32, none } kind = int64;
    std::vector<std::int64_t> values;
};
inline bias_16x8 draw_bias_16x8(rng& r, int channels, bool int32_allowed) {
    bias_16x8 b;
    const double u = r.unit();
    b.kind = u < 0.6 ? bias_16x8::int64 : (u < 0.85 && int32_allowed ? bias_16x8::int32 : bias_16x8::none);
    const int bits = b.kind == bias_16x8::int64 ? r.uniform(0, 36) : r.uniform(0, 24);
    for (int c = 0; c < channels; ++c) {
        const double v = (r.unit() * 2.0 - 1.0) * static_cast<double>(std::int64_t{1} << bits);
        b.values.push_back(b.kind == bias_16x8::none ? 0 : static_cast<std::int64_t>(v));
    }
    return b;
}
inline const char* bias_text(const bias_16x8& b) {
    return b.kind == bias_16x8::int64 ? " int64-bias" : (b.kind == bias_16x8::int32 ? " int32-bias" : " no-bias");
}

// Halves every weight until 2^15 * sum |w| + |bias| fits in int32 for each channel (weight k
// of channel c at c * channel_step + k * tap_step): TFLite's int32 accumulator then cannot wrap.
inline void fit_int32_accumulator(std::vector<std::int8_t>& w, const std::vector<std::int64_t>& bias, int depth, int channel_step, int tap_step) {
    for (;;) {
        bool fits = true;
        for (std::size_t c = 0; c < bias.size(); ++c) {
            std::int64_t magnitude = 0;
            for (int k = 0; k < depth; ++k) magnitude += std::abs(int{w[c * static_cast<std::size_t>(channel_step) + static_cast<std::size_t>(k * tap_step)]});
            if (32768 * magnitude + std::abs(bias[c]) > 2147483647) fits = false;
        }
        if (fits) return;
        for (auto& v : w) v = static_cast<std::int8_t>(v / 2);
    }
}

// Tensors of a 16x8 weighted operator: input, weights, bias (if any), output; returns the bias's
// tensor index, or -1.
inline int add_bias_tensor(model& m, const bias_16x8& b, const std::vector<float>& scales, float s_in) {
    if (b.kind == bias_16x8::none) return -1;
    std::vector<float> bias_scales;
    for (float s : scales) bias_scales.push_back(s * s_in);
    const std::vector<std::int64_t> zeros(scales.size(), 0);
    const auto n = static_cast<std::int32_t>(b.values.size());
    if (b.kind == bias_16x8::int64) return m.add_tensor({"bias", {n}, INT64_TENSOR, m.add_buffer(b.values), bias_scales, zeros, 0, {}});
    std::vector<std::int32_t> narrow(b.values.begin(), b.values.end());
    return m.add_tensor({"bias", {n}, INT32, m.add_buffer(narrow), bias_scales, zeros, 0, {}});
}

inline drawn_model conv_2d_16x8(rng& r, bool depthwise) {
    drawn_model d;
    d.int16_input = true;
    model& m = d.m;
    const window w = draw_window(r, 4, true);
    const int mult = depthwise && r.chance(0.4) ? r.uniform(2, 3) : 1;
    const int c = r.chance(0.3) ? r.pick<int>({3, 12, 16, 19, 32}) : r.uniform(1, 8);
    const int o = depthwise ? c * mult : (r.chance(0.3) ? r.uniform(9, 24) : r.uniform(1, 8));
    const float s_in = activation_scale(r);
    const int depth = depthwise ? w.k_h * w.k_w : w.k_h * w.k_w * c;
    const weight_quant q = weight_scales(r, o, s_in, depth);
    const std::int8_t act = fused_activation(r);
    std::vector<std::int8_t> wt = weights(r, static_cast<std::size_t>(o * w.k_h * w.k_w * (depthwise ? 1 : c)));
    const bias_16x8 b = draw_bias_16x8(r, o, !depthwise);
    if (b.kind == bias_16x8::int32) fit_int32_accumulator(wt, b.values, depth, depthwise ? 1 : depth, depthwise ? o : 1);
    const std::vector<std::int64_t> zeros(q.scales.size(), 0);
    const std::vector<std::int32_t> w_shape = depthwise ? std::vector<std::int32_t>{1, w.k_h, w.k_w, o} : std::vector<std::int32_t>{o, w.k_h, w.k_w, c};
    m.add_tensor({"input", {1, w.in_h, w.in_w, c}, INT16, 0, {s_in}, {0}, 0, {}});
    m.add_tensor({"weights", w_shape, INT8, m.add_buffer(wt), q.scales, zeros, depthwise ? 3 : 0, {}});
    const int bias = add_bias_tensor(m, b, q.scales, s_in);
    const int out = m.add_tensor({"output", {1, w.out_h, w.out_w, o}, INT16, 0, {q.output_scale}, {0}, 0, {}});
    m.inputs = {0};
    m.outputs = {out};
    std::vector<std::int32_t> inputs{0, 1};
    if (bias >= 0) inputs.push_back(bias);
    if (depthwise) {
        op dw{m.code(DEPTHWISE_CONV_2D), inputs, {out}, DepthwiseConv2DOptions, true, {}};
        dw.options.scalar<std::int8_t>(0, w.same ? SAME : VALID).scalar<std::int32_t>(1, w.s_w).scalar<std::int32_t>(2, w.s_h)
            .scalar<std::int32_t>(3, mult).scalar<std::int8_t>(4, act).scalar<std::int32_t>(5, w.d_w).scalar<std::int32_t>(6, w.d_h);
        m.ops.push_back(dw);
    } else {
        op conv{m.code(CONV_2D), inputs, {out}, Conv2DOptions, true, {}};
        conv.options.scalar<std::int8_t>(0, w.same ? SAME : VALID).scalar<std::int32_t>(1, w.s_w).scalar<std::int32_t>(2, w.s_h)
            .scalar<std::int8_t>(3, act).scalar<std::int32_t>(4, w.d_w).scalar<std::int32_t>(5, w.d_h);
        m.ops.push_back(conv);
    }
    d.text = window_text(w) + " c " + std::to_string(c) + " o " + std::to_string(o) + (depthwise ? " multiplier " + std::to_string(mult) : std::string()) +
             " act " + activation_text(act) + (q.scales.size() > 1 ? " per-channel" : " per-tensor") + bias_text(b);
    return d;
}

inline drawn_model fully_connected_16x8(rng& r) {
    drawn_model d;
    d.int16_input = true;
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
        const int h = r.uniform(1, 4), w = r.uniform(1, 4), c = r.uniform(1, 6);
        in_shape = {1, h, w, c};
        ins = h * w * c;
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
    std::vector<std::int8_t> wt = weights(r, static_cast<std::size_t>(o * ins));
    const bias_16x8 b = draw_bias_16x8(r, o, true);
    if (b.kind == bias_16x8::int32) fit_int32_accumulator(wt, b.values, ins, ins, 1);
    const std::vector<std::int64_t> zeros(q.scales.size(), 0);
    m.add_tensor({"input", in_shape, INT16, 0, {s_in}, {0}, 0, {}});
    m.add_tensor({"weights", {o, ins}, INT8, m.add_buffer(wt), q.scales, zeros, 0, {}});
    const int bias = add_bias_tensor(m, b, q.scales, s_in);
    const int out = m.add_tensor({"output", out_shape, INT16, 0, {q.output_scale}, {0}, 0, {}});
    m.inputs = {0};
    m.outputs = {out};
    std::vector<std::int32_t> inputs{0, 1};
    if (bias >= 0) inputs.push_back(bias);
    op fc{m.code(FULLY_CONNECTED), inputs, {out}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, act);
    if (form == 2) fc.options.scalar<bool>(2, true);
    m.ops.push_back(fc);
    d.text = "in " + dims_text(in_shape) + " out " + dims_text(out_shape) + " act " + activation_text(act) +
             (q.scales.size() > 1 ? " per-channel" : " per-tensor") + bias_text(b) + (form == 2 ? " keep_num_dims" : "");
    return d;
}

inline drawn_model transpose_conv_16x8(rng& r) {
    drawn_model d;
    d.int16_input = true;
    model& m = d.m;
    const int in_h = r.chance(0.15) ? 1 : r.uniform(1, 6), in_w = r.chance(0.15) ? 1 : r.uniform(1, 6);
    const int k_h = r.uniform(1, 4), k_w = r.chance(0.7) ? k_h : r.uniform(1, 4);
    const int s_h = r.uniform(1, 3), s_w = r.chance(0.7) ? s_h : r.uniform(1, 3);
    const bool same = r.chance(0.5);
    int out_h = same ? in_h * s_h : (in_h - 1) * s_h + k_h;
    int out_w = same ? in_w * s_w : (in_w - 1) * s_w + k_w;
    if (r.chance(0.2)) {
        out_h = r.uniform(1, in_h * s_h + k_h);
        out_w = r.uniform(1, in_w * s_w + k_w);
    }
    const int c = r.chance(0.3) ? r.pick<int>({12, 16, 19}) : r.uniform(1, 8);
    const int o = r.chance(0.3) ? r.uniform(9, 20) : r.uniform(1, 8);
    const float s_in = activation_scale(r);
    const int taps = ((k_h + s_h - 1) / s_h) * ((k_w + s_w - 1) / s_w) * c;
    const weight_quant q = weight_scales(r, o, s_in, taps);
    const std::int8_t act = fused_activation(r);
    const std::vector<std::int8_t> wt = weights(r, static_cast<std::size_t>(o * k_h * k_w * c));
    const bias_16x8 b = draw_bias_16x8(r, o, false);
    const std::vector<std::int64_t> zeros(q.scales.size(), 0);
    const std::vector<std::int32_t> out_shape{1, out_h, out_w, o};
    m.add_tensor({"output_shape", {4}, INT32, m.add_buffer(out_shape), {}, {}, 0, {}});
    m.add_tensor({"weights", {o, k_h, k_w, c}, INT8, m.add_buffer(wt), q.scales, zeros, 0, {}});
    m.add_tensor({"input", {1, in_h, in_w, c}, INT16, 0, {s_in}, {0}, 0, {}});
    const int bias = add_bias_tensor(m, b, q.scales, s_in);
    const int out = m.add_tensor({"output", out_shape, INT16, 0, {q.output_scale}, {0}, 0, {}});
    m.inputs = {2};
    m.outputs = {out};
    std::vector<std::int32_t> inputs{0, 1, 2};
    if (bias >= 0) inputs.push_back(bias);
    op tc{m.code(TRANSPOSE_CONV), inputs, {out}, TransposeConvOptions, true, {}};
    tc.options.scalar<std::int8_t>(0, same ? SAME : VALID).scalar<std::int32_t>(1, s_w).scalar<std::int32_t>(2, s_h).scalar<std::int8_t>(3, act);
    m.ops.push_back(tc);
    d.text = "in " + std::to_string(in_h) + "x" + std::to_string(in_w) + " k " + std::to_string(k_h) + "x" + std::to_string(k_w) + " s " +
             std::to_string(s_h) + "," + std::to_string(s_w) + (same ? " SAME" : " VALID") + " out " + std::to_string(out_h) + "x" +
             std::to_string(out_w) + " c " + std::to_string(c) + " o " + std::to_string(o) + " act " + activation_text(act) +
             (q.scales.size() > 1 ? " per-channel" : " per-tensor") + bias_text(b);
    return d;
}

// Fixed models whose products can leave int32 (2^15 * sum |w| > 2^31): the kernels' int64
// partial sums (SMLALD on the Arm DSP set), which random draws reach rarely.
inline std::vector<std::int8_t> large_weights(rng& r, std::size_t n) {
    std::vector<std::int8_t> w(n);
    for (auto& v : w) {
        const int magnitude = r.uniform(120, 127);
        v = static_cast<std::int8_t>(r.chance(0.5) ? -magnitude : magnitude);
    }
    return w;
}
inline drawn_model fully_connected_16x8_wide_sums(rng& r) {
    drawn_model d;
    d.int16_input = true;
    model& m = d.m;
    constexpr int ins = 640, o = 4;
    const std::vector<float> scales{0.004f, 0.003f, 0.002f, 0.005f};
    const std::vector<std::int64_t> zeros(4, 0);
    const std::vector<std::int8_t> wt = large_weights(r, ins * o);
    const bias_16x8 b{bias_16x8::int64, {123456789012LL, -98765432101LL, 5, -7}};
    m.add_tensor({"input", {2, ins}, INT16, 0, {0.0005f}, {0}, 0, {}});
    m.add_tensor({"weights", {o, ins}, INT8, m.add_buffer(wt), scales, zeros, 0, {}});
    const int bias = add_bias_tensor(m, b, scales, 0.0005f);
    const int out = m.add_tensor({"output", {2, o}, INT16, 0, {0.9f}, {0}, 0, {}});
    m.inputs = {0};
    m.outputs = {out};
    op fc{m.code(FULLY_CONNECTED), {0, 1, bias}, {out}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, NONE);
    m.ops.push_back(fc);
    d.text = "in 2x640 out 2x4 per-channel int64-bias, |w| 120-127: int64 partial sums";
    return d;
}
inline drawn_model conv_2d_16x8_wide_sums(rng& r) {
    drawn_model d;
    d.int16_input = true;
    model& m = d.m;
    constexpr int c = 64, o = 3;
    const std::vector<float> scales{0.004f, 0.003f, 0.002f};
    const std::vector<std::int64_t> zeros(3, 0);
    const std::vector<std::int8_t> wt = large_weights(r, 9 * c * o);
    m.add_tensor({"input", {1, 3, 3, c}, INT16, 0, {0.0005f}, {0}, 0, {}});
    m.add_tensor({"weights", {o, 3, 3, c}, INT8, m.add_buffer(wt), scales, zeros, 0, {}});
    const int out = m.add_tensor({"output", {1, 3, 3, o}, INT16, 0, {0.6f}, {0}, 0, {}});
    m.inputs = {0};
    m.outputs = {out};
    op conv{m.code(CONV_2D), {0, 1}, {out}, Conv2DOptions, true, {}};
    conv.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1).scalar<std::int8_t>(3, RELU)
        .scalar<std::int32_t>(4, 1).scalar<std::int32_t>(5, 1);
    m.ops.push_back(conv);
    d.text = "in 3x3 k 3x3 SAME c 64 o 3 relu per-channel no-bias, |w| 120-127: int64 partial sums";
    return d;
}

}  // namespace sweep
