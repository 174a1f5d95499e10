// Reference ABS and RSQRT int8 -> int8, as TFLite Micro's elementwise kernels compute them:
//   ABS   v = |x - zp_in|; out = clamp(zp_out + v) when s_in == s_out, else
//         clamp(zp_out + MBQM(v, s_in / s_out))
//   RSQRT v = x - zp_in; out = 127 when v == 0, else with (m, e) = 1 / sqrt(v) in fixed point
//         (fixed::inv_sqrt): clamp(zp_out + MBQM(MBQM(1, m, e + 20), 1 / (sqrt(s_in) s_out), shift - 20))
// RSQRT is defined for x >= zp_in only: TFLM stops with an error on a smaller input; ctnn's
// table gives 127 there, as for v == 0. Multipliers from double quotients, as TFLM's Prepare.
#pragma once

#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_functions.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn::kernels {

struct abs_rsqrt_params {
    std::int32_t input_zero_point = 0;
    std::int32_t output_zero_point = 0;
    bool rescale = true;  // ABS: false when both scales are equal
    quantized_multiplier multiplier{};
};

constexpr bool abs_scales_in_range(float input_scale, float output_scale) noexcept {
    return input_scale == output_scale || multiplier_in_range(input_over_output_real(input_scale, output_scale));
}
constexpr abs_rsqrt_params make_abs_params(float input_scale, std::int32_t input_zero_point, float output_scale,
                                           std::int32_t output_zero_point) noexcept {
    abs_rsqrt_params p{input_zero_point, output_zero_point, input_scale != output_scale, {}};
    if (p.rescale && abs_scales_in_range(input_scale, output_scale)) p.multiplier = quantize_multiplier(input_over_output_real(input_scale, output_scale));
    return p;
}

// sqrt in double, correctly rounded (std::sqrt is not constexpr): Newton's iteration from
// above to within an ulp, then the neighbour whose square is closest, from the exact residual
// x - y^2 (Dekker's product: y split into two 26-bit halves).
constexpr double constexpr_sqrt(double x) noexcept {
    if (!(x > 0.0) || x > 1.7976931348623157e308) return x == 0.0 ? 0.0 : x;
    double y = x > 1.0 ? x : 1.0;
    for (int i = 0; i < 2100; ++i) {
        const double next = 0.5 * (y + x / y);
        if (next >= y) break;
        y = next;
    }
    auto residual = [x](double v) {
        const double c = 134217729.0 * v;  // 2^27 + 1
        const double hi = c - (c - v), lo = v - hi;
        const double p = v * v;
        const double e = ((hi * hi - p) + 2.0 * hi * lo) + lo * lo;
        return (x - p) - e;
    };
    double ulp = 1.0;  // 2^(exponent - 53): y's last place
    for (int e = detail::constexpr_frexp(y).exponent - 53; e != 0; e += e < 0 ? 1 : -1) ulp = e < 0 ? ulp * 0.5 : ulp * 2.0;
    // (y +- ulp/2)^2 = y^2 +- y ulp + ulp^2 / 4: the rounding edges of the root.
    const double r = residual(y);
    if (r >= y * ulp + ulp * ulp / 4) return y + ulp;
    if (r <= -y * ulp + ulp * ulp / 4) return y - ulp;
    return y;
}

constexpr double rsqrt_real(float input_scale, float output_scale) noexcept {
    return 1.0 / (constexpr_sqrt(static_cast<double>(input_scale)) * static_cast<double>(output_scale));
}
constexpr bool rsqrt_scales_in_range(float input_scale, float output_scale) noexcept {
    return multiplier_in_range(rsqrt_real(input_scale, output_scale));
}
constexpr abs_rsqrt_params make_rsqrt_params(float input_scale, std::int32_t input_zero_point, float output_scale,
                                             std::int32_t output_zero_point) noexcept {
    abs_rsqrt_params p{input_zero_point, output_zero_point, true, {}};
    if (rsqrt_scales_in_range(input_scale, output_scale)) p.multiplier = quantize_multiplier(rsqrt_real(input_scale, output_scale));
    return p;
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

constexpr std::int8_t abs_s8(const abs_rsqrt_params& p, std::int8_t x) noexcept {
    const std::int32_t d = std::int32_t{x} - p.input_zero_point;
    const std::int32_t v = d < 0 ? -d : d;
    if (!p.rescale) return saturate_to_int8(v + p.output_zero_point);
    return saturate_to_int8(multiply_by_quantized_multiplier(v, p.multiplier.multiplier, p.multiplier.shift) + p.output_zero_point);
}

constexpr std::int8_t rsqrt_s8(const abs_rsqrt_params& p, std::int8_t x) noexcept {
    constexpr int keep_integer = 20;  // TFLM's shift that keeps 1 / sqrt(v) an integer
    const std::int32_t v = std::int32_t{x} - p.input_zero_point;
    if (v <= 0) return 127;
    const fixed::inv_sqrt_multiplier inv = fixed::inv_sqrt(v);
    const std::int32_t data = multiply_by_quantized_multiplier(1, inv.multiplier, inv.shift + keep_integer);
    return saturate_to_int8(multiply_by_quantized_multiplier(data, p.multiplier.multiplier, p.multiplier.shift - keep_integer) +
                            p.output_zero_point);
}

}  // namespace ctnn::kernels::reference
