// Requantization of a whole row of int32 accumulators (one per output channel) in one pass
// that compilers vectorise, with every per-channel constant derived at compile time.
//
// The reference computes, per channel (multiplier m in [0, 2^31), shift = left - right):
//   x = acc * 2^left (wrapping), high = (x * m + 2^30) >> 31, r = RoundingDivideByPOT(high, right)
// RoundingDivideByPOT rounds half away from zero: for right = e >= 1 it is
//   floor((high + 2^(e-1) - [high < 0]) / 2^e), and [high < 0] may be replaced by [x < 0] (when
//   x < 0 <= high, high is 0 and both forms give 0). Nested floors of integer divisions merge, so
//   r = floor((x * m + 2^30 + 2^(e-1) * 2^31 - [x < 0] * 2^31) / 2^(31 + e))    (e = 0: no 2^(e-1)
//   and no sign term). To stay in unsigned arithmetic (what SSE2/AVX2 multiply and shift), write
//   x = u - 2^31 with u = x ^ 2^31 in [0, 2^32), [x < 0] * 2^31 = 2^31 - (u & 2^31), and add
//   B = 2^62 (a multiple of 2^(31 + e)) so the dividend is never negative:
//   r = ((u * m + offset + (u & keep)) >> (31 + e)) - 2^(31 - e), with compile-time
//   offset = B - 2^31 * m + 2^30 + 2^(e-1) * 2^31 - keep and keep = e > 0 ? 2^31 : 0.
// Bounds: u * m < 2^63 and offset < 2^63, so the sum fits in 64 bits; the result fits int32, so
// the 2^(31 - e) correction and the output zero point fold into one modular 32-bit add.
// Exact for every int32 accumulator (tests/kernels compare it with multiply_by_quantized_multiplier).
//
// 32-bit targets (the Cortex-M firmware path) keep the per-element requantize(): less flash,
// and no 64-bit vector lanes to gain from.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::portable::detail {

inline constexpr bool row_requantization = sizeof(void*) >= 8;

template <int N>
struct requant_table {
    std::array<std::uint32_t, N> left{};        // 2^left (the wrapping left shift as a multiply)
    std::array<std::uint32_t, N> multiplier{};
    std::array<std::uint32_t, N> keep{};        // 2^31 when right > 0, else 0
    std::array<std::uint64_t, N> offset{};
    std::array<std::uint64_t, N> shift{};       // 31 + right
    std::array<std::uint32_t, N> zero{};        // zp_out - 2^(31 - right), modulo 2^32
    bool any_left = false;
};

constexpr void set_requant_entry(std::uint32_t& left, std::uint32_t& multiplier, std::uint32_t& keep,
                                 std::uint64_t& offset, std::uint64_t& shift, std::uint32_t& zero,
                                 quantized_multiplier q, std::int32_t zero_point) noexcept {
    const int l = q.shift > 0 ? q.shift : 0;
    const int e = q.shift > 0 ? 0 : -q.shift;
    const auto m = static_cast<std::uint32_t>(q.multiplier);
    left = std::uint32_t{1} << l;
    multiplier = m;
    keep = e > 0 ? 0x80000000u : 0u;
    const std::uint64_t half = e > 0 ? std::uint64_t{1} << (e - 1) : 0;
    offset = (std::uint64_t{1} << 62) - (std::uint64_t{m} << 31) + (std::uint64_t{1} << 30) + (half << 31) - keep;
    shift = static_cast<std::uint64_t>(31 + e);
    zero = static_cast<std::uint32_t>(zero_point) - static_cast<std::uint32_t>(std::uint64_t{1} << (31 - e));
}

// Q: anything indexable by channel giving a quantized_multiplier (array, pointer); Count: how
// many entries it has (1 = one multiplier for every channel).
template <int N, class Q>
constexpr requant_table<N> make_requant_table(const Q& q, int count, std::int32_t zero_point) noexcept {
    requant_table<N> t{};
    for (int c = 0; c < N; ++c) {
        const quantized_multiplier m = q[count == 1 ? 0 : c];
        set_requant_entry(t.left[c], t.multiplier[c], t.keep[c], t.offset[c], t.shift[c], t.zero[c], m, zero_point);
        t.any_left = t.any_left || m.shift > 0;
    }
    return t;
}

// One value: out = clamp(MBQM(acc, q[c]) + zp_out, Lo, Hi) with the constants of entry c (entry 0
// when the table has a single entry).
template <const auto& T, std::int32_t Lo, std::int32_t Hi>
inline std::int8_t requantize_one(std::int32_t acc, int channel) noexcept {
    const int c = T.multiplier.size() == 1 ? 0 : channel;
    auto x = static_cast<std::uint32_t>(acc);
    if constexpr (T.any_left) x *= T.left[c];
    const std::uint32_t u = x ^ 0x80000000u;
    const std::uint64_t p = std::uint64_t{u} * T.multiplier[c] + T.offset[c] + (u & T.keep[c]);
    const auto v = static_cast<std::int32_t>(static_cast<std::uint32_t>(p >> T.shift[c]) + T.zero[c]);
    return static_cast<std::int8_t>(v < Lo ? Lo : (v > Hi ? Hi : v));
}

// A row: out[c] = requantize_one(acc[c], first + c) for c in [0, N), one pass the compilers
// vectorise.
template <int N, const auto& T, std::int32_t Lo, std::int32_t Hi>
inline void requantize_row(const std::int32_t* __restrict acc, std::int8_t* __restrict out, int first = 0) noexcept {
    for (int c = 0; c < N; ++c) out[c] = requantize_one<T, Lo, Hi>(acc[c], first + c);
}

}  // namespace ctnn::kernels::portable::detail
