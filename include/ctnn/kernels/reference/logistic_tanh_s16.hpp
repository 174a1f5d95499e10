// Reference LOGISTIC and TANH int16 -> int16 (16x8 mode: zero points 0, output scale 2^-15),
// TFLite Micro's int16 kernels: the input is rescaled to units of 1/12288 (1/(3 * 4096), so
// that the int16 range covers [-10.7, 10.7]), its magnitude looked up with linear
// interpolation in a 256-entry table of sigmoid(i / 24) in unsigned 0.16 format, and the
// result reflected for negative inputs (sigmoid(-x) = 1 - sigmoid(x)); TANH reads the same
// table at twice the input (tanh(x) = 2 sigmoid(2x) - 1).
//   LOGISTIC: v = rescaled input; a segment of 2^9 units, out = (T + 2^9) >> 10, or its reflection
//   TANH:     a segment of 2^8 units, out = (T - 2^23 + 2^7) >> 8, or its reflection
// Prepare: an input scale of 2^-12 (LOGISTIC), 2^-12 or 2^-11 (TANH) within TFLite's
// CheckedLog2 tolerance is the power-of-two case, multiplier 0 and the kernel multiplies by
// 3 << shift; any other scale gets multiplier trunc(s_in * 12288 * 2^k), k the least shift
// (up to 31) that lifts it above 32767 / 2, applied with rounding and k.
//
// The table (TFLM's sigmoid_table_uint16) is built at compile time: entry i is sigmoid at
// i * h (h = 1/24) less half the interpolation error at the segment's midpoint, rounded to
// 1/65536, all in double; the last entry is 65535 (1, capped). Its values lie at least 0.004 from a rounding
// boundary, so exp in double to about 1e-15 reproduces it exactly.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

using sigmoid_s16_table_t = std::array<std::uint16_t, 256>;

namespace sigmoid_s16_math {

// exp(x) in double for |x| < 700: x = n ln 2 + r with |r| <= ln 2 / 2, a Taylor series in r.
constexpr double exp_double(double x) noexcept {
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
    return n < 0 ? sum / scale : sum * scale;
}

// log2(x) in double for finite x > 0: frexp's exponent plus log2 of the fraction in [0.5, 1)
// (2 atanh((m - 1) / (m + 1)) / ln 2, |z| <= 1/3: 40 terms are past double precision).
constexpr double log2_double(double x) noexcept {
    const auto [m, e] = ctnn::detail::constexpr_frexp(x);
    const double z = (m - 1.0) / (m + 1.0);
    const double z2 = z * z;
    double power = z, sum = 0.0;
    for (int k = 1; k < 80; k += 2) {
        sum += power / k;
        power *= z2;
    }
    return static_cast<double>(e) + 2.0 * sum / 0.69314718055994530942;
}

constexpr double sigmoid_double(double x) noexcept { return 1.0 / (1.0 + exp_double(-x)); }

constexpr sigmoid_s16_table_t make_sigmoid_s16_table() noexcept {
    constexpr double h = 1.0 / 24.0;
    sigmoid_s16_table_t t{};
    for (int i = 0; i < 256; ++i) {
        const double x = i * h;
        const double at = sigmoid_double(x), mid = sigmoid_double(x + h / 2), next = sigmoid_double(x + h);
        const double value = 65536.0 * (at + (mid - (at + next) / 2) / 2);
        const std::int64_t rounded = ctnn::detail::round_half_away(value);
        t[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(rounded > 65535 ? 65535 : rounded);
    }
    t[255] = 65535;  // the end of the range: sigmoid's limit 1, capped (the rule gives 65534 there)
    return t;
}

}  // namespace sigmoid_s16_math

// sigmoid(i / 24) in 0.16, both operators' table (512 bytes of flash, shared by every layer).
inline constexpr sigmoid_s16_table_t sigmoid_s16_table = sigmoid_s16_math::make_sigmoid_s16_table();

// Prepare's result: TFLM's input_multiplier (0: the power-of-two case) and input_left_shift.
struct sigmoid_s16_params {
    std::int32_t input_multiplier = 0;
    int input_left_shift = 0;
    friend constexpr bool operator==(const sigmoid_s16_params&, const sigmoid_s16_params&) = default;
};

// CheckedLog2(x): log2 rounded half away, and whether x is within 1e-3 of that power in log2.
// (TFLite computes the logarithm in float; this, in double, differs only for scales within a
// float rounding of the tolerance's edge.)
struct checked_log2_result {
    int log2 = 0;
    bool power_of_two = false;
};
constexpr checked_log2_result checked_log2(float x) noexcept {
    if (!(x > 0.0f) || x > 3.40282347e38f) return {};
    const double l = sigmoid_s16_math::log2_double(static_cast<double>(x));
    const auto rounded = static_cast<int>(ctnn::detail::round_half_away(l));
    const double frac = l - static_cast<double>(rounded);
    return {rounded, (frac < 0 ? -frac : frac) < 1e-3};
}

// The general case's multiplier: s_in * 12288 doubled while at most 32767 / 2 (and the shift at
// most 30), then truncated.
constexpr sigmoid_s16_params sigmoid_s16_general(float input_scale) noexcept {
    double multiplier = static_cast<double>(input_scale) * 4096.0 * 3.0;
    int shift = 0;
    while (multiplier <= 32767.0 / 2.0 && shift <= 30) {
        ++shift;
        multiplier *= 2.0;
    }
    return {multiplier < 2147483647.0 ? static_cast<std::int32_t>(multiplier) : 2147483647, shift};
}

// LOGISTIC's power-of-two case: a left shift 12 + log2(s_in) of 0; TANH's: 0 or 1.
constexpr sigmoid_s16_params make_sigmoid_s16_params(float input_scale, bool tanh) noexcept {
    const checked_log2_result l = checked_log2(input_scale);
    const int shift = 12 + l.log2;
    if (l.power_of_two && (shift == 0 || (tanh && shift == 1))) return {0, shift};
    return sigmoid_s16_general(input_scale);
}

// The scales ctnn takes: TFLM checks input_multiplier <= 32767 (input scale below 8/3; larger
// ones overflow its int32 product), and a multiplier of 0 from the general case (scales below
// about 4e-14) would be read as the power-of-two case.
constexpr bool sigmoid_s16_input_scale_in_range(float input_scale, bool tanh) noexcept {
    if (!(input_scale > 0.0f) || input_scale > 3.40282347e38f) return false;
    const sigmoid_s16_params p = make_sigmoid_s16_params(input_scale, tanh);
    return p.input_multiplier <= 32767 && (p.input_multiplier > 0 || checked_log2(input_scale).power_of_two);
}
// TFLM's output rule: zero point 0 (every int16 tensor) and CheckedLog2(s_out) == -15.
constexpr bool sigmoid_s16_output_scale_ok(float output_scale) noexcept {
    const checked_log2_result l = checked_log2(output_scale);
    return l.power_of_two && l.log2 == -15;
}

// The input in table units: the power-of-two case's multiplier 3 << shift, or the general
// multiplier with a rounding right shift (arithmetic: floor).
constexpr std::int32_t sigmoid_s16_rescale(const sigmoid_s16_params& p, std::int16_t x) noexcept {
    std::int32_t multiplier = p.input_multiplier;
    int shift = p.input_left_shift;
    if (multiplier == 0) {
        multiplier = 3 << shift;
        shift = 0;
    }
    const std::int32_t round = shift > 0 ? std::int32_t{1} << (shift - 1) : 0;
    return (std::int32_t{x} * multiplier + round) >> shift;
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

// The table read at |v|: segments of 2^Bits units, interpolated; saturation past entry 254.
template <int Bits>
constexpr std::uint32_t sigmoid_s16_interpolate(const sigmoid_s16_table_t& t, std::uint32_t magnitude, std::uint32_t saturated) noexcept {
    const std::uint32_t index = magnitude >> Bits;
    if (index >= 255) return saturated;
    const std::uint32_t a = t[index], b = t[index + 1];
    return (a << Bits) + (magnitude & ((1u << Bits) - 1)) * (b - a);
}

constexpr std::int16_t logistic_s16(const sigmoid_s16_params& p, std::int16_t x, const sigmoid_s16_table_t& t = sigmoid_s16_table) noexcept {
    const std::int32_t v = sigmoid_s16_rescale(p, x);
    const auto magnitude = static_cast<std::uint32_t>(v < 0 ? -v : v);
    std::uint32_t r = sigmoid_s16_interpolate<9>(t, magnitude, 0x7FFFu << 10);
    r = v >= 0 ? r + (1u << 9) : (1u << 25) - r + (1u << 9) - 1;
    return static_cast<std::int16_t>(r >> 10);
}

constexpr std::int16_t tanh_s16(const sigmoid_s16_params& p, std::int16_t x, const sigmoid_s16_table_t& t = sigmoid_s16_table) noexcept {
    const std::int32_t v = sigmoid_s16_rescale(p, x);
    const auto magnitude = static_cast<std::uint32_t>(v < 0 ? -v : v);
    std::int32_t r = static_cast<std::int32_t>(sigmoid_s16_interpolate<8>(t, magnitude, 0xFFFFu << 8));
    r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
    return static_cast<std::int16_t>(r >> 8);
}

}  // namespace ctnn::kernels::reference
