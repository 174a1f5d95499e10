// TFLite's int16 sigmoid and tanh (reference_integer_ops::Logistic / Tanh, int16 branch): a
// 256-entry table of sigmoid over [0, 10.7) in steps of 1/24, read with linear interpolation;
// tanh(x) = 2 sigmoid(2x) - 1 reads the same table at twice the resolution. The input is scaled
// by `multiplier` (3 << left_shift when the caller passes 0: the power-of-two case) and rounded
// right by `left_shift`, as TFLite does. The LSTM's gates (Q3.12 in, Q0.15 out) and its cell
// state's tanh use these.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/reference/logistic_tanh_s16.hpp"

namespace ctnn::kernels {

// The table is logistic_tanh_s16.hpp's, built at compile time (the same one LOGISTIC and TANH
// int16 read: one object in flash).
inline constexpr const std::array<std::uint16_t, 256>& sigmoid_table_u16 = sigmoid_s16_table;

struct s16_activation_scaling {
    std::int32_t multiplier = 0;  // 0: 3 << left_shift
    int left_shift = 0;
};

namespace detail {
constexpr std::int32_t scale_s16_input(std::int16_t x, s16_activation_scaling s) noexcept {
    std::int32_t m = s.multiplier;
    int shift = s.left_shift;
    if (m == 0) {
        m = 3 << shift;
        shift = 0;
    }
    const std::int32_t round = shift > 0 ? std::int32_t{1} << (shift - 1) : 0;
    return (std::int32_t{x} * m + round) >> shift;
}
}  // namespace detail

// Q0.15 sigmoid.
constexpr std::int16_t lstm_sigmoid_s16(std::int16_t x, s16_activation_scaling s = {}) noexcept {
    const std::int32_t v = detail::scale_s16_input(x, s);
    const std::uint32_t a = static_cast<std::uint32_t>(v < 0 ? -v : v);
    const std::uint32_t uh = a >> 9;
    std::uint32_t result;
    if (uh >= 255) {
        result = std::uint32_t{0x7FFF} << 10;
    } else {
        const std::uint32_t ua = sigmoid_table_u16[uh], ub = sigmoid_table_u16[uh + 1];
        result = (ua << 9) + (a & 0x1ff) * (ub - ua);
    }
    result = v >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
    return static_cast<std::int16_t>(result >> 10);
}

// Q0.15 tanh.
constexpr std::int16_t lstm_tanh_s16(std::int16_t x, s16_activation_scaling s = {}) noexcept {
    const std::int32_t v = detail::scale_s16_input(x, s);
    const std::uint32_t a = static_cast<std::uint32_t>(v < 0 ? -v : v);
    const std::uint32_t uh = a >> 8;
    std::int32_t result;
    if (uh >= 255) {
        result = 0xFFFF << 8;
    } else {
        const std::uint32_t ua = sigmoid_table_u16[uh], ub = sigmoid_table_u16[uh + 1];
        result = static_cast<std::int32_t>((ua << 8) + (a & 0xff) * (ub - ua));
    }
    result = v >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
    return static_cast<std::int16_t>(result >> 8);
}

}  // namespace ctnn::kernels
