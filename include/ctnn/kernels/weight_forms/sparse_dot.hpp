// One output channel's sum over its sparse entries (kernels/weight_forms/sparse_weights.hpp): a pointer
// walks the channel's input (an im2col patch or the fully connected input) by each entry's step
// and multiplies only the non-zero weights.
#pragma once

#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#if CTNN_KERNELS_ARM_DSP
#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#endif

namespace ctnn::kernels::weight_forms {

// acc + the channel's dot product: `pairs` entry words from e on, over the input at x (tap 0).
[[gnu::always_inline]] inline std::int32_t sparse_dot(const std::uint32_t* e, int pairs, const std::int8_t* x,
                                                      std::int32_t acc) noexcept {
#if CTNN_KERNELS_ARM_DSP
    // Per pair: the first step (UXTAB, byte 1), its input, the second step (byte 3), its
    // input, both weights in one SXTB16, both inputs in one PKHBT, one SMLAD: eight
    // instructions, and a loop test per two pairs. In assembly: GCC 12 spends 15 on it.
    const std::uint32_t* const end = e + pairs;
    std::uint32_t t, a, b;
#define CTNN_SPARSE_PAIR                      \
    "ldr %[t], [%[e]], #4\n\t"                 \
    "uxtab %[x], %[x], %[t], ror #8\n\t"       \
    "ldrsb %[a], [%[x]]\n\t"                   \
    "add %[x], %[x], %[t], lsr #24\n\t"        \
    "ldrsb %[b], [%[x]]\n\t"                   \
    "sxtb16 %[t], %[t]\n\t"                    \
    "pkhbt %[a], %[a], %[b], lsl #16\n\t"      \
    "smlad %[acc], %[a], %[t], %[acc]\n\t"
    __asm__("tst %[n], #1\n\t"
            "beq 1f\n\t" CTNN_SPARSE_PAIR
            "1:\n\t"
            "cmp %[e], %[end]\n\t"
            "beq 3f\n"
            "2:\n\t" CTNN_SPARSE_PAIR CTNN_SPARSE_PAIR
            "cmp %[e], %[end]\n\t"
            "bne 2b\n"
            "3:"
            : [e] "+r"(e), [x] "+r"(x), [acc] "+r"(acc), [t] "=&r"(t), [a] "=&r"(a), [b] "=&r"(b)
            : [end] "r"(end), [n] "r"(pairs)
            : "cc", "memory");
#undef CTNN_SPARSE_PAIR
#else
    for (int j = 0; j < pairs; ++j) {
        const std::uint32_t t = e[j];
        x += (t >> 8) & 0xff;
        acc += std::int32_t{static_cast<std::int8_t>(t)} * *x;
        x += t >> 24;
        acc += std::int32_t{static_cast<std::int8_t>(t >> 16)} * *x;
    }
#endif
    return acc;
}

}  // namespace ctnn::kernels::weight_forms
