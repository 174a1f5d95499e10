// SOFTMAX int8 -> int8 (output scale 1/256, zero point -128), derived at compile time from
// beta and the input scale exactly as TFLite's Prepare does (5 integer bits for the scaled
// difference, in double).
#pragma once

#include <cstdint>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

struct softmax_params {
    int rows = 1;
    int depth = 1;
    std::int32_t input_multiplier = 0;
    int input_left_shift = 0;
    std::int32_t diff_min = 0;

    friend constexpr bool operator==(const softmax_params&, const softmax_params&) = default;
};

inline constexpr int softmax_scaled_diff_integer_bits = 5;

// beta * s_in * 2^26 in double, capped at 2^31 - 1: the real input multiplier.
constexpr double softmax_input_real(float beta, float input_scale) noexcept {
    constexpr int bits = softmax_scaled_diff_integer_bits;
    const double real = static_cast<double>(beta) * static_cast<double>(input_scale) * double(1 << (31 - bits));
    constexpr double cap = double((std::int64_t{1} << 31) - 1);
    return real > cap ? cap : real;
}

// TFLite derives the input multiplier with QuantizeMultiplierGreaterThanOne, which needs the
// real multiplier above 1: beta * s_in > 2^-26 (so a left shift, never a right one). beta must
// also be finite (an infinite beta would be capped, not rejected).
constexpr bool softmax_beta_in_range(float beta, float input_scale) noexcept {
    return beta > 0.0f && beta <= 3.40282347e38f && softmax_input_real(beta, input_scale) > 1.0;
}

constexpr softmax_params make_softmax_params(int rows, int depth, float beta, float input_scale) noexcept {
    constexpr int bits = softmax_scaled_diff_integer_bits;
    const quantized_multiplier q = quantize_multiplier(softmax_input_real(beta, input_scale));
    // The largest input difference that still matters, rescaled: floor(31 * 2^26 / 2^shift).
    const double radius = double((1 << bits) - 1) * double(std::int64_t{1} << (31 - bits)) /
                          double(std::int64_t{1} << q.shift);
    const auto floor_radius = static_cast<std::int32_t>(radius);  // radius >= 0: truncation is floor
    return {rows, depth, q.multiplier, q.shift, -floor_radius};
}

}  // namespace ctnn::kernels
