// int8 dot products with compile-time lengths on Helium (MVE) cores, e.g. Cortex-M55: the
// Helium forms of portable/detail/dot.hpp, used by the arm_mve kernels.
#pragma once

#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/arm_mve/requantize.hpp"
#if CTNN_KERNELS_ARM_MVE
#include <arm_mve.h>

namespace ctnn::kernels::arm_mve {

// Cortex-M55 and other Helium cores: Rows weight rows of Row bytes against one x,
// acc[r] += w[r] . x, 16 products summed into a scalar per VMLADAVA. The tail loads through a
// lane predicate (inactive lanes read nothing and give zeros, which add nothing). Exact integer
// sums, so bit-exact like the portable loops.
template <int Rows, int Row>
[[gnu::always_inline]] inline void dot_rows(const std::int8_t* w, const std::int8_t* x, std::int32_t* acc) noexcept {
    std::int32_t a[Rows] = {};
    auto step = [&](int k, auto load) {
        const int8x16_t v = load(x + k);
#pragma GCC unroll 4
        for (int r = 0; r < Rows; ++r) a[r] = vmladavaq_s8(a[r], load(w + r * Row + k), v);
    };
    constexpr int full = Row / 16 * 16;
    for (int k = 0; k < full; k += 16) step(k, [](const std::int8_t* q) { return vld1q_s8(q); });
    if constexpr (full < Row) {
        const mve_pred16_t p = vctp8q(Row - full);
        step(full, [p](const std::int8_t* q) { return vldrbq_z_s8(q, p); });
    }
    for (int r = 0; r < Rows; ++r) acc[r] += a[r];
}

// Four output channels at once: the patch is loaded once for four weight rows.
template <int Row>
inline void dot4(const std::int8_t* w, const std::int8_t* x, std::int32_t* acc) noexcept {
    dot_rows<4, Row>(w, x, acc);
}

template <int Row>
inline std::int32_t dot1(const std::int8_t* w, const std::int8_t* x) noexcept {
    std::int32_t a = 0;
    dot_rows<1, Row>(w, x, &a);
    return a;
}

// All N outputs of weight rows w (Row bytes each) against x: Bias[n] + w[n] . x, four rows per
// pass over x, requantized four at a time (the last group through a lane predicate).
template <int N, int Row, const auto& Bias, const auto& Requant, std::int32_t ZeroPoint, std::int32_t Lo, std::int32_t Hi>
inline void dot_rows_requantized(const std::int8_t* w, const std::int8_t* x, std::int8_t* out) noexcept {
    constexpr int blocked = N / 4 * 4;
    const std::int32_t* const bias = Bias.data();
    for (int n = 0; n < blocked; n += 4) {
        alignas(16) std::int32_t acc[4] = {bias[n], bias[n + 1], bias[n + 2], bias[n + 3]};
        dot4<Row>(w + n * Row, x, acc);
        requantize4<Requant, ZeroPoint, Lo, Hi>(vld1q_s32(acc), n, out, vctp32q(4));
    }
    if constexpr (blocked < N) {
        alignas(16) std::int32_t acc[4] = {};
        for (int n = blocked; n < N; ++n) acc[n - blocked] = bias[n] + dot1<Row>(w + n * Row, x);
        requantize4<Requant, ZeroPoint, Lo, Hi>(vld1q_s32(acc), blocked, out, vctp32q(static_cast<std::uint32_t>(N - blocked)));
    }
}

}  // namespace ctnn::kernels::arm_mve
#endif
