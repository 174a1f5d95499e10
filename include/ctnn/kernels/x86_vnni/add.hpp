// ADD int8 on x86-64 hosts with AVX-512 (the build that also takes the VNNI tile): 16 elements
// at a time in zmm lanes, the tail by the portable kernel. Bit-exact with reference::add_s8.
#pragma once

#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/add_s8.hpp"

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/isa.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#if CTNN_KERNELS_X86_VNNI
#include <immintrin.h>

namespace ctnn::kernels::x86_vnni {

// AVX-512 (hosts with the VNNI tile): the whole ADD in 16 lanes, no tables. mbqm16 is
// MBQM(x, q) exactly as requantize() computes it: wrapping left shift, SRDHM as two vpmuldq
// (even and odd lanes) with the nudge-and-truncate as one arithmetic shift, RoundingDivideByPOT.
// The zero-masked forms with a full mask: g++ 12 warns (-Wuninitialized, its PR 105593) inside
// the unmasked ones, which start from _mm512_undefined_epi32().
inline constexpr __mmask16 all16 = 0xFFFF;
inline constexpr __mmask8 all8 = 0xFF;
template <quantized_multiplier Q>
inline __m512i mbqm16(__m512i x) noexcept {
    constexpr int left = Q.shift > 0 ? Q.shift : 0;
    constexpr int e = Q.shift > 0 ? 0 : -Q.shift;
    if constexpr (left > 0) x = _mm512_maskz_slli_epi32(all16, x, left);
    const __m512i m = _mm512_set1_epi64(Q.multiplier);
    const __m512i nudge = _mm512_set1_epi64(std::int64_t{1} << 30);
    const __m512i even = _mm512_maskz_srai_epi64(all8, _mm512_add_epi64(_mm512_maskz_mul_epi32(all8, x, m), nudge), 31);
    const __m512i odd = _mm512_maskz_srai_epi64(all8, _mm512_add_epi64(_mm512_maskz_mul_epi32(all8, _mm512_maskz_srli_epi64(all8, x, 32), m), nudge), 31);
    const __m512i high = _mm512_mask_blend_epi32(0xAAAA, even, _mm512_maskz_slli_epi64(all8, odd, 32));
    if constexpr (e == 0) {
        return high;
    } else {
        const __m512i rem = _mm512_and_si512(high, _mm512_set1_epi32((1 << e) - 1));
        // threshold = (mask >> 1) + (high < 0); (high >> 31) is -1 for negative high
        const __m512i thr = _mm512_sub_epi32(_mm512_set1_epi32(((1 << e) - 1) >> 1), _mm512_maskz_srai_epi32(all16, high, 31));
        const __m512i q = _mm512_maskz_srai_epi32(all16, high, e);
        return _mm512_mask_add_epi32(q, _mm512_cmpgt_epi32_mask(rem, thr), q, _mm512_set1_epi32(1));
    }
}

template <add_params P>
inline void add16(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) noexcept {
    const __m512i xa = _mm512_maskz_cvtepi8_epi32(all16, _mm_loadu_si128(reinterpret_cast<const __m128i*>(a)));
    const __m512i xb = _mm512_maskz_cvtepi8_epi32(all16, _mm_loadu_si128(reinterpret_cast<const __m128i*>(b)));
    const __m512i sa = _mm512_maskz_slli_epi32(all16, _mm512_sub_epi32(xa, _mm512_set1_epi32(P.input1_zero_point)), P.left_shift);
    const __m512i sb = _mm512_maskz_slli_epi32(all16, _mm512_sub_epi32(xb, _mm512_set1_epi32(P.input2_zero_point)), P.left_shift);
    const __m512i sum = _mm512_add_epi32(mbqm16<P.input1>(sa), mbqm16<P.input2>(sb));
    __m512i r = _mm512_add_epi32(mbqm16<P.output>(sum), _mm512_set1_epi32(P.output_zero_point));
    r = _mm512_maskz_min_epi32(all16, _mm512_maskz_max_epi32(all16, r, _mm512_set1_epi32(P.act_min)), _mm512_set1_epi32(P.act_max));
    _mm512_mask_cvtepi32_storeu_epi8(out, all16, r);
}

}  // namespace ctnn::kernels::x86_vnni

namespace ctnn::kernels {
template <>
struct kernel<x86_vnni_set, op::add> : provided_kernel {
    template <add_params P>
    static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* output, int n) {
        int i = 0;
        // Each block of 16 is read completely before it is written: in place still works.
        for (; i + 16 <= n; i += 16) x86_vnni::add16<P>(a + i, b + i, output + i);
        portable::add_s8<P>(a + i, b + i, output + i, n - i);
    }
    // The tail's (n is known at run time only, so the portable tail is always there).
    template <add_params P>
    static constexpr linked_constants constants() { return kernel<portable_set, op::add>::constants<P>(); }
};
}  // namespace ctnn::kernels
#endif
