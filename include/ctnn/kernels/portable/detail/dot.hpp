// int8 dot products with compile-time lengths, written so compilers vectorise them.
#pragma once

#include <cstdint>

#if defined(__ARM_FEATURE_MVE) && __ARM_FEATURE_MVE && defined(__OPTIMIZE__)
#include <arm_mve.h>
#define CTNN_PORTABLE_MVE 1
#endif

namespace ctnn::kernels::portable::detail {

#if CTNN_PORTABLE_MVE
// Cortex-M55 and other Helium cores: 16 products summed into a scalar per VMLADAVA, the tail
// through a lane predicate (inactive lanes load nothing and add nothing). Exact integer sums,
// so bit-exact like the loops below.
template <int Row>
inline void dot4(const std::int8_t* w, const std::int8_t* x, std::int32_t* acc) noexcept {
    std::int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    int k = 0;
    for (; k + 16 <= Row; k += 16) {
        const int8x16_t v = vld1q_s8(x + k);
        a0 = vmladavaq_s8(a0, vld1q_s8(w + k), v);
        a1 = vmladavaq_s8(a1, vld1q_s8(w + Row + k), v);
        a2 = vmladavaq_s8(a2, vld1q_s8(w + 2 * Row + k), v);
        a3 = vmladavaq_s8(a3, vld1q_s8(w + 3 * Row + k), v);
    }
    if constexpr (Row % 16 != 0) {
        const mve_pred16_t p = vctp8q(Row % 16);
        const int8x16_t v = vldrbq_z_s8(x + k, p);
        a0 = vmladavaq_p_s8(a0, vldrbq_z_s8(w + k, p), v, p);
        a1 = vmladavaq_p_s8(a1, vldrbq_z_s8(w + Row + k, p), v, p);
        a2 = vmladavaq_p_s8(a2, vldrbq_z_s8(w + 2 * Row + k, p), v, p);
        a3 = vmladavaq_p_s8(a3, vldrbq_z_s8(w + 3 * Row + k, p), v, p);
    }
    acc[0] += a0;
    acc[1] += a1;
    acc[2] += a2;
    acc[3] += a3;
}

template <int Row>
inline std::int32_t dot1(const std::int8_t* w, const std::int8_t* x) noexcept {
    std::int32_t a = 0;
    int k = 0;
    for (; k + 16 <= Row; k += 16) a = vmladavaq_s8(a, vld1q_s8(w + k), vld1q_s8(x + k));
    if constexpr (Row % 16 != 0) {
        const mve_pred16_t p = vctp8q(Row % 16);
        a = vmladavaq_p_s8(a, vldrbq_z_s8(w + k, p), vldrbq_z_s8(x + k, p), p);
    }
    return a;
}
#else

// Four output channels at once: the patch is loaded once for four weight rows.
template <int Row>
inline void dot4(const std::int8_t* w, const std::int8_t* x, std::int32_t* acc) noexcept {
    std::int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    for (int k = 0; k < Row; ++k) {
        const std::int32_t v = x[k];
        a0 += w[k] * v;
        a1 += w[Row + k] * v;
        a2 += w[2 * Row + k] * v;
        a3 += w[3 * Row + k] * v;
    }
    acc[0] += a0;
    acc[1] += a1;
    acc[2] += a2;
    acc[3] += a3;
}

template <int Row>
inline std::int32_t dot1(const std::int8_t* w, const std::int8_t* x) noexcept {
    std::int32_t a = 0;
    for (int k = 0; k < Row; ++k) a += w[k] * std::int32_t{x[k]};
    return a;
}

#endif

}  // namespace ctnn::kernels::portable::detail
