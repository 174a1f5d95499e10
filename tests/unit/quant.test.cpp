// Fixed-point core and multiplier derivation: hand-checked values and TFLite's edge cases.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_math.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

using namespace ctnn;
constexpr std::int32_t int32_min = std::numeric_limits<std::int32_t>::min();
constexpr std::int32_t int32_max = std::numeric_limits<std::int32_t>::max();

// Everything here is constexpr: the same facts hold at compile time.
static_assert(saturating_rounding_doubling_high_mul(int32_min, int32_min) == int32_max);
static_assert(quantize_multiplier(0.5) == quantized_multiplier{1 << 30, 0});

TEST_CASE("saturating_rounding_doubling_high_mul: (a*b*2) / 2^32 with gemmlowp's rounding") {
    CHECK(saturating_rounding_doubling_high_mul(int32_min, int32_min) == int32_max);  // the one overflow
    CHECK(saturating_rounding_doubling_high_mul(int32_min, int32_max) == -int32_max);
    // 2^30 * 2^30 * 2 / 2^32 = 2^29 exactly.
    CHECK(saturating_rounding_doubling_high_mul(1 << 30, 1 << 30) == 1 << 29);
    CHECK(saturating_rounding_doubling_high_mul(-(1 << 30), 1 << 30) == -(1 << 29));
    // 1 * 2^30 * 2 / 2^32 = +0.5 rounds up to 1, and -0.5 rounds to 0: the nudge makes ties go
    // toward +infinity (1 - 2^31 truncated by C division is 0).
    CHECK(saturating_rounding_doubling_high_mul(1, 1 << 30) == 1);
    CHECK(saturating_rounding_doubling_high_mul(-1, 1 << 30) == 0);
    // -1.5: (-3 * 2^30 + 1 - 2^30) / 2^31 = -1.99.. -> -1.
    CHECK(saturating_rounding_doubling_high_mul(-3, 1 << 30) == -1);
    CHECK(saturating_rounding_doubling_high_mul(3, 1 << 30) == 2);  // +1.5 -> 2
    CHECK(saturating_rounding_doubling_high_mul(0, int32_min) == 0);
}

TEST_CASE("rounding_divide_by_pot: ties away from zero, negative numbers included") {
    CHECK(rounding_divide_by_pot(3, 1) == 2);     // 1.5 -> 2
    CHECK(rounding_divide_by_pot(-3, 1) == -2);   // -1.5 -> -2
    CHECK(rounding_divide_by_pot(-5, 2) == -1);   // -1.25 -> -1
    CHECK(rounding_divide_by_pot(-6, 2) == -2);   // -1.5 -> -2
    CHECK(rounding_divide_by_pot(-7, 2) == -2);   // -1.75 -> -2
    CHECK(rounding_divide_by_pot(5, 2) == 1);     // 1.25 -> 1
    CHECK(rounding_divide_by_pot(6, 2) == 2);     // 1.5 -> 2
    CHECK(rounding_divide_by_pot(12345, 0) == 12345);
    CHECK(rounding_divide_by_pot(int32_min, 31) == -1);
    CHECK(rounding_divide_by_pot(int32_max, 31) == 1);  // 0.99999 -> 1
    CHECK(rounding_divide_by_pot(-(1 << 30), 31) == -1);  // -0.5 -> -1
    CHECK(rounding_divide_by_pot((1 << 30) - 1, 31) == 0);
}

TEST_CASE("multiply_by_quantized_multiplier over shifts from -31 to +30") {
    constexpr std::int32_t half = 1 << 30;  // 0.5 in Q0.31
    CHECK(multiply_by_quantized_multiplier(100, half, 1) == 100);   // 100 * 0.5 * 2
    CHECK(multiply_by_quantized_multiplier(100, half, 0) == 50);
    CHECK(multiply_by_quantized_multiplier(100, half, -1) == 25);
    CHECK(multiply_by_quantized_multiplier(100, half, -3) == 6);   // 6.25
    CHECK(multiply_by_quantized_multiplier(-100, half, -3) == -6);  // -6.25
    CHECK(multiply_by_quantized_multiplier(-100, half, -4) == -3);  // -3.125
    CHECK(multiply_by_quantized_multiplier(-20, half, -3) == -1);   // -1.25
    CHECK(multiply_by_quantized_multiplier(-12, half, -3) == -1);   // -0.75 -> -1
    CHECK(multiply_by_quantized_multiplier(-24, half, -3) == -2);   // -1.5 -> -2 (away from zero)
    CHECK(multiply_by_quantized_multiplier(1, half, 30) == 1 << 29);
    // (2^31 - 1) * 0.5 = 2^30 - 0.5 rounds up to 2^30; / 2^31 = 0.5 rounds away from zero to 1.
    CHECK(multiply_by_quantized_multiplier(int32_max, half, -31) == 1);
    CHECK(multiply_by_quantized_multiplier((1 << 30) - 2, half, -31) == 0);  // just under one half
    CHECK(multiply_by_quantized_multiplier(int32_max, int32_max, -31) == 1);  // 0.99999.. -> 1
    for (int shift = -31; shift <= 30; ++shift) {
        // 2^20 * 0.5 * 2^shift, exact while it is an integer and fits.
        const double expected = std::ldexp(1.0, 19 + shift);
        const std::int32_t got = multiply_by_quantized_multiplier(1 << 20, half, shift);
        if (19 + shift >= 0 && shift <= 10) {  // beyond 10 the left shift of 2^20 wraps, as in TFLite
            CHECK(got == static_cast<std::int32_t>(expected));
        } else if (19 + shift < -1) {
            CHECK(got == 0);  // below one half: rounds to zero
        }
    }
}

TEST_CASE("saturating narrowing casts") {
    CHECK(saturate_to_int8(127) == 127);
    CHECK(saturate_to_int8(128) == 127);
    CHECK(saturate_to_int8(-129) == -128);
    CHECK(saturate_to_int8(int32_min) == -128);
    CHECK(saturate_to_int16(40000) == 32767);
    CHECK(saturate_to_int16(-40000) == -32768);
    CHECK(saturate_to_int32(std::int64_t{1} << 40) == int32_max);
    CHECK(saturate_to_int32(-(std::int64_t{1} << 40)) == int32_min);
}

TEST_CASE("quantize_multiplier reproduces QuantizeMultiplier, including the 2^31 edge") {
    CHECK(quantize_multiplier(0.0) == quantized_multiplier{0, 0});
    CHECK(quantize_multiplier(0.5) == quantized_multiplier{1 << 30, 0});
    CHECK(quantize_multiplier(1.0) == quantized_multiplier{1 << 30, 1});
    CHECK(quantize_multiplier(0.75) == quantized_multiplier{1610612736, 0});  // 0.75 * 2^31
    CHECK(quantize_multiplier(3.0) == quantized_multiplier{1610612736, 2});
    // 1 - 2^-33: frexp gives itself; times 2^31 it is 2^31 - 1/4, which rounds to 2^31 and is
    // folded into the exponent.
    CHECK(quantize_multiplier(1.0 - std::ldexp(1.0, -33)) == quantized_multiplier{1 << 30, 1});
    CHECK(quantize_multiplier(0.5 - std::ldexp(1.0, -34)) == quantized_multiplier{1 << 30, 0});
    // Too small to represent: flushed to zero.
    CHECK(quantize_multiplier(std::ldexp(1.0, -40)) == quantized_multiplier{0, 0});
    CHECK(quantize_multiplier(std::ldexp(1.0, -32)) == quantized_multiplier{1 << 30, -31});
    // Agrees with std::frexp on awkward values.
    for (double d : {0.0787253976, 1e-6, 0.3333333333, 123.456, 0.0039215689}) {
        int e = 0;
        const double q = std::frexp(d, &e);
        auto fixed = static_cast<std::int64_t>(std::round(q * 2147483648.0));
        if (fixed == (std::int64_t{1} << 31)) {
            fixed /= 2;
            ++e;
        }
        CHECK(quantize_multiplier(d) == quantized_multiplier{static_cast<std::int32_t>(fixed), e});
    }
}

TEST_CASE("per-tensor fully connected multiplies the scales in float, convolution in double") {
    // s_in * s_w in float differs from the double product in the last bits for these values;
    // both derivations must be the ones TFLite uses.
    const float s_in = 0.0802361593f, s_w = 0.00731812f, s_out = 0.14469251f;
    const auto fc = per_tensor_fc_multiplier(s_in, s_w, s_out);
    const auto expect_fc = quantize_multiplier(static_cast<double>(s_in * s_w) / static_cast<double>(s_out));
    CHECK(fc == expect_fc);
    const float scales[1] = {s_w};
    const auto conv = per_channel_multipliers<2>(s_in, scales, s_out);
    const auto expect_conv = quantize_multiplier(double(s_in) * double(s_w) / double(s_out));
    CHECK(conv[0] == expect_conv);
    CHECK(conv[1] == expect_conv);  // a single scale is broadcast
}

TEST_CASE("activation ranges follow CalculateActivationRangeQuantized") {
    CHECK(act::none::range(0.1f, 5).min == -128);
    CHECK(act::relu::range(0.1f, -128).min == -128);
    CHECK(act::relu::range(0.1f, 3).min == 3);
    // relu6 with scale 6/255 and zp -128: 6 / (6/255) = 255 -> 127.
    CHECK(act::relu6::range(6.0f / 255.0f, -128).max == 127);
    CHECK(act::relu6::range(0.05f, -10).max == 110);   // -10 + 120
    CHECK(act::relu6::range(0.5f, 100).max == 112);    // min(127, 100 + 12)
    CHECK(act::relu_n1_to_1::range(0.25f, 0).min == -4);
    CHECK(act::relu_n1_to_1::range(0.25f, 0).max == 4);
}

TEST_CASE("softmax fixed-point constants are the rounded real values") {
    for (int k = 0; k < 7; ++k) {
        const double real = std::exp(-std::ldexp(1.0, k - 2));
        CHECK(fixed::exp_of_minus_pot[k] == static_cast<std::int32_t>(std::round(real * 2147483648.0)));
    }
    CHECK(fixed::exp_minus_one_eighth == static_cast<std::int32_t>(std::round(std::exp(-0.125) * 2147483648.0)));
    CHECK(fixed::one_third == static_cast<std::int32_t>(std::round(2147483648.0 / 3.0)));
    CHECK(fixed::forty_eight_over_17_q2 == static_cast<std::int32_t>(std::round(48.0 / 17.0 * 536870912.0)));
    CHECK(fixed::minus_thirty_two_over_17_q2 == static_cast<std::int32_t>(std::round(-32.0 / 17.0 * 536870912.0)));
}

TEST_CASE("fixed-point exp and reciprocal are accurate") {
    for (double x = -15.9; x <= 0.0; x += 0.37) {
        const auto raw = static_cast<std::int32_t>(std::round(x * (1 << 26)));  // Q5.26
        const double got = fixed::exp_on_negative_values(raw, 5) / 2147483648.0;
        CHECK(std::abs(got - std::exp(raw / double(1 << 26))) < 1e-6);
    }
    CHECK(fixed::exp_on_negative_values(0, 5) == fixed::one_q0);
    for (double x = 0.0; x < 1.0; x += 0.0625) {
        const auto raw = static_cast<std::int32_t>(x * 2147483648.0);
        const double got = fixed::one_over_one_plus_x_for_x_in_0_1(raw) / 2147483648.0;
        CHECK(std::abs(got - 1.0 / (1.0 + x)) < 1e-6);
    }
}
