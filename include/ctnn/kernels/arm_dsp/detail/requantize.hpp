// Requantization for the Arm kernels: TFLite's double-rounding MBQM + output zero point + clamp,
// from per-channel constants prepared at compile time, in about six instructions per output.
//
// With x = acc << left and e = max(-shift, 0), TFLite computes
//   h = SRDHM(x, m) = (x * m + 2^30) >> 31 (floor; the truncating division the reference writes
//       equals this floor for both signs), then RDBPOT(h, e) = (h + 2^(e-1) - (h < 0)) >> e.
// Here SMMLAR(2x, m, c) = c + ((2x * m + 2^31) >> 32) = c + h, so with
//   c = K + corr, K = 2^(e-1) + zp_out * 2^e, corr = (x < 0 ? -1 : 0) when e > 0
// one arithmetic shift by e gives RDBPOT(h, e) + zp_out. Using the sign of x (= sign of acc)
// instead of h is exact: they differ only when h == 0, where (K - 1) >> e == K >> e.
// 2x = acc << (left + 1) must not overflow, nor h + K: checked per channel at compile time from
// a bound on |acc|; layers that fail the check (or have a zero multiplier) take the plain
// reference arithmetic.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/zero_point_folding.hpp"  // channel_weights
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::arm_dsp::detail {

// Compile-time facts that select the instruction sequence (part of a kernel's template key).
struct requant_mode {
    bool fast = true;             // every channel passed the overflow check
    bool any_left = false;        // some shift > 0: shift the accumulator left first
    bool any_unshifted = false;   // some shift >= 0 (e == 0): the sign correction is masked
    bool sign_free = false;       // act_min >= zp_out: no sign correction needed (see below)
    std::int32_t act_min = -128, act_max = 127;

    friend constexpr bool operator==(const requant_mode&, const requant_mode&) = default;
};

// One channel's constants: fast mode {m, K, e, left + 1, mask}; otherwise {m, zp_out, shift, -, -}.
struct requant_entry {
    std::int32_t mult = 0, add = 0, right = 0, left = 0, mask = 0;
};

template <int N>
struct requant_table {
    requant_mode mode;
    std::array<requant_entry, N> entry{};
};

// The accumulator of a channel lies in [center - spread, center + spread].
struct acc_range {
    std::int64_t center, spread;
};

// Channel c's accumulator range, before the input zero point is folded in: the bias, plus the
// largest |x - zp_in| (an int8 input) times the sum of the channel's |weights| (laid out as l).
template <class W, class B>
constexpr acc_range channel_acc_range(const W& w, const B& bias, int c, std::int32_t zp_in, channel_weights l) noexcept {
    const std::int64_t dx = zp_in < 0 ? 127 - zp_in : 128 + zp_in;
    std::int64_t sum = 0;
    for (int k = 0; k < l.count; ++k) {
        const std::int64_t v = w[c * l.channel_stride + k * l.tap_stride];
        sum += v < 0 ? -v : v;
    }
    return acc_range{bias[c], dx * sum};
}

// The same from the channel's weight sums (zero_point_folding.hpp's channel_sums).
constexpr acc_range channel_acc_range(const channel_weight_sums& s, std::int64_t bias, std::int32_t zp_in) noexcept {
    const std::int64_t dx = zp_in < 0 ? 127 - zp_in : 128 + zp_in;
    return acc_range{bias, dx * s.magnitude()};
}

// requant(c) is channel c's quantized_multiplier for c < count (entries past count stay zero:
// padding channels whose outputs are never stored); range(c) bounds the acc of channel c.
template <int N, class Requant, class Range>
constexpr requant_table<N> make_requant_table(int count, Requant requant, Range range, std::int32_t zp_out,
                                              std::int32_t act_min, std::int32_t act_max) {
    requant_table<N> t{};
    t.mode.act_min = act_min;
    t.mode.act_max = act_max;
    // When the clamp's lower bound is at or above zp_out (ReLU-style outputs), the sign
    // correction changes nothing: it only matters for x < 0, where h <= 0 and both
    // (h + K - 1) >> e and (h + K) >> e are <= zp_out, so both clamp to act_min.
    t.mode.sign_free = act_min >= zp_out;
    for (int c = 0; c < count; ++c) {
        quantized_multiplier q = requant(c);
        const acc_range r = range(c);
        const std::int64_t lo = r.center - r.spread, hi = r.center + r.spread;
        std::int64_t x_bound = lo < 0 ? -lo : lo;
        if (hi > x_bound) x_bound = hi;
        // A channel whose output is one value over its whole acc range (a zero multiplier, or a
        // tiny one with a huge bias: dead channels): m = 0, e = 1, K = 1 + 2 v gives v whatever
        // the sign correction (MBQM is monotonic in acc, so equal ends mean constant).
        std::int32_t zp = zp_out;
        if (lo >= -(std::int64_t{1} << 31) && hi < (std::int64_t{1} << 31)) {
            auto out = [&](std::int64_t a) {
                return clamp(multiply_by_quantized_multiplier(static_cast<std::int32_t>(a), q.multiplier, q.shift) + zp_out,
                             -1024, 1024);
            };
            if (out(lo) == out(hi)) {
                zp = out(lo);
                q = {0, -1};
                x_bound = 0;
            }
        }
        const int left = q.shift > 0 ? q.shift : 0;
        const int e = q.shift > 0 ? 0 : -q.shift;
        for (int i = 0; i < left && x_bound < (std::int64_t{1} << 31); ++i) x_bound *= 2;
        const std::int64_t k = (e > 0 ? (std::int64_t{1} << (e - 1)) : 0) + std::int64_t{zp} * (std::int64_t{1} << e);
        const std::int64_t k_abs = k < 0 ? -k : k;
        if (q.multiplier < 0 || e > 30 || 2 * x_bound >= (std::int64_t{1} << 31) ||
            x_bound + k_abs + 2 >= (std::int64_t{1} << 31))
            t.mode.fast = false;
        t.mode.any_left = t.mode.any_left || left > 0;
        t.mode.any_unshifted = t.mode.any_unshifted || e == 0;
        t.entry[c] = {q.multiplier, static_cast<std::int32_t>(k), e, left + 1, e > 0 ? -1 : 0};
    }
    if (!t.mode.fast)
        for (int c = 0; c < count; ++c) {
            const quantized_multiplier q = requant(c);
            t.entry[c] = {q.multiplier, zp_out, q.shift, 0, 0};
        }
    return t;
}

// Layers whose requantization the kernels' assembly epilogues do: fast, no left shifts, no
// clamp beyond int8; with the sign correction (one ADD more an output: the CONV_2D pair loop)...
template <requant_mode Mode>
inline constexpr bool asm_requant_signed = Mode.fast && !Mode.any_left && !Mode.any_unshifted && Mode.act_min == -128 &&
                                           Mode.act_max == 127;
// ...or ReLU-style, without it (lsl, SMMLAR, ASR, SSAT: every assembly epilogue).
template <requant_mode Mode>
inline constexpr bool asm_requant = asm_requant_signed<Mode> && Mode.sign_free;

// The int8 output for accumulator acc of a channel with constants q.
template <requant_mode Mode>
[[gnu::always_inline]] inline std::int8_t requantize(std::int32_t acc, const requant_entry& q) noexcept {
    std::int32_t v;
    if constexpr (Mode.fast) {
        const auto x2 = static_cast<std::int32_t>(static_cast<std::uint32_t>(acc) << (Mode.any_left ? q.left : 1));
        const std::int32_t corr = Mode.sign_free ? 0 : Mode.any_unshifted ? ((acc >> 31) & q.mask) : (acc >> 31);
        v = smmlar(x2, q.mult, q.add + corr) >> q.right;
        v = __ssat(v, 8);
    } else {
        v = multiply_by_quantized_multiplier(acc, q.mult, q.right) + q.add;
        v = clamp(v, -128, 127);
    }
    if constexpr (Mode.act_min > -128) v = v < Mode.act_min ? Mode.act_min : v;
    if constexpr (Mode.act_max < 127) v = v > Mode.act_max ? Mode.act_max : v;
    return static_cast<std::int8_t>(v);
}

}  // namespace ctnn::kernels::arm_dsp::detail
