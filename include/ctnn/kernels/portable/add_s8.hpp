// Portable ADD, int8, same shapes, specialised at compile time; bit-exact with reference::add_s8.
//
//   template <add_params P> void add_s8(const std::int8_t* input1, const std::int8_t* input2,
//                                       std::int8_t* output, int count = P.size);
//
// The parameters are the template argument itself (a valid NTTP). output may be input1 or
// input2 (in place: each element is read before it is written); no alignment needed.
//
// How: the rescaled value of an input, MBQM((x - zp) * 2^left_shift, m, shift), depends on the
// int8 x alone, so both are looked up in 256-entry int32 tables built at compile time (2 KiB of
// constants instead of two 64-bit multiplies per element); only the output MBQM stays per element,
// with its multiplier and shift as compile-time constants.
// On x86-64 hosts compiled for AVX-512 (with VNNI, the same switch as detail/vnni.hpp) the
// tables are slower than arithmetic (g++ turns the lookups into byte extracts): blocks of 16
// elements compute all three MBQMs in zmm lanes instead, the tail uses the tables.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/portable/detail/vnni.hpp"                // CTNN_KERNELS_X86_VNNI
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {
namespace detail {

// table[x + 128] = MBQM((x - zero_point) * 2^left_shift, q)
constexpr std::array<std::int32_t, 256> rescale_table(std::int32_t zero_point, int left_shift,
                                                      quantized_multiplier q) noexcept {
    std::array<std::int32_t, 256> t{};
    for (int x = -128; x < 128; ++x) {
        const std::int32_t shifted = (x - zero_point) * (1 << left_shift);
        t[static_cast<std::size_t>(x + 128)] = multiply_by_quantized_multiplier(shifted, q.multiplier, q.shift);
    }
    return t;
}

template <add_params P>
inline constexpr auto add_table1 = rescale_table(P.input1_zero_point, P.left_shift, P.input1);
template <add_params P>
inline constexpr auto add_table2 = rescale_table(P.input2_zero_point, P.left_shift, P.input2);

#if CTNN_KERNELS_X86_VNNI
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
#endif

}  // namespace detail

// count: elements to add, P.size for the whole tensor (less for a chunk of it).
template <add_params P>
void add_s8(const std::int8_t* input1, const std::int8_t* input2, std::int8_t* output, int count = P.size) {
    static_assert(P.size >= 0, "ctnn: add_s8 needs a non-negative size");
    constexpr const auto& t1 = detail::add_table1<P>;
    constexpr const auto& t2 = detail::add_table2<P>;
    int i = 0;
#if CTNN_KERNELS_X86_VNNI
    // Each block of 16 is read completely before it is written: in place still works.
    for (; i + 16 <= count; i += 16) detail::add16<P>(input1 + i, input2 + i, output + i);
#endif
    for (; i < count; ++i) {
        const std::int32_t sum = t1[static_cast<std::uint8_t>(input1[i] + 128)] + t2[static_cast<std::uint8_t>(input2[i] + 128)];
        output[i] = detail::requantize(sum, P.output, P.output_zero_point, P.act_min, P.act_max);
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
namespace op {
struct add {};
}
template <>
struct kernel<portable_set, op::add> {
    static constexpr bool provided = true;
    // The first n elements (residual fusion hands it a chunk of rows at a time).
    template <add_params P>
    static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* output, int n) { portable::add_s8<P>(a, b, output, n); }
};
}  // namespace ctnn::kernels
