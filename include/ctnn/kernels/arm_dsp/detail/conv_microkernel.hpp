// The Arm DSP CONV_2D micro-kernels (conv2d_s8.hpp): up to three output pixels against every
// output channel pair, for int8, offset int8 and int16 weights. The dot loop is inline
// assembly; the loop over channel pairs is too where the requantization allows it
// (conv_pixels3_asm), else C++ around the dot loop (conv_pixels3, conv_pixels3_offset).
#pragma once

#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/conv_plan.hpp"
#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"

namespace ctnn::kernels::arm_dsp::detail {

// One step: a channel pair's weights for 4 depth values (WEIGHTS, below) against three pixels
// (3 LDRD, 12 SMLAD). After WEIGHTS, w0/w1 hold channel 0/1's (even, even) halves and w0o/w1o
// their (odd, odd) halves, matching the buffer's xe = (x0, x2) and xo = (x1, x3).
#define CTNN_ARM_CONV_STEP(WEIGHTS)                          \
    WEIGHTS                                                  \
    "ldrd %[xe], %[xo], [%[xp]], #8\n\t"                     \
    "smlad %[a00], %[xe], %[w0], %[a00]\n\t"                 \
    "smlad %[a01], %[xe], %[w1], %[a01]\n\t"                 \
    "smlad %[a00], %[xo], %[w0o], %[a00]\n\t"                \
    "smlad %[a01], %[xo], %[w1o], %[a01]\n\t"                \
    "ldrd %[xe], %[xo], [%[xp]], #8\n\t"                     \
    "smlad %[a10], %[xe], %[w0], %[a10]\n\t"                 \
    "smlad %[a11], %[xe], %[w1], %[a11]\n\t"                 \
    "smlad %[a10], %[xo], %[w0o], %[a10]\n\t"                \
    "smlad %[a11], %[xo], %[w1o], %[a11]\n\t"                \
    "ldrd %[xe], %[xo], [%[xp]], #8\n\t"                     \
    "smlad %[a20], %[xe], %[w0], %[a20]\n\t"                 \
    "smlad %[a21], %[xe], %[w1], %[a21]\n\t"                 \
    "smlad %[a20], %[xo], %[w0o], %[a20]\n\t"                \
    "smlad %[a21], %[xo], %[w1o], %[a21]\n\t"
// int8 weights: one LDRD of both channels' 4 bytes, each sign-extended twice.
#define CTNN_ARM_CONV_WEIGHTS_S8                             \
    "ldrd %[w0], %[w1], [%[wp]], #8\n\t"                     \
    "sxtb16 %[w0o], %[w0], ror #8\n\t"                       \
    "sxtb16 %[w1o], %[w1], ror #8\n\t"                       \
    "sxtb16 %[w0], %[w0]\n\t"                                \
    "sxtb16 %[w1], %[w1]\n\t"
// Offset int8 weights (the +128 trick): the even halves are used raw.
#define CTNN_ARM_CONV_WEIGHTS_S8_OFFSET                      \
    "ldrd %[w0], %[w1], [%[wp]], #8\n\t"                     \
    "sxtb16 %[w0o], %[w0], ror #8\n\t"                       \
    "sxtb16 %[w1o], %[w1], ror #8\n\t"
// Pre-widened int16 weights: two LDRD, nothing to unpack.
#define CTNN_ARM_CONV_WEIGHTS_S16                            \
    "ldrd %[w0], %[w1], [%[wp]], #8\n\t"                     \
    "ldrd %[w0o], %[w1o], [%[wp]], #8\n\t"

// Requantizes a channel pair's sums for NPix pixels and stores them (channel 1 only when it
// exists: odd out_c has a zero channel that is never stored). Both micro-kernels end with it.
template <requant_mode Mode, int NPix>
[[gnu::always_inline]] inline void store_pair(std::int32_t a00, std::int32_t a01, std::int32_t a10, std::int32_t a11,
                                              std::int32_t a20, std::int32_t a21, const requant_entry* rq, std::int8_t* out,
                                              int out_c, bool has_c1) noexcept {
    out[0] = requantize<Mode>(a00, rq[0]);
    if (has_c1) out[1] = requantize<Mode>(a01, rq[1]);
    if constexpr (NPix > 1) {
        out[out_c] = requantize<Mode>(a10, rq[0]);
        if (has_c1) out[out_c + 1] = requantize<Mode>(a11, rq[1]);
    }
    if constexpr (NPix > 2) {
        out[2 * out_c] = requantize<Mode>(a20, rq[0]);
        if (has_c1) out[2 * out_c + 1] = requantize<Mode>(a21, rq[1]);
    }
}

// The assembly pair loop (conv_pixels3_asm, below). Its registers: r0-r5 the sums (a00, a01,
// a10, a11, a20, a21), r6 the input pointer, r8 the weights, r7 and r9-r12, lr the dot loop's
// words; between pairs r6 walks the requantization entries, r7 the output, r9 holds out_c.
// Its frame on the stack: [sp] x_end, bias, rq, out, x, half, rq_end, out_c, then (offset
// weights) the three pixels' corrections.

// Pair start, plain weights: both channels' biases into every pixel's sums.
#define CTNN_ARM_PAIR_START                                  \
    "ldr r6, [sp, #4]\n\t"                                   \
    "ldrd r0, r1, [r6], #8\n\t"                              \
    "str r6, [sp, #4]\n\t"                                   \
    "mov r2, r0\n\t"                                         \
    "mov r3, r1\n\t"                                         \
    "mov r4, r0\n\t"                                         \
    "mov r5, r1\n\t"
// Offset weights: the bias less each pixel's correction (128 x its even-position inputs).
#define CTNN_ARM_PAIR_START_OFFSET                           \
    "ldr r6, [sp, #4]\n\t"                                   \
    "ldrd r10, r11, [r6], #8\n\t"                            \
    "str r6, [sp, #4]\n\t"                                   \
    "add r6, sp, #32\n\t"                                    \
    "ldm r6, {r7, r9, r12}\n\t"                              \
    "sub r0, r10, r7\n\t"                                    \
    "sub r1, r11, r7\n\t"                                    \
    "sub r2, r10, r9\n\t"                                    \
    "sub r3, r11, r9\n\t"                                    \
    "sub r4, r10, r12\n\t"                                   \
    "sub r5, r11, r12\n\t"
// x2 = 2 acc, then SMMLAR with the entry's mult (r10) and add (r11). Signed: add + (acc >> 31),
// TFLite's rounding for negative sums (the sign correction of requantize<Mode>).
#define CTNN_ARM_SCALE_SIGN_FREE(A)                          \
    "lsl " A ", " A ", #1\n\t"                               \
    "smmlar " A ", " A ", r10, r11\n\t"
#define CTNN_ARM_SCALE_SIGNED(A)                             \
    "add lr, r11, " A ", asr #31\n\t"                        \
    "lsl " A ", " A ", #1\n\t"                               \
    "smmlar " A ", " A ", r10, lr\n\t"
// Requantizes channel sums A, B, C (pixels 0, 1, 2) with the entry at r6 (one LDM of its mult,
// add and right; r6 advances by 12) and stores them at r7, r7 + out_c and r7 + 2 out_c,
// advancing r7 by one.
#define CTNN_ARM_REQUANT3(SCALE, A, B, C)                    \
    "ldm r6!, {r10, r11, r12}\n\t"                           \
    SCALE(A) SCALE(B) SCALE(C)                               \
    "asr " A ", " A ", r12\n\t"                              \
    "asr " B ", " B ", r12\n\t"                              \
    "asr " C ", " C ", r12\n\t"                              \
    "ssat " A ", #8, " A "\n\t"                              \
    "ssat " B ", #8, " B "\n\t"                              \
    "ssat " C ", #8, " C "\n\t"                              \
    "strb " B ", [r7, r9]\n\t"                               \
    "strb " C ", [r7, r9, lsl #1]\n\t"                       \
    "strb " A ", [r7], #1\n\t"
// FRAME: the frame's registers (loaded from r0, pushed) and its size in bytes.
#define CTNN_ARM_CONV_PAIRS(FRAME, FRAME_BYTES, START, WEIGHTS, SCALE)                                        \
    __asm__ volatile("ldm r0, " FRAME "\n\t"                                                                  \
                     "push " FRAME "\n\t"                                                                     \
                     "1:\n\t" START                                                                           \
                     "ldrd r6, r10, [sp, #16]\n\t"                                                            \
                     "cmp r10, #0\n\t"                                                                        \
                     "bne 3f\n\t"                                                                             \
                     "2:\n\t" CTNN_ARM_CONV_STEP(WEIGHTS) CTNN_ARM_CONV_STEP(WEIGHTS)                          \
                     "3:\n\t" CTNN_ARM_CONV_STEP(WEIGHTS) CTNN_ARM_CONV_STEP(WEIGHTS)                          \
                     "ldr r10, [sp]\n\t"                                                                      \
                     "cmp r6, r10\n\t"                                                                        \
                     "bne 2b\n\t"                                                                             \
                     "ldr r6, [sp, #8]\n\t"                                                                   \
                     "ldr r7, [sp, #12]\n\t"                                                                  \
                     "ldr r9, [sp, #28]\n\t"                                                                  \
                     CTNN_ARM_REQUANT3(SCALE, "r0", "r2", "r4")                                               \
                     "add r6, r6, #8\n\t" /* entries are 20 bytes */                                         \
                     CTNN_ARM_REQUANT3(SCALE, "r1", "r3", "r5")                                               \
                     "add r6, r6, #8\n\t"                                                                     \
                     "str r6, [sp, #8]\n\t"                                                                   \
                     "str r7, [sp, #12]\n\t"                                                                  \
                     "ldr r10, [sp, #24]\n\t"                                                                 \
                     "cmp r6, r10\n\t"                                                                        \
                     "bne 1b\n\t"                                                                             \
                     "add sp, sp, #" FRAME_BYTES "\n\t"                                                       \
                     : [a00] "+r"(a00), [a01] "=r"(a01), [a10] "=r"(a10), [a11] "=r"(a11), [a20] "=r"(a20),  \
                       [a21] "=r"(a21), [xp] "=r"(xp), [wp] "+r"(wp), [xo] "=r"(xo), [xe] "=r"(xe),           \
                       [w0] "=r"(w0), [w1] "=r"(w1), [w0o] "=r"(w0o), [w1o] "=r"(w1o)                         \
                     :                                                                                      \
                     : "cc", "memory")

enum class conv_weights { s8, s8_offset, s16 };

// Three pixels against every channel pair of a layer with an even channel count whose
// requantization is asm_requant_signed (below): the whole pair loop in one assembly block, so
// that its bookkeeping is a few loads and stores of a frame on the stack instead of GCC's
// spills around the 14-register dot loop (VWW's 8- and 16-deep pointwise layers spent most of
// their time there). The weight pointer stays in r8 from pair to pair. One body per weight
// form and sign handling serves every such layer.
template <conv_weights W, bool SignCorrected>
[[gnu::noinline]] void conv_pixels3_asm(const conv_job& j) {
    static_assert(sizeof(requant_entry) == 20 && sizeof(void*) == 4, "the pair loop steps 20-byte entries, 4-byte pointers");
    auto word = [](const void* p) { return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p)); };
    const std::uint32_t frame[12] = {word(j.x + 6 * j.steps),
                                     word(j.bias),
                                     word(j.rq),
                                     word(j.out),
                                     word(j.x),
                                     std::uint32_t(j.steps) & 2u,  // the first pass runs two steps (steps 2 mod 4)
                                     word(j.rq + j.out_c),
                                     static_cast<std::uint32_t>(j.out_c),
                                     static_cast<std::uint32_t>(j.corr[0]),
                                     static_cast<std::uint32_t>(j.corr[1]),
                                     static_cast<std::uint32_t>(j.corr[2]),
                                     0};
    register std::uint32_t a00 asm("r0") = word(frame);
    register std::uint32_t a01 asm("r1"), a10 asm("r2"), a11 asm("r3"), a20 asm("r4"), a21 asm("r5");
    register std::uint32_t xp asm("r6"), w1o asm("r7"), xo asm("r9"), xe asm("r10"), w0 asm("r11"), w1 asm("r12"),
        w0o asm("lr");
    register const std::uint32_t* wp asm("r8") = j.w;
#define CTNN_ARM_FRAME8 "{r1-r7, r9}"
#define CTNN_ARM_FRAME12 "{r1-r7, r9-r12, lr}"
    if constexpr (W == conv_weights::s8_offset) {
        if constexpr (SignCorrected)
            CTNN_ARM_CONV_PAIRS(CTNN_ARM_FRAME12, "48", CTNN_ARM_PAIR_START_OFFSET, CTNN_ARM_CONV_WEIGHTS_S8_OFFSET, CTNN_ARM_SCALE_SIGNED);
        else
            CTNN_ARM_CONV_PAIRS(CTNN_ARM_FRAME12, "48", CTNN_ARM_PAIR_START_OFFSET, CTNN_ARM_CONV_WEIGHTS_S8_OFFSET, CTNN_ARM_SCALE_SIGN_FREE);
    } else if constexpr (W == conv_weights::s16) {
        if constexpr (SignCorrected)
            CTNN_ARM_CONV_PAIRS(CTNN_ARM_FRAME8, "32", CTNN_ARM_PAIR_START, CTNN_ARM_CONV_WEIGHTS_S16, CTNN_ARM_SCALE_SIGNED);
        else
            CTNN_ARM_CONV_PAIRS(CTNN_ARM_FRAME8, "32", CTNN_ARM_PAIR_START, CTNN_ARM_CONV_WEIGHTS_S16, CTNN_ARM_SCALE_SIGN_FREE);
    } else {
        if constexpr (SignCorrected)
            CTNN_ARM_CONV_PAIRS(CTNN_ARM_FRAME8, "32", CTNN_ARM_PAIR_START, CTNN_ARM_CONV_WEIGHTS_S8, CTNN_ARM_SCALE_SIGNED);
        else
            CTNN_ARM_CONV_PAIRS(CTNN_ARM_FRAME8, "32", CTNN_ARM_PAIR_START, CTNN_ARM_CONV_WEIGHTS_S8, CTNN_ARM_SCALE_SIGN_FREE);
    }
#undef CTNN_ARM_FRAME8
#undef CTNN_ARM_FRAME12
}
#undef CTNN_ARM_CONV_PAIRS
#undef CTNN_ARM_REQUANT3
#undef CTNN_ARM_SCALE_SIGNED
#undef CTNN_ARM_SCALE_SIGN_FREE
#undef CTNN_ARM_PAIR_START_OFFSET
#undef CTNN_ARM_PAIR_START

template <requant_mode Mode, int NPix, bool Int16Weights>
[[gnu::noinline]] void conv_pixels3(const conv_job& j) {
    const std::uint32_t* w = j.w;
    const std::int32_t* bias = j.bias;
    const requant_entry* rq = j.rq;
    std::int8_t* out = j.out;
    const int out_c = j.out_c;
    const int pairs = (out_c + 1) / 2;
    const std::uint32_t* const x_end = j.x + 6 * j.steps;
    const std::uint32_t half = std::uint32_t(j.steps) & 2u;  // the first pass runs two steps
    for (int q = 0; q < pairs; ++q, bias += 2, rq += 2, out += 2) {
        std::int32_t a00 = bias[0], a01 = bias[1];
        std::int32_t a10 = a00, a11 = a01, a20 = a00, a21 = a01;
        const std::uint32_t* xp = j.x;
        std::uint32_t w0, w1, w0o, w1o;
        std::uint32_t xe = half;
        std::uint32_t xo = reinterpret_cast<std::uintptr_t>(x_end);
        // Four steps per iteration, entered halfway when the step count is 2 mod 4 (steps are
        // even); x_end is kept on the stack (14 registers are in use).
#define CTNN_ARM_CONV_LOOP(WEIGHTS)                                                                              \
    __asm__ volatile("str %[xo], [sp, #-8]!\n\t"                                                                  \
                     "cmp %[xe], #0\n\t"                                                                           \
                     "bne 2f\n\t"                                                                                  \
                     "1:\n\t" CTNN_ARM_CONV_STEP(WEIGHTS) CTNN_ARM_CONV_STEP(WEIGHTS)                               \
                     "2:\n\t" CTNN_ARM_CONV_STEP(WEIGHTS) CTNN_ARM_CONV_STEP(WEIGHTS) "ldr %[xe], [sp]\n\t"         \
                     "cmp %[xp], %[xe]\n\t"                                                                        \
                     "bne 1b\n\t"                                                                                  \
                     "add sp, sp, #8\n\t"                                                                          \
                     : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [a20] "+r"(a20),      \
                       [a21] "+r"(a21), [xp] "+r"(xp), [wp] "+r"(w), [xo] "+&r"(xo), [xe] "+&r"(xe),             \
                       [w0] "=&r"(w0), [w1] "=&r"(w1), [w0o] "=&r"(w0o), [w1o] "=&r"(w1o)                        \
                     :                                                                                          \
                     : "cc", "memory")
        if constexpr (Int16Weights)
            CTNN_ARM_CONV_LOOP(CTNN_ARM_CONV_WEIGHTS_S16);
        else
            CTNN_ARM_CONV_LOOP(CTNN_ARM_CONV_WEIGHTS_S8);
#undef CTNN_ARM_CONV_LOOP
        store_pair<Mode, NPix>(a00, a01, a10, a11, a20, a21, rq, out, out_c, 2 * q + 1 < out_c);
    }
}
// With offset weights (per-pixel corrections; registers pinned: GCC 12 cannot place 14
// operands itself once the corrections are live).
template <requant_mode Mode, int NPix>
[[gnu::noinline]] void conv_pixels3_offset(const conv_job& j) {
    const std::uint32_t* w = j.w;
    const std::int32_t* bias = j.bias;
    const requant_entry* rq = j.rq;
    std::int8_t* out = j.out;
    const int out_c = j.out_c;
    const int pairs = (out_c + 1) / 2;
    const std::uint32_t* const x_end = j.x + 6 * j.steps;
    const std::uint32_t half = std::uint32_t(j.steps) & 2u;  // the first pass runs two steps
    for (int q = 0; q < pairs; ++q, bias += 2, rq += 2, out += 2) {
        const std::int32_t c0 = j.corr[0], c1 = j.corr[1], c2 = j.corr[2];
        // All 14 allocatable registers are operands: fixed here, GCC 12 fails to find them itself.
        register std::int32_t a00 asm("r0") = bias[0] - c0;
        register std::int32_t a01 asm("r1") = bias[1] - c0;
        register std::int32_t a10 asm("r2") = bias[0] - c1;
        register std::int32_t a11 asm("r3") = bias[1] - c1;
        register std::int32_t a20 asm("r4") = bias[0] - c2;
        register std::int32_t a21 asm("r5") = bias[1] - c2;
        register const std::uint32_t* xp asm("r6") = j.x;
        register const std::uint32_t* wr asm("r8") = w;
        register std::uint32_t xo asm("r9") = reinterpret_cast<std::uintptr_t>(x_end);
        register std::uint32_t xe asm("r10") = half;
        register std::uint32_t w0 asm("r11");
        register std::uint32_t w1 asm("r12");
        register std::uint32_t w0o asm("lr");
        register std::uint32_t w1o asm("r7");
        // Four steps per iteration, entered halfway when the step count is 2 mod 4; x_end is
        // kept on the stack (14 registers are in use).
        __asm__ volatile(
            "str %[xo], [sp, #-8]!\n\t"
            "cmp %[xe], #0\n\t"
            "bne 2f\n\t"
            "1:\n\t"
            CTNN_ARM_CONV_STEP(CTNN_ARM_CONV_WEIGHTS_S8_OFFSET)
            CTNN_ARM_CONV_STEP(CTNN_ARM_CONV_WEIGHTS_S8_OFFSET)
            "2:\n\t"
            CTNN_ARM_CONV_STEP(CTNN_ARM_CONV_WEIGHTS_S8_OFFSET)
            CTNN_ARM_CONV_STEP(CTNN_ARM_CONV_WEIGHTS_S8_OFFSET)
            "ldr %[xe], [sp]\n\t"
            "cmp %[xp], %[xe]\n\t"
            "bne 1b\n\t"
            "add sp, sp, #8\n\t"
            : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [a20] "+r"(a20),
              [a21] "+r"(a21), [xp] "+r"(xp), [wp] "+r"(wr), [xo] "+r"(xo), [xe] "+&r"(xe), [w0] "=&r"(w0),
              [w1] "=&r"(w1), [w0o] "=&r"(w0o), [w1o] "=&r"(w1o)
            :
            : "cc", "memory");
        w = wr;
        store_pair<Mode, NPix>(a00, a01, a10, a11, a20, a21, rq, out, out_c, 2 * q + 1 < out_c);
    }
}
#undef CTNN_ARM_CONV_STEP
#undef CTNN_ARM_CONV_WEIGHTS_S8
#undef CTNN_ARM_CONV_WEIGHTS_S8_OFFSET
#undef CTNN_ARM_CONV_WEIGHTS_S16

}  // namespace ctnn::kernels::arm_dsp::detail
