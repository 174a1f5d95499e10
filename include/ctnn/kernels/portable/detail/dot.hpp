// int8 dot products with compile-time lengths, written so compilers vectorise them.
#pragma once

#include <cstdint>

namespace ctnn::kernels::portable::detail {

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

}  // namespace ctnn::kernels::portable::detail
