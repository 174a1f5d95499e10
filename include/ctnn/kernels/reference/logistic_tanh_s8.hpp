// Reference LOGISTIC and TANH int8 -> int8, TFLite Micro's reference_integer_ops kernels:
// the input, less its zero point, is rescaled to Q4.27 (4 integer bits), gemmlowp's fixed-point
// logistic or tanh gives a Q0.31 result, which is rounded to the output:
//   LOGISTIC out = clamp(RDBPOT(logistic, 23) - 128)   output scale 1/256, zero point -128
//   TANH     out = clamp(RDBPOT(tanh, 24))             output scale 1/128, zero point 0
// Inputs at or beyond the range radius (where the result saturates) skip the arithmetic and
// give -128 or 127. Prepare (both the same): s_in * 2^27 in double, split by frexp into a
// multiplier round(q * 2^31) and a left shift, and the radius floor(15 * 2^27 / 2^shift).
#pragma once

#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_functions.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

inline constexpr int sigmoid_input_integer_bits = 4;

struct sigmoid_params {
    std::int32_t input_zero_point = 0;
    std::int32_t input_range_radius = 0;
    std::int32_t input_multiplier = 0;
    int input_left_shift = 0;
};

constexpr double sigmoid_input_real(float input_scale) noexcept {
    return static_cast<double>(input_scale) * static_cast<double>(1 << (31 - sigmoid_input_integer_bits));
}
// The radius divides by 2^shift in 64 bits: a shift of 0 to 62, that is an input scale from
// 2^-28 up to (not including) 2^35. From a shift of 31 on (scales of 8 and more) the radius is
// 0: every input saturates before the multiply, which would shift past 31 bits.
constexpr bool sigmoid_input_scale_in_range(float input_scale) noexcept {
    const int shift = detail::constexpr_frexp(sigmoid_input_real(input_scale)).exponent;
    return shift >= 0 && shift <= 62;
}
// TFLite's fixed output quantization (TFLM checks the zero point of LOGISTIC only).
constexpr bool logistic_output_quantization_ok(float scale, std::int32_t zero_point) noexcept {
    return scale == 1.0f / 256.0f && zero_point == -128;
}
constexpr bool tanh_output_quantization_ok(float scale, std::int32_t zero_point) noexcept {
    return scale == 1.0f / 128.0f && zero_point == 0;
}

constexpr sigmoid_params make_sigmoid_params(float input_scale, std::int32_t input_zero_point) noexcept {
    if (!sigmoid_input_scale_in_range(input_scale)) return {input_zero_point, 0, 0, 0};
    const auto [q, shift] = detail::constexpr_frexp(sigmoid_input_real(input_scale));
    // q * 2^31 of a float scale's 24-bit mantissa never rounds up to 2^31.
    const auto multiplier = static_cast<std::int32_t>(detail::round_half_away(q * 2147483648.0));
    const double radius = double((1 << sigmoid_input_integer_bits) - 1) * double(std::int64_t{1} << (31 - sigmoid_input_integer_bits)) /
                          double(std::int64_t{1} << shift);
    return {input_zero_point, static_cast<std::int32_t>(radius), multiplier, shift};  // radius >= 0: truncation is floor
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

constexpr std::int8_t logistic_s8(const sigmoid_params& p, std::int8_t x) noexcept {
    const std::int32_t v = std::int32_t{x} - p.input_zero_point;
    if (v <= -p.input_range_radius) return -128;
    if (v >= p.input_range_radius) return 127;
    const std::int32_t in_q4 = multiply_by_quantized_multiplier(v, p.input_multiplier, p.input_left_shift);
    const std::int32_t out_q0 = fixed::logistic(in_q4, sigmoid_input_integer_bits);
    return saturate_to_int8(rounding_divide_by_pot(out_q0, 31 - 8) - 128);
}

constexpr std::int8_t tanh_s8(const sigmoid_params& p, std::int8_t x) noexcept {
    const std::int32_t v = std::int32_t{x} - p.input_zero_point;
    if (v <= -p.input_range_radius) return -128;
    if (v >= p.input_range_radius) return 127;
    const std::int32_t in_q4 = multiply_by_quantized_multiplier(v, p.input_multiplier, p.input_left_shift);
    const std::int32_t out_q0 = fixed::tanh(in_q4, sigmoid_input_integer_bits);
    return saturate_to_int8(rounding_divide_by_pot(out_q0, 31 - 7));
}

}  // namespace ctnn::kernels::reference
