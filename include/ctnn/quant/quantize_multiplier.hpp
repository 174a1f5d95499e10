// Derivation of (int32 multiplier, shift) from a real scale, exactly as TFLite's
// QuantizeMultiplier does it, in constexpr so that every multiplier of a model is a
// compile-time constant.
#pragma once

#include <cstdint>

namespace ctnn {

struct quantized_multiplier {
    std::int32_t multiplier = 0;  // Q0.31, in [2^30, 2^31) unless zero
    int shift = 0;                // real = multiplier * 2^(shift - 31)

    friend constexpr bool operator==(const quantized_multiplier&, const quantized_multiplier&) = default;
};

namespace detail {

struct frexp_result {
    double fraction;  // in [0.5, 1) for finite non-zero input, sign kept
    int exponent;
};

// std::frexp is not constexpr in C++20. Scaling a double by 2 is exact, so halving or
// doubling until the magnitude lands in [0.5, 1) gives the same result bit for bit.
constexpr frexp_result constexpr_frexp(double value) noexcept {
    if (value == 0.0 || value != value) return {value, 0};
    const bool negative = value < 0.0;
    double magnitude = negative ? -value : value;
    int exponent = 0;
    while (magnitude >= 1.0) {
        magnitude /= 2.0;
        ++exponent;
    }
    while (magnitude < 0.5) {
        magnitude *= 2.0;
        --exponent;
    }
    return {negative ? -magnitude : magnitude, exponent};
}

// std::round (half away from zero) for the range QuantizeMultiplier needs: |x| < 2^52,
// where x + 0.5 is exact for the values it sees (|x| >= 2^30 has an ulp of at most 2^-22).
constexpr std::int64_t round_half_away(double x) noexcept {
    const auto truncated = static_cast<std::int64_t>(x);
    const double fraction = x - static_cast<double>(truncated);
    if (fraction >= 0.5) return truncated + 1;
    if (fraction <= -0.5) return truncated - 1;
    return truncated;
}

constexpr std::int32_t round_half_away(float x) noexcept {
    const auto truncated = static_cast<std::int32_t>(x);
    const float fraction = x - static_cast<float>(truncated);  // exact for |x| < 2^23
    if (fraction >= 0.5f) return truncated + 1;
    if (fraction <= -0.5f) return truncated - 1;
    return truncated;
}

}  // namespace detail

// TFLite's QuantizeMultiplier(double): frexp, round q * 2^31, fold the 2^31 edge case into
// the exponent, and flush multipliers too small to represent (shift < -31) to zero.
constexpr quantized_multiplier quantize_multiplier(double real) noexcept {
    if (real == 0.0) return {0, 0};
    auto [q, shift] = detail::constexpr_frexp(real);
    std::int64_t q_fixed = detail::round_half_away(q * 2147483648.0);
    if (q_fixed == (std::int64_t{1} << 31)) {
        q_fixed /= 2;
        ++shift;
    }
    if (shift < -31) {
        shift = 0;
        q_fixed = 0;
    }
    return {static_cast<std::int32_t>(q_fixed), shift};
}

// The multipliers the kernels implement, in the range TFLite bounds MultiplyByQuantizedMultiplier
// to (shift in [-31, 30]): `real` is finite and non-negative, and quantize_multiplier(real) shifts
// the accumulator left by at most 30 bits (real < 2^30, after rounding). Smaller values than
// 2^-32 are fine: quantize_multiplier flushes them to zero. Layers static_assert it before they
// derive a multiplier, and the converter rejects a model that breaks it with the same function.
inline constexpr int max_multiplier_shift = 30;

constexpr bool multiplier_in_range(double real) noexcept {
    if (!(real >= 0.0 && real <= 1.7976931348623157e308)) return false;  // NaN, negative, infinite
    if (real >= 1073741824.0) return false;                                // 2^30: shift 31 or more
    return quantize_multiplier(real).shift <= max_multiplier_shift;
}

}  // namespace ctnn
