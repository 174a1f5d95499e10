// Reference RELU, RELU6 and LEAKY_RELU int8 -> int8, as TFLite Micro computes them:
//   RELU       out = clamp(zp_out + MBQM(x - zp_in, s_in / s_out), zp_out, 127)
//   RELU6      out = clamp(x, zp_in, six) with six = clamp(round(6 / s_in) + zp_in): TFLM clamps in
//              the input's quantization and leaves the output's unread (TFLite's own kernel
//              requantizes; the two agree when both tensors share one quantization)
//   LEAKY_RELU out = clamp(zp_out + MBQM(x - zp_in, x >= zp_in ? s_in / s_out : s_in * alpha / s_out))
// MBQM is MultiplyByQuantizedMultiplier (quant/fixed_point.hpp). Parameters as TFLM's Prepare
// derives them: RELU's and LEAKY_RELU's quotients in float, then widened.
#pragma once

#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn::kernels {

// RELU (and LEAKY_RELU's identity side): one requantization and a clamp.
struct requantize_clamp_params {
    std::int32_t input_zero_point = 0;
    std::int32_t output_zero_point = 0;
    quantized_multiplier multiplier{};
    std::int32_t low = -128;
    std::int32_t high = 127;
};

// TFLM's CalculateReluOpData takes s_in / s_out in float, then widens it (TFLM's outputs say so:
// s_in 0.0453130938, s_out 0.0288848411, both zp -128, maps -48 to -2; the quotient in double
// gives -3).
constexpr double relu_real(float input_scale, float output_scale) noexcept { return static_cast<double>(input_scale / output_scale); }
constexpr bool relu_scales_in_range(float input_scale, float output_scale) noexcept {
    return multiplier_in_range(relu_real(input_scale, output_scale));
}
// TFLM's CalculateReluOpData: the low clamp is zp_out + round(0 / s_out) = zp_out.
constexpr requantize_clamp_params make_relu_params(float input_scale, std::int32_t input_zero_point, float output_scale,
                                                   std::int32_t output_zero_point) noexcept {
    const double real = relu_real(input_scale, output_scale);
    requantize_clamp_params p;
    p.input_zero_point = input_zero_point;
    p.output_zero_point = output_zero_point;
    p.multiplier = multiplier_in_range(real) ? quantize_multiplier(real) : quantized_multiplier{};
    p.low = output_zero_point > -128 ? output_zero_point : -128;
    return p;
}

struct relu6_params {
    std::int32_t zero = 0;  // the input zero point
    std::int32_t six = 127;  // 6.0 on the input's scale, clamped to int8
};
// TFLM's FloatToQuantizedType<int8_t>(6.0f, s_in, zp_in): round(6 / s_in) in float, plus zp_in,
// clamped to int8. A quotient past int32 (s_in below about 3e-9) is clamped first.
constexpr relu6_params make_relu6_params(float input_scale, std::int32_t input_zero_point) noexcept {
    const float q = 6.0f / input_scale;
    const std::int32_t rounded = q >= 1.0e9f ? 1000000000 : detail::round_half_away(q);
    return {input_zero_point, clamp(rounded + input_zero_point, -128, 127)};
}

struct leaky_relu_params {
    std::int32_t input_zero_point = 0;
    std::int32_t output_zero_point = 0;
    quantized_multiplier identity{};
    quantized_multiplier alpha{};  // negative when alpha is
};

constexpr double leaky_relu_identity_real(float input_scale, float output_scale) noexcept {
    return static_cast<double>(input_scale / output_scale);
}
constexpr double leaky_relu_alpha_real(float input_scale, float alpha, float output_scale) noexcept {
    return static_cast<double>(input_scale * alpha / output_scale);
}
// Both multipliers (alpha's by magnitude) within ctnn's bound on every multiplier.
constexpr bool leaky_relu_scales_in_range(float input_scale, float alpha, float output_scale) noexcept {
    const double a = leaky_relu_alpha_real(input_scale, alpha, output_scale);
    return multiplier_in_range(leaky_relu_identity_real(input_scale, output_scale)) && multiplier_in_range(a < 0.0 ? -a : a);
}
// QuantizeMultiplier of a negative real: the multiplier carries the sign, the shift is |real|'s.
constexpr quantized_multiplier quantize_signed_multiplier(double real) noexcept {
    if (real >= 0.0) return quantize_multiplier(real);
    const quantized_multiplier m = quantize_multiplier(-real);
    return {-m.multiplier, m.shift};
}
constexpr leaky_relu_params make_leaky_relu_params(float input_scale, std::int32_t input_zero_point, float output_scale,
                                                   std::int32_t output_zero_point, float alpha) noexcept {
    leaky_relu_params p;
    p.input_zero_point = input_zero_point;
    p.output_zero_point = output_zero_point;
    if (!leaky_relu_scales_in_range(input_scale, alpha, output_scale)) return p;
    p.identity = quantize_multiplier(leaky_relu_identity_real(input_scale, output_scale));
    p.alpha = quantize_signed_multiplier(leaky_relu_alpha_real(input_scale, alpha, output_scale));
    return p;
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

constexpr std::int8_t relu_s8(const requantize_clamp_params& p, std::int8_t x) noexcept {
    const std::int32_t v = p.output_zero_point +
                           multiply_by_quantized_multiplier(std::int32_t{x} - p.input_zero_point, p.multiplier.multiplier, p.multiplier.shift);
    return static_cast<std::int8_t>(clamp(v, p.low, p.high));
}

constexpr std::int8_t relu6_s8(const relu6_params& p, std::int8_t x) noexcept {
    return static_cast<std::int8_t>(x > p.six ? p.six : (x < p.zero ? p.zero : x));
}

constexpr std::int8_t leaky_relu_s8(const leaky_relu_params& p, std::int8_t x) noexcept {
    const std::int32_t v = std::int32_t{x} - p.input_zero_point;
    const quantized_multiplier& m = v >= 0 ? p.identity : p.alpha;
    return saturate_to_int8(p.output_zero_point + multiply_by_quantized_multiplier(v, m.multiplier, m.shift));
}

}  // namespace ctnn::kernels::reference
