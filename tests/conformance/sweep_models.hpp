// Random single-operator models for the conformance sweep (tests/data/conformance/README.md).
//
// Each generator draws one model of its operator from a seeded random stream: shapes with
// size-1 and odd dimensions, strides, dilations, paddings, depth multipliers, activations,
// per-tensor and per-channel weight scales, activation scales from 2^-12 to 2^2 and zero points
// at the int8 extremes. Every draw is a model TFLite accepts and ctnn claims to support; the
// reference outputs come from TFLM (tools: ../shared/tools/tflm-ref, see regenerate.sh).
// ADD is the one operator that needs a producer for its second operand with another scale: a
// 1x1 CONV_2D (fused into the ADD by ctnn) or DEPTHWISE_CONV_2D (not fused) feeds it, or both
// operands are the model input.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "../converter/tflite_builder.hpp"

namespace sweep {

using namespace test_tflite;

// splitmix64: a seeded stream, identical on every platform.
class rng {
  public:
    explicit rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int uniform(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }  // [lo, hi]
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }                                        // [0, 1)
    bool chance(double p) { return unit() < p; }
    float log_uniform(double lo_exp, double hi_exp) { return static_cast<float>(std::exp2(lo_exp + (hi_exp - lo_exp) * unit())); }
    template <class T>
    T pick(std::initializer_list<T> values) {
        return *(values.begin() + uniform(0, static_cast<int>(values.size()) - 1));
    }

  private:
    std::uint64_t state_;
};

// A generated model and a one-line description of what was drawn (for cases.txt).
struct drawn_model {
    model m;
    std::string text;
    bool float_input = false;  // QUANTIZE: the input records are float32 values on the scale's grid
    float input_scale = 1.0f;
    int input_zero_point = 0;
};

inline std::int32_t zero_point(rng& r) {
    if (r.chance(0.2)) return -128;
    if (r.chance(0.15)) return 127;
    if (r.chance(0.1)) return 0;
    return r.uniform(-128, 127);
}
inline float activation_scale(rng& r) { return r.log_uniform(-12, 2); }

inline std::int8_t fused_activation(rng& r) {
    constexpr std::int8_t RELU_N1_TO_1 = 2;
    return r.pick<std::int8_t>({NONE, NONE, RELU, RELU6, RELU_N1_TO_1});
}
inline const char* activation_text(std::int8_t a) {
    switch (a) {
        case NONE: return "none";
        case RELU: return "relu";
        case 2: return "relu_n1_to_1";
        case RELU6: return "relu6";
        default: return "?";
    }
}

// A list as text: dims_text({1, 2}) = "1x2", with "," between: "1,2".
inline std::string join(const std::vector<std::int32_t>& d, const char* between) {
    std::string s;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0) s += between;
        s += std::to_string(d[i]);
    }
    return s;
}
inline std::string dims_text(const std::vector<std::int32_t>& d) { return d.empty() ? "scalar" : join(d, "x"); }

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

inline drawn_model add(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int form = r.uniform(0, 2);  // 0: x + x; 1: x + conv1x1(x) (fused); 2: x + depthwise1x1(x)
    const std::vector<std::int32_t> shape = form == 0 && r.chance(0.5) ? std::vector<std::int32_t>{r.uniform(1, 3), r.uniform(1, 40)}
                                                                       : std::vector<std::int32_t>{1, r.uniform(1, 6), r.uniform(1, 6),
                                                                                                   r.chance(0.3) ? r.pick<int>({16, 24, 40}) : r.uniform(1, 8)};
    const int c = shape.back();
    const float s_x = activation_scale(r);
    const float s_y = form == 0 ? s_x : s_x * r.log_uniform(-4, 4);
    const float s_out = std::max(s_x, s_y) * r.log_uniform(-2, 3);
    const std::int8_t act = fused_activation(r);
    const bool swap = r.chance(0.5);
    m.add_tensor({"x", shape, INT8, 0, {s_x}, {zero_point(r)}, 0, {}});  // 0
    int y = 0;
    std::string producer = "x + x";
    if (form != 0) {
        const bool depthwise = form == 2;
        std::vector<float> ws;
        for (int i = 0; i < c; ++i) ws.push_back(r.log_uniform(-9, -4));
        std::vector<float> bs;
        for (float s : ws) bs.push_back(s * s_x);
        const auto wshape = depthwise ? std::vector<std::int32_t>{1, 1, 1, c} : std::vector<std::int32_t>{c, 1, 1, c};
        m.add_tensor({"w", wshape, INT8, m.add_buffer(weights(r, static_cast<std::size_t>(depthwise ? c : c * c))), ws,
                      std::vector<std::int64_t>(ws.size(), 0), depthwise ? 3 : 0, {}});                                       // 1
        m.add_tensor({"b", {c}, INT32, m.add_buffer(bias(r, c)), bs, std::vector<std::int64_t>(bs.size(), 0), 0, {}});        // 2
        m.add_tensor({"y", shape, INT8, 0, {s_y}, {zero_point(r)}, 0, {}});                                                   // 3
        m.ops.push_back(conv_op(m.code(depthwise ? DEPTHWISE_CONV_2D : CONV_2D), {0, 1, 2}, 3, VALID, 1, NONE, depthwise));
        y = 3;
        producer = depthwise ? "x + depthwise1x1(x)" : "x + conv1x1(x)";
    }
    const int out = m.add_tensor({"sum", shape, INT8, 0, {s_out}, {zero_point(r)}, 0, {}});
    op a{m.code(ADD), swap ? std::vector<std::int32_t>{y, 0} : std::vector<std::int32_t>{0, y}, {out}, AddOptions, true, {}};
    a.options.scalar<std::int8_t>(0, act);
    m.ops.push_back(a);
    m.inputs = {0};
    m.outputs = {out};
    d.text = producer + (swap ? " (operands swapped)" : "") + " shape " + dims_text(shape) + " act " + activation_text(act);
    return d;
}

inline std::vector<std::int32_t> random_dims(rng& r, int rank, int max_dim) {
    std::vector<std::int32_t> s;
    for (int i = 0; i < rank; ++i) s.push_back(r.chance(0.2) ? 1 : r.uniform(1, max_dim));
    return s;
}

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

// A random shape of rank 1-4 with the given element count.
inline std::vector<std::int32_t> factor_shape(rng& r, int elements) {
    const int rank = r.uniform(1, 4);
    std::vector<std::int32_t> s(static_cast<std::size_t>(rank), 1);
    int left = elements;
    for (int i = 0; i < rank - 1; ++i) {
        std::vector<int> divisors;
        for (int k = 1; k <= left; ++k)
            if (left % k == 0) divisors.push_back(k);
        const int k = divisors[static_cast<std::size_t>(r.uniform(0, static_cast<int>(divisors.size()) - 1))];
        s[static_cast<std::size_t>(i)] = k;
        left /= k;
    }
    s.back() = left;
    return s;
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

inline drawn_model softmax(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int form = r.uniform(0, 2);
    const int n = r.chance(0.1) ? 1 : r.chance(0.1) ? r.pick<int>({256, 1001}) : r.uniform(2, 40);
    const std::vector<std::int32_t> shape = form == 0   ? std::vector<std::int32_t>{1, n}
                                            : form == 1 ? std::vector<std::int32_t>{r.uniform(2, 3), n}
                                                        : std::vector<std::int32_t>{1, r.uniform(1, 3), r.uniform(1, 3), n};
    const float beta = r.chance(0.5) ? 1.0f : static_cast<float>(r.log_uniform(-3, 1.5));
    const float s_in = r.log_uniform(-10, 0);
    m.add_tensor({"input", shape, INT8, 0, {s_in}, {zero_point(r)}, 0, {}});
    m.add_tensor({"output", shape, INT8, 0, {1.0f / 256.0f}, {-128}, 0, {}});
    op o{m.code(SOFTMAX), {0}, {1}, SoftmaxOptions, true, {}};
    o.options.scalar<float>(0, beta);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {1};
    d.text = "shape " + dims_text(shape) + " beta " + std::to_string(beta);
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

inline drawn_model quantize(rng& r) {
    drawn_model d;
    model& m = d.m;
    const auto shape = random_dims(r, r.uniform(1, 4), 6);
    d.input_scale = activation_scale(r);
    d.input_zero_point = zero_point(r);
    d.float_input = true;
    m.add_tensor({"input", shape, FLOAT32, 0, {}, {}, 0, {}});
    m.add_tensor({"output", shape, INT8, 0, {d.input_scale}, {d.input_zero_point}, 0, {}});
    m.ops.push_back({m.code(QUANTIZE), {0}, {1}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = "float32 " + dims_text(shape) + " -> int8";
    return d;
}

inline drawn_model dequantize(rng& r) {
    drawn_model d;
    model& m = d.m;
    const auto shape = random_dims(r, r.uniform(1, 4), 6);
    m.add_tensor({"input", shape, INT8, 0, {activation_scale(r)}, {zero_point(r)}, 0, {}});
    m.add_tensor({"output", shape, FLOAT32, 0, {}, {}, 0, {}});
    m.ops.push_back({m.code(DEQUANTIZE), {0}, {1}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = "int8 " + dims_text(shape) + " -> float32";
    return d;
}

// Fixed models added to an operator's random ones, each for a discrepancy found once.
struct regression {
    const char* op;
    const char* stem;
    drawn_model (*draw)(rng&);
    int records;
};
inline constexpr regression regressions[] = {
    {"mean", "r_issue17", mean_equal_quantization, 8},
};

// The operators of the sweep, by the directory name of their test data.
struct generator {
    const char* name;
    drawn_model (*draw)(rng&);
};
inline constexpr generator generators[] = {
    {"conv_2d", conv_2d},
    {"depthwise_conv_2d", depthwise_conv_2d},
    {"fully_connected", fully_connected},
    {"average_pool_2d", [](rng& r) { return pool_2d(r, AVERAGE_POOL_2D); }},
    {"max_pool_2d", [](rng& r) { return pool_2d(r, MAX_POOL_2D); }},
    {"add", add},
    {"pad", pad},
    {"reshape", reshape},
    {"softmax", softmax},
    {"mean", mean},
    {"quantize", quantize},
    {"dequantize", dequantize},
};

}  // namespace sweep
