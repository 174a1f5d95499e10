// Reference element-wise binary operators, int16 (TFLite's 16x8 mode: symmetric, zero points 0),
// with broadcasting: ADD, SUB and MUL on run-time parameters, walked by the int8 operators'
// reference::broadcast_binary_s8 (kernels/reference/binary_s8.hpp), which takes any element type.
//
//   ADD  a' = MBQM(x1 2^15, m1), b' = MBQM(x2 2^15, m2); MBQM(a' + b', m_out), clamp to the
//        activation range in int16. TFLM's general int16 path (add.cc passes pot_scale = false:
//        it never takes the power-of-two path TFLite's own interpreter has). Reals in double.
//   SUB  the same with a' - b'; its reals in float, as for int8 (sub_common.cc).
//   MUL  MBQM(x1 x2, s1 s2 / s_out) (in double), clamp: the int8 arithmetic with zero points 0.
// Every multiplier is TFLM's QuantizeMultiplierSmallerThanOneExp (ADD, SUB): real in (0, 1),
// shift <= 0; a layer checks add_s16_multipliers_ok before it derives them.
#pragma once

#include <cstdint>

#include "ctnn/kernels/reference/binary_s8.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn::kernels {

// ADD and SUB of int16 tensors: both inputs rescaled (left shift 15), then the output multiplier.
struct add_s16_params {
    int left_shift = add_s16_left_shift;
    quantized_multiplier input1, input2, output;
    std::int32_t act_min = -32768, act_max = 32767;
    friend constexpr bool operator==(const add_s16_params&, const add_s16_params&) = default;
};
struct sub_s16_params {
    int left_shift = add_s16_left_shift;
    quantized_multiplier input1, input2, output;
    std::int32_t act_min = -32768, act_max = 32767;
    friend constexpr bool operator==(const sub_s16_params&, const sub_s16_params&) = default;
};
struct mul_s16_params {
    quantized_multiplier output;
    std::int32_t act_min = -32768, act_max = 32767;
    friend constexpr bool operator==(const mul_s16_params&, const mul_s16_params&) = default;
};

// QuantizeMultiplierSmallerThanOneExp's checks (TFLITE_CHECK, so TFLM stops): 0 < real < 1 and
// the quantized shift <= 0 (a real just below 1 rounds up to 2^31 and would take shift 1).
constexpr bool smaller_than_one_ok(double real) noexcept { return real > 0.0 && real < 1.0 && quantize_multiplier(real).shift <= 0; }
constexpr bool add_s16_multipliers_ok(const add_reals& r) noexcept {
    return smaller_than_one_ok(r.input1) && smaller_than_one_ok(r.input2) && smaller_than_one_ok(r.output);
}
constexpr add_reals add_s16_reals(float s1, float s2, float s_out) noexcept { return add_multiplier_reals(s1, s2, s_out, add_s16_left_shift); }
constexpr add_reals sub_s16_reals(float s1, float s2, float s_out) noexcept { return sub_multiplier_reals(s1, s2, s_out, add_s16_left_shift); }

constexpr add_s16_params make_add_s16_params(float s1, float s2, float s_out, activation_range act) noexcept {
    const add_reals r = add_s16_reals(s1, s2, s_out);
    return {add_s16_left_shift, quantize_multiplier(r.input1), quantize_multiplier(r.input2), quantize_multiplier(r.output), act.min,
            act.max};
}
constexpr sub_s16_params make_sub_s16_params(float s1, float s2, float s_out, activation_range act) noexcept {
    const add_reals r = sub_s16_reals(s1, s2, s_out);
    return {add_s16_left_shift, quantize_multiplier(r.input1), quantize_multiplier(r.input2), quantize_multiplier(r.output), act.min,
            act.max};
}
constexpr mul_s16_params make_mul_s16_params(float s1, float s2, float s_out, activation_range act) noexcept {
    return {quantize_multiplier(mul_real(s1, s2, s_out)), act.min, act.max};
}

// ---- the element functions: beside their parameters, so the int8 operators' broadcast walk,
// a template defined before this header, finds them by argument-dependent lookup ----

namespace detail {
constexpr std::int32_t rescaled_s16(std::int16_t x, int left_shift, const quantized_multiplier& q) noexcept {
    return multiply_by_quantized_multiplier(std::int32_t{x} * (1 << left_shift), q.multiplier, q.shift);
}
constexpr std::int16_t requantized_s16(std::int32_t acc, const quantized_multiplier& q, std::int32_t lo, std::int32_t hi) noexcept {
    return static_cast<std::int16_t>(clamp(multiply_by_quantized_multiplier(acc, q.multiplier, q.shift), lo, hi));
}
}  // namespace detail

constexpr std::int16_t binary_element(const add_s16_params& p, std::int16_t x, std::int16_t y) noexcept {
    const std::int32_t a = detail::rescaled_s16(x, p.left_shift, p.input1);
    const std::int32_t b = detail::rescaled_s16(y, p.left_shift, p.input2);
    return detail::requantized_s16(a + b, p.output, p.act_min, p.act_max);
}
constexpr std::int16_t binary_element(const sub_s16_params& p, std::int16_t x, std::int16_t y) noexcept {
    const std::int32_t a = detail::rescaled_s16(x, p.left_shift, p.input1);
    const std::int32_t b = detail::rescaled_s16(y, p.left_shift, p.input2);
    return detail::requantized_s16(a - b, p.output, p.act_min, p.act_max);
}
constexpr std::int16_t binary_element(const mul_s16_params& p, std::int16_t x, std::int16_t y) noexcept {
    return detail::requantized_s16(std::int32_t{x} * std::int32_t{y}, p.output, p.act_min, p.act_max);
}

}  // namespace ctnn::kernels
