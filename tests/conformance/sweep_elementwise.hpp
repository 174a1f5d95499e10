// Sweep generators of the element-wise (and row-wise) operators: ADD, SOFTMAX, QUANTIZE,
// DEQUANTIZE and HARD_SWISH. ADD is the one operator that needs a producer for its second
// operand with another scale: a 1x1 CONV_2D (fused into the ADD by ctnn) or DEPTHWISE_CONV_2D
// (not fused) feeds it, or both operands are the model input.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "sweep_random.hpp"
#include "sweep_weighted.hpp"

namespace sweep {

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

inline std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// TFLite's HardSwishPrepare accepts the scales when QuantizeMultiplier((s_in / 128) / s_out),
// the quotient in float, has an exponent <= 0. Written here from TFLite's rule, not taken from
// ctnn, so that the generator does not share a mistake with the library.
inline bool hard_swish_scales_ok(float s_in, float s_out) {
    const double real = static_cast<double>((1.0f / 128.0f) * s_in / s_out);
    int exponent = 0;
    const double fraction = std::frexp(real, &exponent);
    if (std::round(fraction * 2147483648.0) == 2147483648.0) ++exponent;
    return exponent <= 0;
}

// HARD_SWISH: the output scale mostly near the input's, as trained models have it, else far
// finer (down to TFLite's limit s_out > s_in / 128) or far coarser, past s_in / s_out < 2^-9,
// where TFLite's 16-bit rounding division by 2^16 or more gives +-1 instead of 0. Both scales
// stay in [2^-12, 2^2]. The options table is present in half the models, as TFLite writes it.
inline drawn_model hard_swish(rng& r) {
    drawn_model d;
    model& m = d.m;
    std::vector<std::int32_t> shape = random_dims(r, r.uniform(1, 4), 7);
    if (r.chance(0.2)) shape.back() = r.uniform(16, 70);  // long rows: the table kernel's groups of 4 and its tail
    const float s_in = activation_scale(r);
    int form = 0;
    float s_out = 0.0f;
    do {  // a form the input scale leaves no room for is drawn again
        form = r.uniform(0, 3);  // 0, 1: near; 2: finer; 3: coarser
        const double log_ratio = form <= 1 ? -2.0 + 3.0 * r.unit() : form == 2 ? -6.95 + 4.95 * r.unit() : 1.0 + 13.0 * r.unit();
        s_out = static_cast<float>(s_in * std::exp2(log_ratio));
    } while (s_out < 0x1.0p-12f || s_out > 4.0f || !hard_swish_scales_ok(s_in, s_out));
    const std::int32_t zp_in = zero_point(r), zp_out = zero_point(r);
    const bool options = r.chance(0.5);
    m.add_tensor({"input", shape, INT8, 0, {s_in}, {zp_in}, 0, {}});
    m.add_tensor({"output", shape, INT8, 0, {s_out}, {zp_out}, 0, {}});
    m.ops.push_back({m.code(HARD_SWISH), {0}, {1}, options ? HardSwishOptions : std::uint8_t{0}, options, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = "shape " + dims_text(shape) + " in scale " + number_text(s_in) + " zp " + std::to_string(zp_in) + " out scale " + number_text(s_out) +
             " zp " + std::to_string(zp_out) + " (s_in / s_out 2^" + number_text(std::log2(s_in / s_out)) + ")" + (options ? "" : " no options");
    return d;
}

// TFLite's HARD_SWISH at s_in / s_out < 2^-9 (output multiplier exponent -16 and below): every
// output is zp_out + 1 for an input at or above the input zero point, zp_out - 1 below it.
inline drawn_model hard_swish_pot16(rng& r) {
    drawn_model d;
    model& m = d.m;
    m.add_tensor({"input", {1, 256}, INT8, 0, {0x1.0p-8f}, {-3}, 0, {}});
    m.add_tensor({"output", {1, 256}, INT8, 0, {3.0f}, {10}, 0, {}});
    m.ops.push_back({m.code(HARD_SWISH), {0}, {1}, HardSwishOptions, true, {}});
    m.inputs = {0};
    m.outputs = {1};
    (void)r;
    d.text = "shape 1x256 in scale 2^-8 zp -3 out scale 3 zp 10 (s_in / s_out 2^-9.58: outputs zp_out +- 1)";
    return d;
}

}  // namespace sweep
