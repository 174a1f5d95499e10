// Reference element-wise binary operators, int8, with broadcasting: the readable oracles of
// SUB, MUL, SQUARED_DIFFERENCE, MAXIMUM, MINIMUM, PRELU and broadcasting ADD, on run-time
// parameters. Each operator is its parameters (TFLM's Prepare, micro/kernels/*_common.cc, in
// the float or double precision TFLM uses), one element function of two int8 values
// (`binary_element`, overloaded on the parameters' type) and the one broadcast walk
// (`broadcast_binary_s8`, every output index through each input's strides).
//
//   ADD  a' = MBQM((x1 - zp1) 2^20, m1), b' likewise; MBQM(a' + b', m_out) + zp_out, clamp
//   SUB  the same with a' - b' (its reals are computed in float, ADD's in double)
//   MUL  MBQM((x1 - zp1)(x2 - zp2), s1 s2 / s_out) + zp_out, clamp
//   SQUARED_DIFFERENCE  a', b' with left shift 7; d = a' - b'; MBQM(d * d, m_out) + zp_out
//   MAXIMUM / MINIMUM   the raw int8 values compared (TFLM ignores the quantization)
//   PRELU  x - zp >= 0: MBQM(x - zp, s_in / s_out); else MBQM((x - zp)(alpha - zp_a),
//          s_in s_a / s_out); + zp_out, clamp to int8
#pragma once

#include <cstdint>

#include "ctnn/core/broadcast.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn::kernels {

// SUB and SQUARED_DIFFERENCE: ADD's fields (both inputs rescaled, then the output multiplier).
struct sub_params {
    std::int32_t input1_zero_point = 0, input2_zero_point = 0, output_zero_point = 0;
    int left_shift = 20;
    quantized_multiplier input1, input2, output;
    std::int32_t act_min = -128, act_max = 127;
    friend constexpr bool operator==(const sub_params&, const sub_params&) = default;
};
struct squared_difference_params {
    std::int32_t input1_zero_point = 0, input2_zero_point = 0, output_zero_point = 0;
    int left_shift = 7;
    quantized_multiplier input1, input2, output;
    friend constexpr bool operator==(const squared_difference_params&, const squared_difference_params&) = default;
};
struct mul_params {
    std::int32_t input1_zero_point = 0, input2_zero_point = 0, output_zero_point = 0;
    quantized_multiplier output;
    std::int32_t act_min = -128, act_max = 127;
    friend constexpr bool operator==(const mul_params&, const mul_params&) = default;
};
struct prelu_params {
    std::int32_t input_zero_point = 0, alpha_zero_point = 0, output_zero_point = 0;
    quantized_multiplier identity, alpha;  // x >= zp: s_in / s_out; x < zp: s_in s_alpha / s_out
    friend constexpr bool operator==(const prelu_params&, const prelu_params&) = default;
};
struct maximum_params {
    friend constexpr bool operator==(const maximum_params&, const maximum_params&) = default;
};
struct minimum_params {
    friend constexpr bool operator==(const minimum_params&, const minimum_params&) = default;
};

// ---- Prepare: the reals (checked with multiplier_in_range by the layer and the converter) ----

// SUB (sub_common.cc): twice_max, the quotients and the output's denominator in float.
constexpr add_reals sub_multiplier_reals(float s1, float s2, float s_out, int left_shift = add_left_shift) noexcept {
    const float twice_max = 2.0f * (s1 > s2 ? s1 : s2);
    return {static_cast<double>(s1 / twice_max), static_cast<double>(s2 / twice_max),
            static_cast<double>(twice_max / (static_cast<float>(1 << left_shift) * s_out))};
}
// SQUARED_DIFFERENCE (squared_difference.cc): in double, the denominator 2^14 * s_out in float.
inline constexpr int squared_difference_left_shift = 7;
constexpr add_reals squared_difference_reals(float s1, float s2, float s_out) noexcept {
    const double twice_max = 2.0 * static_cast<double>(s1 > s2 ? s1 : s2);
    return {static_cast<double>(s1) / twice_max, static_cast<double>(s2) / twice_max,
            (twice_max * twice_max) / static_cast<double>(static_cast<float>(1 << (2 * squared_difference_left_shift)) * s_out)};
}
// MUL (mul_common.cc): s1 s2 / s_out, in double.
constexpr double mul_real(float s1, float s2, float s_out) noexcept {
    return static_cast<double>(s1) * static_cast<double>(s2) / static_cast<double>(s_out);
}
// PRELU (prelu_common.cc): both in double.
constexpr double prelu_identity_real(float s_in, float s_out) noexcept { return static_cast<double>(s_in) / static_cast<double>(s_out); }
constexpr double prelu_alpha_real(float s_in, float s_alpha, float s_out) noexcept {
    return static_cast<double>(s_in) * static_cast<double>(s_alpha) / static_cast<double>(s_out);
}

constexpr add_params make_add_params(float s1, std::int32_t zp1, float s2, std::int32_t zp2, float s_out, std::int32_t zp_out,
                                     activation_range act, int size = 0) noexcept {
    const add_reals r = add_multiplier_reals(s1, s2, s_out);
    add_params p;
    p.size = size;
    p.input1_zero_point = zp1;
    p.input2_zero_point = zp2;
    p.output_zero_point = zp_out;
    p.left_shift = add_left_shift;
    p.input1 = quantize_multiplier(r.input1);
    p.input2 = quantize_multiplier(r.input2);
    p.output = quantize_multiplier(r.output);
    p.act_min = act.min;
    p.act_max = act.max;
    return p;
}
constexpr sub_params make_sub_params(float s1, std::int32_t zp1, float s2, std::int32_t zp2, float s_out, std::int32_t zp_out,
                                     activation_range act) noexcept {
    const add_reals r = sub_multiplier_reals(s1, s2, s_out);
    return {zp1, zp2, zp_out, add_left_shift, quantize_multiplier(r.input1), quantize_multiplier(r.input2),
            quantize_multiplier(r.output), act.min, act.max};
}
constexpr squared_difference_params make_squared_difference_params(float s1, std::int32_t zp1, float s2, std::int32_t zp2,
                                                                   float s_out, std::int32_t zp_out) noexcept {
    const add_reals r = squared_difference_reals(s1, s2, s_out);
    return {zp1, zp2, zp_out, squared_difference_left_shift, quantize_multiplier(r.input1), quantize_multiplier(r.input2),
            quantize_multiplier(r.output)};
}
constexpr mul_params make_mul_params(float s1, std::int32_t zp1, float s2, std::int32_t zp2, float s_out, std::int32_t zp_out,
                                     activation_range act) noexcept {
    return {zp1, zp2, zp_out, quantize_multiplier(mul_real(s1, s2, s_out)), act.min, act.max};
}
constexpr prelu_params make_prelu_params(float s_in, std::int32_t zp_in, float s_alpha, std::int32_t zp_alpha, float s_out,
                                         std::int32_t zp_out) noexcept {
    return {zp_in, zp_alpha, zp_out, quantize_multiplier(prelu_identity_real(s_in, s_out)),
            quantize_multiplier(prelu_alpha_real(s_in, s_alpha, s_out))};
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

// ---- the element functions -------------------------------------------------------------

namespace detail {
constexpr std::int32_t rescaled(std::int8_t x, std::int32_t zero_point, int left_shift, const quantized_multiplier& q) noexcept {
    return multiply_by_quantized_multiplier((std::int32_t{x} - zero_point) * (1 << left_shift), q.multiplier, q.shift);
}
constexpr std::int8_t requantized(std::int32_t acc, const quantized_multiplier& q, std::int32_t zero_point, std::int32_t lo,
                                  std::int32_t hi) noexcept {
    return static_cast<std::int8_t>(clamp(multiply_by_quantized_multiplier(acc, q.multiplier, q.shift) + zero_point, lo, hi));
}
}  // namespace detail

constexpr std::int8_t binary_element(const add_params& p, std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t a = detail::rescaled(x, p.input1_zero_point, p.left_shift, p.input1);
    const std::int32_t b = detail::rescaled(y, p.input2_zero_point, p.left_shift, p.input2);
    return detail::requantized(a + b, p.output, p.output_zero_point, p.act_min, p.act_max);
}
constexpr std::int8_t binary_element(const sub_params& p, std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t a = detail::rescaled(x, p.input1_zero_point, p.left_shift, p.input1);
    const std::int32_t b = detail::rescaled(y, p.input2_zero_point, p.left_shift, p.input2);
    return detail::requantized(a - b, p.output, p.output_zero_point, p.act_min, p.act_max);
}
constexpr std::int8_t binary_element(const squared_difference_params& p, std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t a = detail::rescaled(x, p.input1_zero_point, p.left_shift, p.input1);
    const std::int32_t b = detail::rescaled(y, p.input2_zero_point, p.left_shift, p.input2);
    const std::int32_t d = a - b;  // |d| <= 255 * 2^7 / 2: d * d fits in int32
    return detail::requantized(d * d, p.output, p.output_zero_point, -128, 127);
}
constexpr std::int8_t binary_element(const mul_params& p, std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t product = (std::int32_t{x} - p.input1_zero_point) * (std::int32_t{y} - p.input2_zero_point);
    return detail::requantized(product, p.output, p.output_zero_point, p.act_min, p.act_max);
}
constexpr std::int8_t binary_element(const prelu_params& p, std::int8_t x, std::int8_t alpha) noexcept {
    const std::int32_t v = std::int32_t{x} - p.input_zero_point;
    if (v >= 0) return detail::requantized(v, p.identity, p.output_zero_point, -128, 127);
    return detail::requantized(v * (std::int32_t{alpha} - p.alpha_zero_point), p.alpha, p.output_zero_point, -128, 127);
}
constexpr std::int8_t binary_element(const maximum_params&, std::int8_t x, std::int8_t y) noexcept { return x > y ? x : y; }
constexpr std::int8_t binary_element(const minimum_params&, std::int8_t x, std::int8_t y) noexcept { return x < y ? x : y; }

// ---- the broadcast walk --------------------------------------------------------------------

// Every output element in order, each input read at its broadcast index (g.stride1/2). T: the
// element type (int8, or int16 for the parameters of kernels/reference/binary_s16.hpp).
template <class Params, class T>
void broadcast_binary_s8(const broadcast_geometry& g, const Params& p, const T* input1, const T* input2, T* output) {
    constexpr int n = max_broadcast_rank;
    int index[n] = {};
    for (int o = 0; o < g.size; ++o) {
        int i1 = 0, i2 = 0;
        for (int d = 0; d < n; ++d) {
            i1 += index[d] * g.stride1[static_cast<std::size_t>(d)];
            i2 += index[d] * g.stride2[static_cast<std::size_t>(d)];
        }
        output[o] = binary_element(p, input1[i1], input2[i2]);
        for (int d = n - 1; d >= 0; --d) {  // the next output index, last dimension fastest
            if (++index[d] < g.dims[static_cast<std::size_t>(d)]) break;
            index[d] = 0;
        }
    }
}

}  // namespace ctnn::kernels::reference
