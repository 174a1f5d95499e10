// An int8 dot product of two byte rows with SMLAD (Cortex-M4/M7/M33): per four products one
// word load of each row, SXTB16 of bytes 0, 2 and (rotated) 1, 3 of each, two SMLAD; the tail
// bytes one MLA each. Any byte alignment. For drivers whose rows are contiguous over the depth
// (portable::transpose_conv2d_s8_with, portable::batch_matmul_s8_with).
#pragma once

#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"

namespace ctnn::kernels::arm_dsp::detail {

struct smlad_dot {
    template <int N>
    static std::int32_t dot(const std::int8_t* a, const std::int8_t* b) noexcept {
        std::int32_t acc = 0;
        int k = 0;
        for (; k + 4 <= N; k += 4) {
            const std::uint32_t wa = load_word(a + k), wb = load_word(b + k);
            acc = smlad(sxtb16(wa), sxtb16(wb), acc);
            acc = smlad(sxtb16_ror8(wa), sxtb16_ror8(wb), acc);
        }
        for (; k < N; ++k) acc += std::int32_t{a[k]} * b[k];
        return acc;
    }
};

}  // namespace ctnn::kernels::arm_dsp::detail
