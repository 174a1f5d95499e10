// Reference ELU int8 -> int8: TFLite Micro builds a 256-entry table in Prepare from float
// arithmetic, and ctnn reproduces that computation at compile time:
//   d = s_in * (x - zp_in)                    float
//   f = d < 0 ? exp(d) - 1 : d                float (expf)
//   out = clamp((int)(round(f * (1 / s_out)) + zp_out), -128, 127)
// exp is computed in double and rounded to float (expf's result but where expf itself is off
// by an ulp, which changes an output only if f / s_out is that close to a half).
#pragma once

#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

struct elu_params {
    float input_scale = 1.0f;
    std::int32_t input_zero_point = 0;
    float inverse_output_scale = 1.0f;  // 1 / s_out in float, as TFLM has it
    std::int32_t output_zero_point = 0;
};

// f / s_out is converted to int32: ctnn needs 256 * s_in / s_out below 2^30, far from where
// the conversion overflows (TFLM's result there depends on the processor).
constexpr bool elu_scales_in_range(float input_scale, float output_scale) noexcept {
    return static_cast<double>(input_scale) / static_cast<double>(output_scale) < 4194304.0;  // 2^22
}

constexpr elu_params make_elu_params(float input_scale, std::int32_t input_zero_point, float output_scale,
                                     std::int32_t output_zero_point) noexcept {
    return {input_scale, input_zero_point, 1.0f / output_scale, output_zero_point};
}

// e^x for x <= 0 in double: x = n ln2 + r with |r| <= ln2 / 2, a Taylor series for e^r, then
// n halvings (exact). Below -104, e^x is under float's smallest subnormal: 0.
constexpr float constexpr_expf_negative(float x) noexcept {
    if (x < -104.0f) return 0.0f;
    constexpr double ln2_hi = 0.693147180369123816490, ln2_lo = 1.90821492927058770002e-10;
    const double xd = x;
    const auto n = static_cast<int>(xd / 0.6931471805599453 - 0.5);  // toward -inf for x <= 0
    const double r = (xd - n * ln2_hi) - n * ln2_lo;
    double term = 1.0, sum = 1.0;
    for (int k = 1; k < 30; ++k) {
        term *= r / k;
        sum += term;
    }
    for (int i = 0; i < -n; ++i) sum *= 0.5;
    return static_cast<float>(sum);
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

constexpr std::int8_t elu_s8(const elu_params& p, std::int8_t x) noexcept {
    const float d = p.input_scale * static_cast<float>(std::int32_t{x} - p.input_zero_point);
    const float f = d < 0.0f ? constexpr_expf_negative(d) - 1.0f : d;
    const std::int32_t rounded = detail::round_half_away(f * p.inverse_output_scale);
    return saturate_to_int8(rounded + p.output_zero_point);
}

}  // namespace ctnn::kernels::reference
