// The fixed-point exp, reciprocal and rescaling that TFLite's int8 SOFTMAX is built on
// (gemmlowp's FixedPoint arithmetic on raw int32 values). A value with I integer bits is a
// raw int32 r meaning r * 2^(I - 31); multiplying values with I and J integer bits gives
// I + J integer bits and is saturating_rounding_doubling_high_mul on the raws.
#pragma once

#include <bit>
#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::fixed {

// x * 2^exponent on raws, saturating when shifting left and rounding when shifting right.
constexpr std::int32_t multiply_by_pot(std::int32_t x, int exponent) noexcept {
    if (exponent > 0) return saturating_left_shift(x, exponent);
    if (exponent < 0) return rounding_divide_by_pot(x, -exponent);
    return x;
}

// Change the number of integer bits of a raw value from `from` to `to`.
constexpr std::int32_t rescale(std::int32_t raw, int from, int to) noexcept {
    return multiply_by_pot(raw, from - to);
}

constexpr std::int32_t mul(std::int32_t a, std::int32_t b) noexcept {
    return saturating_rounding_doubling_high_mul(a, b);
}

// (a + b) / 2 rounded half away from zero, without overflow.
constexpr std::int32_t rounding_half_sum(std::int32_t a, std::int32_t b) noexcept {
    const std::int64_t sum = std::int64_t{a} + std::int64_t{b};
    return static_cast<std::int32_t>((sum + (sum >= 0 ? 1 : -1)) / 2);
}

// Wrapping int32 addition, as the raw additions of the reference behave.
constexpr std::int32_t add(std::int32_t a, std::int32_t b) noexcept {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(a) + static_cast<std::uint32_t>(b));
}
constexpr std::int32_t sub(std::int32_t a, std::int32_t b) noexcept {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(a) - static_cast<std::uint32_t>(b));
}

// condition ? a : b through a mask, so that no branch depends on the data.
constexpr std::int32_t select(std::int32_t condition, std::int32_t a, std::int32_t b) noexcept {
    const auto mask = static_cast<std::uint32_t>(-static_cast<std::int32_t>(condition != 0));
    return static_cast<std::int32_t>((static_cast<std::uint32_t>(a) & mask) | (static_cast<std::uint32_t>(b) & ~mask));
}

inline constexpr std::int32_t one_q0 = 2147483647;  // 1.0 with 0 integer bits saturates

// Constants of the polynomial and of the barrel shifter, each round(value * 2^31) (or * 2^29
// for the Q2.29 Newton-Raphson seeds); tests recompute them from std::exp.
inline constexpr std::int32_t exp_minus_one_eighth = 1895147668;  // exp(-1/8)
inline constexpr std::int32_t one_third = 715827883;              // 1/3
inline constexpr std::int32_t exp_of_minus_pot[7] = {
    1672461947,  // exp(-1/4)
    1302514674,  // exp(-1/2)
    790015084,   // exp(-1)
    290630308,   // exp(-2)
    39332535,    // exp(-4)
    720401,      // exp(-8)
    242,         // exp(-16)
};
inline constexpr std::int32_t forty_eight_over_17_q2 = 1515870810;          // 48/17
inline constexpr std::int32_t minus_thirty_two_over_17_q2 = -1010580540;  // -32/17

// exp(a) for a in [-1/4, 0), a in Q0.31: Taylor expansion around -1/8.
constexpr std::int32_t exp_on_interval_minus_quarter_to_zero(std::int32_t a) noexcept {
    const std::int32_t x = add(a, 1 << 28);  // a + 1/8
    const std::int32_t x2 = mul(x, x);
    const std::int32_t x3 = mul(x2, x);
    const std::int32_t x4 = mul(x2, x2);
    const std::int32_t x4_over_4 = multiply_by_pot(x4, -2);
    const std::int32_t poly = multiply_by_pot(add(mul(add(x4_over_4, x3), one_third), x2), -1);
    return add(exp_minus_one_eighth, mul(exp_minus_one_eighth, add(x, poly)));
}

// exp(a) for a <= 0 with `integer_bits` integer bits; the result is Q0.31.
constexpr std::int32_t exp_on_negative_values(std::int32_t a, int integer_bits) noexcept {
    const int fractional_bits = 31 - integer_bits;
    const std::int32_t one_quarter = std::int32_t{1} << (fractional_bits - 2);
    const std::int32_t mask = one_quarter - 1;
    const std::int32_t a_mod_quarter_minus_quarter = sub(a & mask, one_quarter);
    std::int32_t result =
        exp_on_interval_minus_quarter_to_zero(rescale(a_mod_quarter_minus_quarter, integer_bits, 0));
    const std::int32_t remainder = sub(a_mod_quarter_minus_quarter, a);
    // Multiply in exp(-2^k) for every bit of the remainder, k = -2 .. 4.
    // Selections, not branches: the same instructions run whatever the value.
    for (int k = -2; k <= 4; ++k) {
        if (integer_bits > k) {
            const int bit = fractional_bits + k;
            const std::int32_t multiplied = mul(result, exp_of_minus_pot[k + 2]);
            result = select((remainder >> bit) & 1, multiplied, result);
        }
    }
    if (integer_bits > 5) {
        const std::int32_t clamp_at = -(std::int32_t{1} << (36 - integer_bits));  // -32.0
        result = select(a < clamp_at, 0, result);
    }
    return select(a == 0, one_q0, result);
}

// 1 / (1 + x) for x in [0, 1), Q0.31 in and out: three Newton-Raphson steps in Q2.29.
constexpr std::int32_t one_over_one_plus_x_for_x_in_0_1(std::int32_t a) noexcept {
    const std::int32_t half_denominator = rounding_half_sum(a, one_q0);
    std::int32_t x = add(forty_eight_over_17_q2, mul(half_denominator, minus_thirty_two_over_17_q2));
    constexpr std::int32_t one_q2 = std::int32_t{1} << 29;
    for (int i = 0; i < 3; ++i) {
        const std::int32_t half_denominator_times_x = mul(half_denominator, x);
        const std::int32_t one_minus = sub(one_q2, half_denominator_times_x);
        x = add(x, rescale(mul(x, one_minus), 4, 2));
    }
    // x / 2 viewed as Q1.30 holds the same raw; rescale it to Q0.31.
    return rescale(x, 1, 0);
}

constexpr int count_leading_zeros(std::uint32_t x) noexcept { return std::countl_zero(x); }  // CLZ on Arm

struct reciprocal {
    std::int32_t scale;     // Q0.31
    int num_bits_over_unit;
};

// 1 / x for x a positive raw with `integer_digits` integer bits (TFLite's GetReciprocal).
constexpr reciprocal get_reciprocal(std::int32_t x, int integer_digits) noexcept {
    const int headroom_plus_one = count_leading_zeros(static_cast<std::uint32_t>(x));
    const auto shifted_minus_one = static_cast<std::int32_t>(
        (static_cast<std::uint32_t>(x) << headroom_plus_one) - (std::uint32_t{1} << 31));
    return {one_over_one_plus_x_for_x_in_0_1(shifted_minus_one), integer_digits - headroom_plus_one};
}

}  // namespace ctnn::fixed
