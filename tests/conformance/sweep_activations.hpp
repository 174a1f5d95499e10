// Sweep generators of the int8 activations and unary math operators: RELU, RELU6, LEAKY_RELU,
// ELU, LOGISTIC, TANH, ABS, RSQRT (functions of one value) and the row-wise LOG_SOFTMAX and
// L2_NORMALIZATION. Scales are drawn inside the rules TFLite's Prepare states, written here
// from TFLite's kernels and not taken from ctnn, so that the generator does not share a
// mistake with the library.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_elementwise.hpp"
#include "sweep_random.hpp"

namespace sweep {

// schema.fbs: BuiltinOperator and BuiltinOptions values of these operators.
constexpr int L2_NORMALIZATION = 11, LOGISTIC = 14, RELU_OP = 19, RELU6_OP = 21, TANH_OP = 28, LOG_SOFTMAX = 50, RSQRT = 76,
              LEAKY_RELU = 98, ABS = 101, ELU = 111;
constexpr std::uint8_t L2NormOptions = 12, LogSoftmaxOptions = 36, LeakyReluOptions = 75, AbsOptions = 78;

// A shape of rank 1-4, sometimes with a long last dimension (the table kernel's groups of 4
// and its tail; a long row for the row-wise operators).
inline std::vector<std::int32_t> unary_shape(rng& r) {
    std::vector<std::int32_t> shape = random_dims(r, r.uniform(1, 4), 7);
    if (r.chance(0.2)) shape.back() = r.uniform(16, 70);
    return shape;
}

struct unary_draw {
    int code;
    std::vector<std::int32_t> shape;
    float s_in;
    std::int32_t zp_in;
    float s_out;
    std::int32_t zp_out;
    std::uint8_t options_type = 0;
    bool has_options = false;
    test_fb::table options{};
};

inline drawn_model unary_model(const unary_draw& u, std::string text) {
    drawn_model d;
    model& m = d.m;
    m.add_tensor({"input", u.shape, INT8, 0, {u.s_in}, {u.zp_in}, 0, {}});
    m.add_tensor({"output", u.shape, INT8, 0, {u.s_out}, {u.zp_out}, 0, {}});
    m.ops.push_back({m.code(u.code), {0}, {1}, u.options_type, u.has_options, u.options});
    m.inputs = {0};
    m.outputs = {1};
    d.text = "shape " + dims_text(u.shape) + " in scale " + number_text(u.s_in) + " zp " + std::to_string(u.zp_in) + " out scale " +
             number_text(u.s_out) + " zp " + std::to_string(u.zp_out) + (text.empty() ? "" : " " + text);
    return d;
}

// An output scale s_in * 2^[lo, hi], kept in [2^-12, 2^2].
inline float scale_near(rng& r, float s_in, double lo, double hi) {
    float s = 0.0f;
    do s = static_cast<float>(s_in * std::exp2(lo + (hi - lo) * r.unit()));
    while (s < 0x1.0p-12f || s > 4.0f);
    return s;
}

// RELU: any two quantizations (TFLite requantizes, then clamps at the output zero point).
inline drawn_model relu(rng& r) {
    const float s_in = activation_scale(r);
    const bool same = r.chance(0.3);
    unary_draw u{RELU_OP, unary_shape(r), s_in, zero_point(r), same ? s_in : scale_near(r, s_in, -4, 4), zero_point(r)};
    return unary_model(u, same ? "(equal scales)" : "");
}

// RELU6: TFLM clamps in the input's quantization and leaves the output's unread; half the
// models share one quantization, as TFLite's converter writes them.
inline drawn_model relu6(rng& r) {
    const float s_in = r.chance(0.3) ? r.log_uniform(-12, -4) : r.log_uniform(-6, 0);
    const std::int32_t zp_in = zero_point(r);
    const bool same = r.chance(0.5);
    unary_draw u{RELU6_OP, unary_shape(r), s_in, zp_in, same ? s_in : scale_near(r, s_in, -2, 2), same ? zp_in : zero_point(r)};
    return unary_model(u, same ? "(same quantization)" : "");
}

inline drawn_model leaky_relu(rng& r) {
    const float s_in = activation_scale(r);
    const float alpha = r.chance(0.6) ? r.pick<float>({0.2f, 0.01f, 0.1f, 0.3f}) : r.chance(0.5) ? static_cast<float>(r.unit() * 2.0)
                                                                                               : r.pick<float>({0.0f, -0.5f, 1.0f});
    unary_draw u{LEAKY_RELU, unary_shape(r), s_in, zero_point(r), scale_near(r, s_in, -3, 3), zero_point(r), LeakyReluOptions, true};
    u.options.scalar<float>(0, alpha);
    return unary_model(u, "alpha " + number_text(alpha));
}

inline drawn_model elu(rng& r) {
    const float s_in = activation_scale(r);
    unary_draw u{ELU, unary_shape(r), s_in, zero_point(r), scale_near(r, s_in, -4, 4), zero_point(r)};
    return unary_model(u, "");
}

// LOGISTIC and TANH: TFLite's fixed output quantization; any input scale of the sweep.
inline drawn_model logistic(rng& r) {
    unary_draw u{LOGISTIC, unary_shape(r), activation_scale(r), zero_point(r), 1.0f / 256.0f, -128};
    return unary_model(u, "");
}
inline drawn_model tanh_op(rng& r) {  // not `tanh`: std::tanh's name
    unary_draw u{TANH_OP, unary_shape(r), activation_scale(r), zero_point(r), 1.0f / 128.0f, 0};
    return unary_model(u, "");
}

// ABS: equal scales (no requantization in TFLM) in a third of the models.
inline drawn_model abs_op(rng& r) {  // not `abs`: std::abs's name
    const float s_in = activation_scale(r);
    const bool same = r.chance(0.33);
    const bool options = r.chance(0.5);
    unary_draw u{ABS, unary_shape(r), s_in, zero_point(r), same ? s_in : scale_near(r, s_in, -4, 4), zero_point(r),
                 options ? AbsOptions : std::uint8_t{0}, options};
    return unary_model(u, same ? "(equal scales)" : "");
}

// RSQRT: defined for inputs at or above the input zero point only (TFLM stops with an error
// below it), so the input zero point is -128; the output scale puts 1 / sqrt(s_in) near 127.
inline drawn_model rsqrt(rng& r) {
    const float s_in = activation_scale(r);
    const float s_out = static_cast<float>(1.0 / std::sqrt(static_cast<double>(s_in)) / 127.0 * std::exp2(-3.0 + 5.0 * r.unit()));
    unary_draw u{RSQRT, unary_shape(r), s_in, -128, s_out, zero_point(r)};
    return unary_model(u, "");
}

inline drawn_model log_softmax(rng& r) {
    const int n = r.chance(0.1) ? 1 : r.chance(0.1) ? r.pick<int>({256, 1001}) : r.uniform(2, 40);
    const int form = r.uniform(0, 2);
    const std::vector<std::int32_t> shape = form == 0   ? std::vector<std::int32_t>{1, n}
                                            : form == 1 ? std::vector<std::int32_t>{r.uniform(2, 3), n}
                                                        : std::vector<std::int32_t>{1, r.uniform(1, 3), r.uniform(1, 3), n};
    const bool options = r.chance(0.5);
    unary_draw u{LOG_SOFTMAX, shape, r.log_uniform(-10, 0), zero_point(r), 16.0f / 256.0f, 127, options ? LogSoftmaxOptions : std::uint8_t{0},
                 options};
    return unary_model(u, options ? "" : "no options");
}

inline drawn_model l2_normalization(rng& r) {
    const bool options = r.chance(0.5);
    unary_draw u{L2_NORMALIZATION, unary_shape(r), activation_scale(r), zero_point(r), 1.0f / 128.0f, 0,
                 options ? L2NormOptions : std::uint8_t{0}, options};
    if (options) u.options.scalar<std::int8_t>(0, NONE);
    return unary_model(u, options ? "" : "no options");
}

}  // namespace sweep

namespace sweep {

// TANH and LOGISTIC at the ends of the input scales TFLite's arithmetic defines: a scale of 32
// (frexp exponent 32, radius 0: the zero point gives -128, every other input saturates), of 4
// (radius 1: only the zero point is computed), and 3.8e-9 (just above 2^-28: a left shift of 0).
inline drawn_model tanh_radius0(rng&) { return unary_model({TANH_OP, {1, 256}, 32.0f, 3, 1.0f / 128.0f, 0}, "(radius 0)"); }
inline drawn_model tanh_radius1(rng&) { return unary_model({TANH_OP, {1, 256}, 4.0f, -7, 1.0f / 128.0f, 0}, "(radius 1)"); }
inline drawn_model logistic_shift0(rng&) { return unary_model({LOGISTIC, {1, 256}, 3.8e-9f, 3, 1.0f / 256.0f, -128}, "(left shift 0)"); }

}  // namespace sweep
