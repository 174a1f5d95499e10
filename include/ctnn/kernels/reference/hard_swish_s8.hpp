// Reference HARD_SWISH int8 -> int8: y = x * relu6(x + 3) / 6, in TFLite's 16-bit fixed point
// (reference_ops::HardSwish with the parameters of its Prepare, which TFLM shares).
//
// Parameters (make_hard_swish_params, from the scales in float as TFLite has them):
//   hires  = s_in / 128                 the input scale once the centred input is shifted left by 7
//   output = hires / s_out              -> (int16 multiplier, exponent <= 0): x on the output scale
//   reluish = hires / (3 / 32768)       -> (int16 multiplier, exponent): x on a scale where 3.0 is 2^15
// Each int16 multiplier is QuantizeMultiplier's int32 one rounded to its top 16 bits.
//
// Per element, with v = (x - zp_in) * 2^7 (an int16):
//   on_output = SRDHM16(v, output multiplier)                     x on the output scale, not yet shifted
//   r = v rescaled by the reluish multiplier, saturating to [-1, 1) (Q0.15), then mapped to [0, 1): (r + 2^15) / 2
//   y = (r * on_output) / 2^15, truncated toward zero (not rounded: TFLite chose it to cancel SRDHM's bias)
//   out = clamp(RDBPOT16(y, -output exponent) + zp_out, -128, 127)
// Every function is constexpr: layers evaluate the kernel at compile time to build their table.
#pragma once

#include <cstdint>
#include <limits>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

struct hard_swish_params {
    std::int32_t input_zero_point = 0;
    std::int32_t output_zero_point = 0;
    // (s_in / 128) / s_out = output_multiplier_fixedpoint_int16 * 2^(output_multiplier_exponent - 15)
    std::int16_t output_multiplier_fixedpoint_int16 = 0;
    int output_multiplier_exponent = 0;  // <= 0 (TFLite's Prepare requires it)
    // (s_in / 128) / (3 / 32768) = reluish_multiplier_fixedpoint_int16 * 2^(reluish_multiplier_exponent - 15)
    std::int16_t reluish_multiplier_fixedpoint_int16 = 0;
    int reluish_multiplier_exponent = 0;

    friend constexpr bool operator==(const hard_swish_params&, const hard_swish_params&) = default;
};

// The real multipliers, each a float quotient (TFLite computes them in float), then widened.
constexpr double hard_swish_output_real(float input_scale, float output_scale) noexcept {
    const float hires_input_scale = (1.0f / 128.0f) * input_scale;
    return static_cast<double>(hires_input_scale / output_scale);
}
constexpr double hard_swish_reluish_real(float input_scale) noexcept {
    const float hires_input_scale = (1.0f / 128.0f) * input_scale;
    return static_cast<double>(hires_input_scale / (3.0f / 32768.0f));
}

// TFLite's Prepare fails unless the output exponent is <= 0: (s_in / 128) / s_out must stay
// below one after QuantizeMultiplier's rounding (s_out > s_in / 128, roughly).
constexpr bool hard_swish_output_multiplier_in_range(float input_scale, float output_scale) noexcept {
    const double real = hard_swish_output_real(input_scale, output_scale);
    return real >= 0.0 && real < 1.0 && quantize_multiplier(real).shift <= 0;
}
// The reluish multiplier is shifted left by its exponent: ctnn bounds it as it bounds every
// multiplier (multiplier_in_range: finite, left shift <= 30 bits), which only input scales of
// about 10^7 and more break.
constexpr bool hard_swish_reluish_multiplier_in_range(float input_scale) noexcept {
    return multiplier_in_range(hard_swish_reluish_real(input_scale));
}

// QuantizeMultiplier's Q0.31 multiplier (>= 0) rounded to Q0.15, saturating at 2^15 - 1
// (TFLite's DownScaleInt32ToInt16Multiplier).
constexpr std::int16_t downscale_multiplier_to_int16(std::int32_t multiplier) noexcept {
    constexpr std::int32_t rounding = 1 << 15;
    if (multiplier >= std::numeric_limits<std::int32_t>::max() - rounding) return std::numeric_limits<std::int16_t>::max();
    return static_cast<std::int16_t>((multiplier + rounding) >> 16);
}

// TFLite's HardSwishPrepare. Scales the two checks above reject give zero multipliers (an
// infinite real multiplier would never finish QuantizeMultiplier's normalisation).
constexpr hard_swish_params make_hard_swish_params(float input_scale, std::int32_t input_zero_point, float output_scale,
                                                   std::int32_t output_zero_point) noexcept {
    const double out_real = hard_swish_output_real(input_scale, output_scale);
    const double reluish_real = hard_swish_reluish_real(input_scale);
    const quantized_multiplier out = out_real < 1.0 ? quantize_multiplier(out_real) : quantized_multiplier{};
    const quantized_multiplier reluish = multiplier_in_range(reluish_real) ? quantize_multiplier(reluish_real) : quantized_multiplier{};
    hard_swish_params p;
    p.input_zero_point = input_zero_point;
    p.output_zero_point = output_zero_point;
    p.output_multiplier_fixedpoint_int16 = downscale_multiplier_to_int16(out.multiplier);
    p.output_multiplier_exponent = out.shift;
    p.reluish_multiplier_fixedpoint_int16 = downscale_multiplier_to_int16(reluish.multiplier);
    p.reluish_multiplier_exponent = reluish.shift;
    return p;
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

namespace hard_swish_detail {

// gemmlowp's int16 SaturatingRoundingDoublingHighMul, (a * b + 2^14) / 2^15 with its rounding:
// the int32 one on a * 2^16 rounds the same product the same way; saturating the result covers
// the one overflow, (-2^15) * (-2^15).
constexpr std::int16_t srdhm16(std::int16_t a, std::int16_t b) noexcept {
    return saturate_to_int16(saturating_rounding_doubling_high_mul(std::int32_t{a} * 65536, b));
}

// gemmlowp's int16 RoundingDivideByPOT. Up to 15 bits it is the int32 one. From 16 bits on,
// its mask 2^exponent - 1 is stored in an int16 and so has all bits set: the remainder is the
// whole value and the "rounding" adds one to every non-negative value. The result is +1 for
// x >= 0 and -1 for x < 0, not 0; TFLite's HARD_SWISH reaches it when s_in / s_out < 2^-9.
constexpr std::int16_t rounding_divide_by_pot16(std::int16_t x, int exponent) noexcept {
    if (exponent >= 16) return static_cast<std::int16_t>(x < 0 ? -1 : 1);
    return static_cast<std::int16_t>(rounding_divide_by_pot(x, exponent));
}

// x * 2^amount saturated to int16 (amount >= 0; every amount past 15 saturates alike).
constexpr std::int16_t saturating_left_shift16(std::int16_t x, int amount) noexcept {
    return saturate_to_int16(saturating_left_shift(x, amount < 16 ? amount : 16));
}

// a * b / 2^15 truncated toward zero, (-2^15) * (-2^15) saturating (TFLite's SaturatingDoublingHighMul).
constexpr std::int16_t doubling_high_mul_toward_zero16(std::int16_t a, std::int16_t b) noexcept {
    if (a == b && a == std::numeric_limits<std::int16_t>::min()) return std::numeric_limits<std::int16_t>::max();
    return static_cast<std::int16_t>(std::int32_t{a} * std::int32_t{b} / (1 << 15));
}

}  // namespace hard_swish_detail

constexpr std::int8_t hard_swish_s8(const hard_swish_params& p, std::int8_t x) noexcept {
    using namespace hard_swish_detail;
    // |x - zp_in| <= 255, so v = (x - zp_in) * 2^7 fits in int16.
    const auto v = static_cast<std::int16_t>((std::int32_t{x} - p.input_zero_point) * (1 << 7));
    const std::int16_t on_output_scale = srdhm16(v, p.output_multiplier_fixedpoint_int16);

    // v on the scale where 3.0 is 2^15, saturated to [-1, 1). A left shift is split in two
    // around the multiply so that only the last bit can saturate: a value the multiply would
    // have brought back into range is not lost to an early saturation.
    const int e = p.reluish_multiplier_exponent;
    std::int16_t reluish = v;
    if (e > 0) reluish = saturating_left_shift16(reluish, e - 1);
    reluish = srdhm16(reluish, p.reluish_multiplier_fixedpoint_int16);
    if (e > 0) reluish = saturating_left_shift16(reluish, 1);
    if (e < 0) reluish = rounding_divide_by_pot16(reluish, -e);
    reluish = static_cast<std::int16_t>((std::int32_t{reluish} + (1 << 15)) >> 1);  // [-1, 1) -> [0, 1)

    const std::int16_t preshift = doubling_high_mul_toward_zero16(reluish, on_output_scale);
    // |preshift| < 2^15 - 128 here, so adding the zero point cannot leave int16.
    return saturate_to_int8(rounding_divide_by_pot16(preshift, -p.output_multiplier_exponent) + p.output_zero_point);
}

// n elements; output may equal input.
constexpr void hard_swish_s8(const hard_swish_params& p, const std::int8_t* input, std::int8_t* output, int n) noexcept {
    for (int i = 0; i < n; ++i) output[i] = hard_swish_s8(p, input[i]);
}

}  // namespace ctnn::kernels::reference
