// The Arm DSP step of the 16x8 drivers (portable::conv2d_s16_rows_with, fully_connected_s16_with):
// SMLAD takes two int16 activations as they lie in memory, so only the weights need halfwords,
// and those are widened once at compile time: each row of N int8 weights becomes N / 2 words of
// two int16 (an odd N's last weight stays int8, one multiply). Per 2 MACs: one load of the
// input pair, one of the weight pair, one SMLAD (int32 partial sums, where the layer's bound
// allows them) or SMLALD (int64).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"

namespace ctnn::kernels::arm_dsp::detail {

// Rows rows of N weights (Spec::weights, row-major) as int16 pairs, N / 2 words a row.
template <class Spec, int N, int Rows>
inline constexpr auto weight_pairs_s16 = [] {
    std::array<std::uint32_t, std::size_t(Rows) * (N / 2 > 0 ? N / 2 : 1)> w{};
    for (int r = 0; r < Rows; ++r)
        for (int i = 0; i + 1 < N; i += 2) {
            const auto lo = static_cast<std::uint16_t>(Spec::weights[r * N + i]);
            const auto hi = static_cast<std::uint16_t>(Spec::weights[r * N + i + 1]);
            w[std::size_t(r) * (N / 2) + std::size_t(i / 2)] = std::uint32_t{lo} | (std::uint32_t{hi} << 16);
        }
    return w;
}();

template <int Rows>
struct smlad_dot_s16 {
    template <class Spec, class Partial, int N>
    static Partial dot(int row, const std::int16_t* __restrict x) noexcept {
        const std::uint32_t* w = weight_pairs_s16<Spec, N, Rows>.data() + row * (N / 2);
        Partial acc = 0;
        for (int i = 0; i < N / 2; ++i) {
            std::uint32_t pair;
            std::memcpy(&pair, x + 2 * i, 4);  // int16 data is halfword aligned; LDR takes any address
            if constexpr (std::is_same_v<Partial, std::int32_t>) {
                acc = smlad(w[i], pair, acc);
            } else {
                acc = __smlald(static_cast<int16x2_t>(w[i]), static_cast<int16x2_t>(pair), acc);
            }
        }
        if constexpr (N % 2 != 0) acc += Partial{Spec::weights[row * N + N - 1]} * Partial{x[N - 1]};
        return acc;
    }
};

}  // namespace ctnn::kernels::arm_dsp::detail
