// gemmlowp's fixed-point logistic, tanh and log, and TFLite's inverse square root
// (GetInvSqrtQuantizedMultiplierExp), on raw int32 values as in fixed_point_math.hpp: a value
// with I integer bits is a raw r meaning r * 2^(I - 31). Raw additions wrap, as the
// reference's do; products are saturating rounding doubling high multiplies.
#pragma once

#include <cstdint>
#include <limits>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_math.hpp"

namespace ctnn::fixed {

inline constexpr std::int32_t sqrt_half_q0 = 1518500250;  // sqrt(1/2)

// (1 - x) / (1 + x) for x in [0, 1), Q0.31 in and out: Newton-Raphson in Q2.29, as gemmlowp.
constexpr std::int32_t one_minus_x_over_one_plus_x_for_x_in_0_1(std::int32_t a) noexcept {
    const std::int32_t half_denominator = rounding_half_sum(a, one_q0);
    std::int32_t x = add(forty_eight_over_17_q2, mul(half_denominator, minus_thirty_two_over_17_q2));
    constexpr std::int32_t one_q2 = std::int32_t{1} << 29;
    for (int i = 0; i < 3; ++i) {
        const std::int32_t one_minus = sub(one_q2, mul(half_denominator, x));
        x = add(x, rescale(mul(x, one_minus), 4, 2));
    }
    return rescale(sub(x, one_q2), 2, 0);
}

// 1 / (1 + e^-a) for a raw a with `integer_bits` integer bits; Q0.31 result.
constexpr std::int32_t logistic(std::int32_t a, int integer_bits) noexcept {
    const std::int32_t abs_a = a > 0 ? a : sub(0, a);
    const std::int32_t positive = one_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(sub(0, abs_a), integer_bits));
    const std::int32_t negative = sub(one_q0, positive);
    if (a == 0) return std::int32_t{1} << 30;  // 1/2
    return a > 0 ? positive : negative;
}

// tanh(a) for a raw a with `integer_bits` integer bits; Q0.31 result. exp(-2|a|) is the same
// raw read with one more integer bit.
constexpr std::int32_t tanh(std::int32_t a, int integer_bits) noexcept {
    const std::int32_t minus_abs = a < 0 ? a : sub(0, a);
    const std::int32_t t = one_minus_x_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(minus_abs, integer_bits + 1));
    if (a == 0) return 0;
    return a < 0 ? sub(0, t) : t;
}

// Saturating int32 addition and subtraction (TFLite's SaturatingAddNonGemmlowp, SaturatingSub).
constexpr std::int32_t saturating_add(std::int32_t a, std::int32_t b) noexcept { return saturate_to_int32(std::int64_t{a} + b); }
constexpr std::int32_t saturating_sub(std::int32_t a, std::int32_t b) noexcept { return saturate_to_int32(std::int64_t{a} - b); }

// log(x) for x >= 1 given as a raw with `input_integer_bits` integer bits; the result has
// `output_integer_bits` integer bits (TFLite's log_x_for_x_greater_than_or_equal_to_1_impl).
constexpr std::int32_t log_x_for_x_at_least_1(std::int32_t x, int input_integer_bits, int output_integer_bits) noexcept {
    const int accum_bits = output_integer_bits + 1;
    constexpr std::int32_t log_2 = 1488522236, sqrt_sqrt_half = 1805811301, one_quarter = 536870912;
    constexpr std::int32_t alpha_n = 117049297, alpha_d = 127690142, alpha_i = 1057819769, alpha_f = 638450708;
    const std::int32_t shifted_quarter = rescale(one_quarter, 0, accum_bits);

    // x read as Q0.31, normalised two ways (by itself and premultiplied by sqrt(1/2)).
    const int z_a_headroom_plus_1 = count_leading_zeros(static_cast<std::uint32_t>(x));
    const std::int32_t r_a_tmp = multiply_by_pot(x, z_a_headroom_plus_1 - 1);
    const std::int32_t r_a = multiply_by_pot(mul(r_a_tmp, sqrt_half_q0), 1);
    const std::int32_t z_a_pow_2_adj =
        saturating_add(multiply_by_pot(input_integer_bits - z_a_headroom_plus_1, 31 - accum_bits), shifted_quarter);
    const std::int32_t z_b = mul(x, sqrt_half_q0);
    const int z_b_headroom = count_leading_zeros(static_cast<std::uint32_t>(z_b)) - 1;
    const std::int32_t r_b = multiply_by_pot(x, z_b_headroom);
    const std::int32_t z_b_pow_2_adj =
        saturating_sub(multiply_by_pot(input_integer_bits - z_b_headroom, 31 - accum_bits), shifted_quarter);

    const std::int32_t r = r_a < r_b ? r_a : r_b;
    const std::int32_t z_pow_2_adj = z_a_pow_2_adj > z_b_pow_2_adj ? z_a_pow_2_adj : z_b_pow_2_adj;

    const std::int32_t p = rounding_half_sum(r, sqrt_sqrt_half);
    std::int32_t q = sub(r, sqrt_sqrt_half);
    q = add(q, q);
    const std::int32_t common_sq = mul(q, q);
    const std::int32_t num = add(mul(q, r), mul(mul(q, common_sq), alpha_n));
    const std::int32_t denom_minus_one = add(mul(p, add(add(alpha_i, q), mul(alpha_d, common_sq))), mul(alpha_f, q));
    const std::int32_t recip_denom = one_over_one_plus_x_for_x_in_0_1(denom_minus_one);
    const std::int32_t num_scaled = rescale(num, 0, accum_bits);
    return rescale(add(mul(z_pow_2_adj, log_2), mul(num_scaled, recip_denom)), accum_bits, output_integer_bits);
}

// 1 / sqrt(x) as a multiplier and a shift (TFLite's GetInvSqrtQuantizedMultiplierExp, with
// reverse_shift = -1: the shift returned is a left shift, <= 0). x >= 0; 0 and 1 give the
// largest multiplier.
struct inv_sqrt_multiplier {
    std::int32_t multiplier;
    int shift;
};
constexpr inv_sqrt_multiplier inv_sqrt(std::int32_t x) noexcept {
    if (x <= 1) return {std::numeric_limits<std::int32_t>::max(), 0};
    int shift = 11;
    while (x >= (1 << 29)) {
        x /= 4;
        ++shift;
    }
    const unsigned max_left_shift_bit_pairs = static_cast<unsigned>(count_leading_zeros(static_cast<std::uint32_t>(x)) - 1) / 2;
    const unsigned left_shift_bit_pairs = max_left_shift_bit_pairs - 1;
    shift -= static_cast<int>(left_shift_bit_pairs);
    x = static_cast<std::int32_t>(static_cast<std::uint32_t>(x) << (2 * left_shift_bit_pairs));
    // Newton-Raphson in Q3.28 from 1.
    const std::int32_t input_q3 = x >> 1;
    const std::int32_t half_input = multiply_by_pot(input_q3, -1);
    constexpr std::int32_t half_three = (1 << 28) + (1 << 27);
    std::int32_t y = 1 << 28;
    for (int i = 0; i < 5; ++i) {
        const std::int32_t y3 = rescale(mul(mul(y, y), y), 9, 3);
        y = rescale(sub(mul(half_three, y), mul(half_input, y3)), 6, 3);
    }
    std::int32_t m = mul(y, sqrt_half_q0);
    if (shift < 0) {
        m = static_cast<std::int32_t>(static_cast<std::uint32_t>(m) << -shift);
        shift = 0;
    }
    return {m, -shift};
}

}  // namespace ctnn::fixed
