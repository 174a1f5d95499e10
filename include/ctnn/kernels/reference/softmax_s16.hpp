// Reference SOFTMAX int16 -> int16 (16x8 mode: input zero point 0; output scale 1/32768, zero
// point 0), TFLite Micro's int16 algorithm: per row, each x - max rescaled so that [-65535, 0]
// is [-10, 0] (QuantizeMultiplier of s_in * beta * 65535 / 10, in double), recentred and looked
// up, with interpolation, in a 513-entry exp table; the sum of exps normalised and looked up in
// a 513-entry 1 / (1 + x) table; each output the product, rounded.
//
// The two tables are TFLM's Prepare-time LUTs (gen_lut over [-10, 0] and [0, 1], output range
// [-1, 1] in int16: a sample per 1/512 of the range less half its midpoint interpolation error,
// and a 513th sample at the top), built here at compile time with the same float arithmetic.
// exp in float is the one function C++20 does not evaluate at compile time: float_exp computes
// exp in double to about 1 ulp and rounds it to float, which is what a correctly rounded expf
// returns; the tables' values are then rounded to 1/32768, so an expf within 0.5 ulp gives them too.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

struct softmax_s16_params {
    int rows = 1;
    int depth = 1;
    quantized_multiplier input;  // s_in * beta / (10 / 65535)
    friend constexpr bool operator==(const softmax_s16_params&, const softmax_s16_params&) = default;
};

// CalculateSoftmaxParams, int16: the input rescaling in double.
constexpr double softmax_s16_input_real(float beta, float input_scale) noexcept {
    return static_cast<double>(input_scale) * static_cast<double>(beta) / (10.0 / 65535.0);
}
constexpr bool softmax_s16_beta_in_range(float beta, float input_scale) noexcept {
    return beta > 0.0f && beta <= 3.40282347e38f && multiplier_in_range(softmax_s16_input_real(beta, input_scale));
}
constexpr softmax_s16_params make_softmax_s16_params(int rows, int depth, float beta, float input_scale) noexcept {
    return {rows, depth, quantize_multiplier(softmax_s16_input_real(beta, input_scale))};
}
// TFLM's output check: zero point 0, scale within 0.1% of 1/32768.
constexpr bool softmax_s16_output_ok(float scale, std::int32_t zero_point) noexcept {
    const float want = 1.0f / 32768.0f, tolerance = 0.001f * (1.0f / 32768.0f);
    const float d = scale > want ? scale - want : want - scale;
    return zero_point == 0 && d <= tolerance;
}

using softmax_s16_table = std::array<std::int16_t, 513>;

namespace detail {

// exp(x) for x in [-16, 16], in double (range reduction by ln 2, then a Taylor series), rounded to float.
constexpr float float_exp(float xf) noexcept {
    const double x = static_cast<double>(xf);
    constexpr double ln2_hi = 0.693147180369123816490, ln2_lo = 1.90821492927058770002e-10;
    const double nf = x / 0.69314718055994530942;
    const int n = static_cast<int>(nf < 0 ? nf - 0.5 : nf + 0.5);
    const double r = (x - n * ln2_hi) - n * ln2_lo;
    double term = 1.0, sum = 1.0;
    for (int k = 1; k < 30; ++k) {
        term *= r / k;
        sum += term;
    }
    double scale = 1.0;
    for (int k = 0; k < (n < 0 ? -n : n); ++k) scale *= 2.0;
    return static_cast<float>(n < 0 ? sum / scale : sum * scale);
}
// TfLiteRound: half away from zero (|v| + 0.5 in double is exact for a float v; in float it is not).
constexpr float round_float(float v) noexcept {
    const double a = static_cast<double>(v < 0.0f ? -v : v) + 0.5;
    const auto r = static_cast<double>(static_cast<std::int64_t>(a));
    return static_cast<float>(v < 0.0f ? -r : r);
}
constexpr float clamp_float(float v, float lo, float hi) noexcept { return v < lo ? lo : (v > hi ? hi : v); }

// gen_lut<float, int16_t, int16_t>(f, input_min, input_max, -1, 1).
template <class F>
constexpr softmax_s16_table make_int16_lut(F f, float input_min, float input_max) noexcept {
    constexpr int steps = 512;
    const float step = (input_max - input_min) / steps;
    const float half_step = step / 2;
    const float scaling = 65536.0f / (1.0f - -1.0f);
    softmax_s16_table lut{};
    for (int i = 0; i < steps; ++i) {
        const float val = f(input_min + static_cast<float>(i) * step);
        const float val_midpoint = f(input_min + static_cast<float>(i) * step + half_step);
        const float val_next = f(input_min + static_cast<float>(i + 1) * step);
        const float sample = round_float(val * scaling);
        const float midpoint_interp = round_float((val_next * scaling + round_float(val * scaling)) / 2);
        const float midpoint = round_float(val_midpoint * scaling);
        const float bias = round_float((midpoint_interp - midpoint) / 2);
        lut[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(clamp_float(sample - bias, -32768.0f, 32767.0f));
    }
    lut[steps] = static_cast<std::int16_t>(clamp_float(round_float(f(input_max) * scaling), -32768.0f, 32767.0f));
    return lut;
}

}  // namespace detail

// exp over [-10, 0] and 1 / (1 + x) over [0, 1], as TFLM's SoftmaxPrepare builds them.
inline constexpr softmax_s16_table softmax_s16_exp_lut = detail::make_int16_lut([](float v) { return detail::float_exp(v); }, -10.0f, 0.0f);
inline constexpr softmax_s16_table softmax_s16_reciprocal_lut =
    detail::make_int16_lut([](float v) { return 1.0f / (1.0f + v); }, 0.0f, 1.0f);

// A 513-entry int16 table read at a symmetric int16 value: 512 segments of 128, interpolated.
constexpr std::int16_t int16_lut_lookup(std::int16_t value, const softmax_s16_table& lut) noexcept {
    const auto index = static_cast<std::size_t>(256 + (value >> 7));
    const std::int32_t offset = value & 0x7f;
    const std::int32_t base = lut[index];
    const std::int32_t slope = lut[index + 1] - lut[index];
    return static_cast<std::int16_t>(base + ((slope * offset + 64) >> 7));
}

constexpr int count_leading_zeros(std::uint32_t x) noexcept {
    int n = 0;
    for (std::uint32_t bit = 0x80000000u; bit != 0 && (x & bit) == 0; bit >>= 1) ++n;
    return n;
}

// One row's exp of x - max, Q0.15.
constexpr std::int16_t softmax_s16_exp(const quantized_multiplier& q, std::int32_t diff, const softmax_s16_table& exp_lut) noexcept {
    const std::int32_t scaled = multiply_by_quantized_multiplier(diff, q.multiplier, q.shift) + 32767;
    return int16_lut_lookup(static_cast<std::int16_t>(clamp(scaled, -32768, 32767)), exp_lut);
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

// output may be input (in place): each exp is written over its own input after the row's max is known.
inline void softmax_s16(const softmax_s16_params& p, const softmax_s16_table& exp_lut, const softmax_s16_table& reciprocal_lut,
                        const std::int16_t* input, std::int16_t* output) {
    for (int r = 0; r < p.rows; ++r) {
        const std::int16_t* x = input + r * p.depth;
        std::int16_t* y = output + r * p.depth;
        std::int32_t row_max = -32768;
        for (int c = 0; c < p.depth; ++c) row_max = x[c] > row_max ? x[c] : row_max;
        std::int32_t sum = 0;  // Q16.15
        for (int c = 0; c < p.depth; ++c) {
            y[c] = softmax_s16_exp(p.input, std::int32_t{x[c]} - row_max, exp_lut);
            sum += y[c];
        }
        // 1 / sum: the sum normalised to [1, 2), as 1 + x with x recentred to int16, looked up.
        const int headroom_plus_one = count_leading_zeros(static_cast<std::uint32_t>(sum));
        const auto shifted = static_cast<std::int32_t>(((static_cast<std::int64_t>(sum) << (headroom_plus_one - 1)) + (1 << 13)) >> 14);
        const std::int32_t centred = clamp(shifted - ((1 << 15) + (1 << 16)), -32768, 32767);
        const std::int32_t reciprocal = int16_lut_lookup(static_cast<std::int16_t>(centred), reciprocal_lut);
        const int right_shift = 31 - headroom_plus_one;
        const std::int64_t round = std::int64_t{1} << (right_shift - 1);
        for (int c = 0; c < p.depth; ++c) {
            const auto v = static_cast<std::int32_t>((static_cast<std::int64_t>(y[c]) * reciprocal + round) >> right_shift);
            y[c] = static_cast<std::int16_t>(clamp(v, 0, 32767));
        }
    }
}

}  // namespace ctnn::kernels::reference
