// Shared pieces of the portable kernels: the requantization epilogue and constant fill rows.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::portable::detail {

// MBQM, + output zero point, clamp: the last step of every convolution. Same arithmetic as
// multiply_by_quantized_multiplier minus its INT32_MIN * INT32_MIN saturation test, which can
// never fire here: quantized multipliers are in [0, 2^31).
inline std::int8_t requantize(std::int32_t acc, const quantized_multiplier& q, std::int32_t zero_point,
                              std::int32_t lo, std::int32_t hi) noexcept {
    const int left = q.shift > 0 ? q.shift : 0;
    const int right = q.shift > 0 ? 0 : -q.shift;
    const auto x = static_cast<std::int32_t>(static_cast<std::uint32_t>(acc) << left);
    const std::int64_t ab = std::int64_t{x} * q.multiplier;
    // The reference's nudge-and-truncate, as one shift (see saturating_rounding_doubling_high_mul).
    const auto high = static_cast<std::int32_t>((ab + (std::int64_t{1} << 30)) >> 31);
    const std::int32_t scaled = rounding_divide_by_pot(high, right);
    return static_cast<std::int8_t>(clamp(scaled + zero_point, lo, hi));
}

// N copies of one value. A tap in the padding reads this row instead of the input: the value
// is the input zero point, which contributes nothing once zp_in is folded into the bias.
template <int N, std::int32_t Value>
inline constexpr std::array<std::int8_t, N> filled_row = [] {
    std::array<std::int8_t, N> row{};
    for (auto& v : row) v = static_cast<std::int8_t>(Value);
    return row;
}();

constexpr int round_up(int value, int multiple) noexcept { return (value + multiple - 1) / multiple * multiple; }

}  // namespace ctnn::kernels::portable::detail
