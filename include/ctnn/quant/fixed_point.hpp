// Fixed-point primitives with TFLite's int8 reference semantics (double rounding).
// Every function is constexpr so the same code runs in kernels and at compile time.
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

namespace ctnn {

// (a * b * 2) / 2^32, rounded to nearest with ties toward +infinity; the one overflowing case,
// INT32_MIN * INT32_MIN, saturates to INT32_MAX.
//
// The reference adds a nudge of 2^30 (or 1 - 2^30 when ab < 0) and divides by 2^31 truncating
// toward zero. For ab < 0 that truncation is a ceiling, and ceil((ab + 1 - 2^30) / 2^31) ==
// floor((ab + 2^30) / 2^31), so both signs reduce to one arithmetic shift: the same bits with
// no branch, which keeps an inference's instruction count independent of its data.
constexpr std::int32_t saturating_rounding_doubling_high_mul(std::int32_t a, std::int32_t b) noexcept {
    const bool overflow = (a == b) & (a == std::numeric_limits<std::int32_t>::min());
    const std::int64_t ab = std::int64_t{a} * std::int64_t{b};
    const auto high = static_cast<std::int32_t>((ab + (std::int64_t{1} << 30)) >> 31);
    return overflow ? std::numeric_limits<std::int32_t>::max() : high;
}

// x / 2^exponent rounded to nearest, ties away from zero (0 <= exponent <= 31).
constexpr std::int32_t rounding_divide_by_pot(std::int32_t x, int exponent) noexcept {
    const std::int32_t mask = static_cast<std::int32_t>((std::int64_t{1} << exponent) - 1);
    const std::int32_t remainder = x & mask;
    const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

// x * 2^exponent, saturated to int32 (gemmlowp's SaturatingRoundingMultiplyByPOT, exponent >= 0).
constexpr std::int32_t saturating_left_shift(std::int32_t x, int exponent) noexcept {
    const std::int64_t wide = std::int64_t{x} * (std::int64_t{1} << exponent);
    if (wide > std::numeric_limits<std::int32_t>::max()) return std::numeric_limits<std::int32_t>::max();
    if (wide < std::numeric_limits<std::int32_t>::min()) return std::numeric_limits<std::int32_t>::min();
    return static_cast<std::int32_t>(wide);
}

// x * multiplier * 2^shift with multiplier a Q0.31 value: TFLite's MultiplyByQuantizedMultiplier.
// A positive shift is applied before the multiply (it may wrap, exactly as the reference does),
// a negative one after it, with rounding.
constexpr std::int32_t multiply_by_quantized_multiplier(std::int32_t x, std::int32_t multiplier, int shift) noexcept {
    const int left = shift > 0 ? shift : 0;
    const int right = shift > 0 ? 0 : -shift;
    const auto shifted = static_cast<std::int32_t>(static_cast<std::uint32_t>(x) << left);
    return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, multiplier), right);
}

// TFLite's MultiplyByQuantizedMultiplier on an int64 accumulator (the 16x8 kernels): the
// multiplier rounded to Q0.15 first (0x7FFF at the top), then one rounding shift by 15 - shift.
// Defined for shift <= 14 and |x| < 2^47 (the layers prove both); the int32 result wraps, as
// the reference's cast does.
constexpr std::int32_t multiply_by_quantized_multiplier_s64(std::int64_t x, std::int32_t multiplier, int shift) noexcept {
    const std::int64_t reduced = multiplier < 0x7FFF0000 ? (std::int64_t{multiplier} + (1 << 15)) >> 16 : 0x7FFF;
    const int total_shift = 15 - shift;
    const std::int64_t round = std::int64_t{1} << (total_shift - 1);
    return static_cast<std::int32_t>((x * reduced + round) >> total_shift);
}

// The 16x8 kernels' output step (TFLite's int16 convolutions and fully connected): the
// accumulator requantized at its own width, int32 (an int32 bias) or int64 (an int64 bias, or
// none), then clamped; int16 outputs have no zero point to add.
template <class Acc>
constexpr std::int16_t requantize_16x8(Acc acc, std::int32_t multiplier, int shift, std::int32_t lo, std::int32_t hi) noexcept {
    static_assert(std::is_same_v<Acc, std::int32_t> || std::is_same_v<Acc, std::int64_t>, "ctnn: a 16x8 accumulator is int32 or int64");
    std::int32_t scaled = 0;
    if constexpr (std::is_same_v<Acc, std::int64_t>) {
        scaled = multiply_by_quantized_multiplier_s64(acc, multiplier, shift);
    } else {
        scaled = multiply_by_quantized_multiplier(acc, multiplier, shift);
    }
    return static_cast<std::int16_t>(scaled < lo ? lo : (scaled > hi ? hi : scaled));
}

// Saturating narrowing casts.
constexpr std::int8_t saturate_to_int8(std::int32_t x) noexcept {
    return static_cast<std::int8_t>(x < -128 ? -128 : (x > 127 ? 127 : x));
}
constexpr std::int16_t saturate_to_int16(std::int32_t x) noexcept {
    return static_cast<std::int16_t>(x < -32768 ? -32768 : (x > 32767 ? 32767 : x));
}
constexpr std::int32_t saturate_to_int32(std::int64_t x) noexcept {
    constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t hi = std::numeric_limits<std::int32_t>::max();
    return static_cast<std::int32_t>(x < lo ? lo : (x > hi ? hi : x));
}

constexpr std::int32_t clamp(std::int32_t x, std::int32_t lo, std::int32_t hi) noexcept {
    return x < lo ? lo : (x > hi ? hi : x);
}

}  // namespace ctnn
