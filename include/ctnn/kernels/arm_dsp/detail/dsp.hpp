// The handful of DSP-extension operations the Arm kernels are built from (ARMv7E-M / ARMv8-M
// with the DSP extension: Cortex-M4, M7, M33). ACLE intrinsics where ACLE has them;
// one-instruction inline-asm helpers where it does not (ACLE has no SMMLAR, GCC 12's lacks
// SMULBB/SMULTT, and GCC 12 does not fold a rotate into SXTB16 or SXTAB16, which would cost an
// extra MOV per word).
#pragma once

#include <arm_acle.h>

#include <cstdint>
#include <cstring>

// On the kernel bodies: GCC 12's pre-allocation scheduler hoists the loads of unrolled DSP
// loops far ahead of their use and then spills; without it the loops keep to registers
// (measured on the MLPerf Tiny shapes: 20-35% fewer instructions).
#if defined(__clang__)
#define CTNN_ARM_KERNEL_BODY [[gnu::noinline]]
#else
#define CTNN_ARM_KERNEL_BODY [[gnu::noinline, gnu::optimize("no-schedule-insns")]]
#endif

namespace ctnn::kernels::arm_dsp::detail {

// A word from any byte address (LDR allows unaligned addresses on these cores; LDRD/LDM do not,
// and memcpy keeps the compiler from assuming alignment).
inline std::uint32_t load_word(const std::int8_t* p) noexcept {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
}

// The first N (1..4) bytes at p in the low bytes of a word, the rest zero; never reads p[N..].
template <int N>
inline std::uint32_t load_partial(const std::int8_t* p) noexcept {
    if constexpr (N == 4) {
        return load_word(p);
    } else {
        std::uint32_t w = 0;
        std::memcpy(&w, p, N);  // little-endian: byte i lands in bits 8i..8i+7
        return w;
    }
}

// Bytes 0 and 2, sign-extended to two halfwords.
inline std::uint32_t sxtb16(std::uint32_t x) noexcept { return __sxtb16(x); }

// Bytes 1 and 3, sign-extended to two halfwords: SXTB16 with its built-in rotation.
inline std::uint32_t sxtb16_ror8(std::uint32_t x) noexcept {
    std::uint32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
    return r;
}

// acc + lo(a) * lo(b) + hi(a) * hi(b), halfwords signed.
inline std::int32_t smlad(std::uint32_t a, std::uint32_t b, std::int32_t acc) noexcept {
    return static_cast<std::int32_t>(__smlad(a, b, static_cast<std::uint32_t>(acc)));
}

// lo(a) * lo(b) and hi(a) * hi(b), halfwords signed (SMULBB, SMULTT: GCC 12's ACLE lacks them).
inline std::int32_t smulbb(std::uint32_t a, std::uint32_t b) noexcept {
    std::int32_t r;
    __asm__("smulbb %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
inline std::int32_t smultt(std::uint32_t a, std::uint32_t b) noexcept {
    std::int32_t r;
    __asm__("smultt %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

// Two halfwords of c plus bytes 1 and 3 of x, sign-extended (SXTAB16 with its rotation).
inline std::uint32_t sxtab16_ror8(std::uint32_t c, std::uint32_t x) noexcept {
    std::uint32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(c), "r"(x));
    return r;
}

// c + ((a * b + 2^31) >> 32), the product and sum in 64 bits (SMMLAR).
inline std::int32_t smmlar(std::int32_t a, std::int32_t b, std::int32_t c) noexcept {
    std::int32_t r;
    __asm__("smmlar %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(c));
    return r;
}

}  // namespace ctnn::kernels::arm_dsp::detail
