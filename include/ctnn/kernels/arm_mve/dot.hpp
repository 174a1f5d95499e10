// int8 dot products with compile-time lengths on Helium (MVE) cores, e.g. Cortex-M55: the forms
// portable/detail/dot.hpp takes there.
#pragma once

#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#if CTNN_KERNELS_ARM_MVE
#include <arm_mve.h>

namespace ctnn::kernels::arm_mve {

// Cortex-M55 and other Helium cores: Rows weight rows of Row bytes against one x,
// acc[r] += w[r] . x, 16 products summed into a scalar per VMLADAVA. The tail loads through a
// lane predicate (inactive lanes read nothing and give zeros, which add nothing). Exact integer
// sums, so bit-exact like the loops below.
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

}  // namespace ctnn::kernels::arm_mve
#endif
