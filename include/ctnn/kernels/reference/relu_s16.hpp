// Reference RELU, RELU6 and LEAKY_RELU int16 -> int16 (16x8 mode: zero points 0), as TFLite
// Micro computes them: the int8 arithmetic of kernels/reference/relu_s8.hpp with int16 bounds.
//   RELU       out = clamp(MBQM(x, s_in / s_out), 0, 32767)
//   RELU6      out = clamp(x, 0, six), six = round(6 / s_in) clamped to int16 (the input's scale)
//   LEAKY_RELU out = saturate_int16(MBQM(x, x >= 0 ? s_in / s_out : s_in * alpha / s_out))
// The parameters are the int8 ones with the int16 clamp.
#pragma once

#include <cstdint>

#include "ctnn/kernels/reference/relu_s8.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels {

// CalculateReluOpData<int16_t>: RELU's float quotient (make_relu_params), the clamp
// max(-32768, zp_out + round(0 / s_out)) = 0 to 32767.
constexpr requantize_clamp_params make_relu_s16_params(float input_scale, float output_scale) noexcept {
    requantize_clamp_params p = make_relu_params(input_scale, 0, output_scale, 0);
    p.low = 0;
    p.high = 32767;
    return p;
}
// FloatToQuantizedType<int16_t>(6.0f, s_in, 0).
constexpr relu6_params make_relu6_s16_params(float input_scale) noexcept {
    const float q = 6.0f / input_scale;
    const std::int32_t rounded = q >= 1.0e9f ? 1000000000 : detail::round_half_away(q);
    return {0, clamp(rounded, -32768, 32767)};
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

constexpr std::int16_t relu_s16(const requantize_clamp_params& p, std::int16_t x) noexcept {
    const std::int32_t v = multiply_by_quantized_multiplier(std::int32_t{x}, p.multiplier.multiplier, p.multiplier.shift);
    return static_cast<std::int16_t>(clamp(v, p.low, p.high));
}

constexpr std::int16_t relu6_s16(const relu6_params& p, std::int16_t x) noexcept {
    return static_cast<std::int16_t>(x > p.six ? p.six : (x < p.zero ? p.zero : x));
}

constexpr std::int16_t leaky_relu_s16(const leaky_relu_params& p, std::int16_t x) noexcept {
    const std::int32_t v = std::int32_t{x};
    const quantized_multiplier& m = v >= 0 ? p.identity : p.alpha;
    return saturate_to_int16(multiply_by_quantized_multiplier(v, m.multiplier, m.shift));
}

}  // namespace ctnn::kernels::reference
