// Host-only int8 matrix kernel for x86-64 with AVX-512 VNNI (vpdpbusd): the tile behind the
// x86_vnni set's conv2d_s8 and fully_connected_s8, taken when the compiler targets such a CPU
// (-march=native on the benchmark machine; kernels/isa.hpp).
//
// How: weights are re-laid out at compile time to [tap][in_c / 4][out_c rounded up to 16][4]
// (OHWI order within a group of 4 input channels), so one 64-byte load holds 4 input channels
// x 16 output channels. For every tap and group of 4 input channels, each output pixel of the
// tile broadcasts its 4 input bytes and vpdpbusd multiply-adds them into 16 int32 accumulators
// (one zmm per pixel per 16 output channels); the weight load is shared by the P pixels of the
// tile and the broadcast by the NB blocks of 16 channels. vpdpbusd multiplies unsigned by
// signed bytes, so inputs are flipped to u = x + 128 (xor 0x80) and bias' = bias - (zp_in + 128)
// * sum(weights); taps in the padding read a row of zp_in (u = zp_in + 128), which the folded
// bias cancels exactly, as the reference skips them. Sums of 4 products of u8 x s8 fit int16 x 2,
// accumulation is exact int32 (vpdpbusd, not the saturating vpdpbusds).
// Accumulators are requantized with the row requantization of requantize_row.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/kernels/portable/detail/requantize_row.hpp"

#include "ctnn/kernels/isa.hpp"
#if CTNN_KERNELS_X86_VNNI
#include <immintrin.h>
#endif

namespace ctnn::kernels::x86_vnni {

// Weights OHWI [out_c][taps][in_c] -> [taps][in_c / 4][ocp][4], ocp = out_c rounded up to 16.
template <int OutC, int Taps, int InC, class W>
constexpr auto vnni_weights(const W& w) {
    constexpr int ocp = (OutC + 15) / 16 * 16;
    std::array<std::int8_t, Taps * InC * ocp> r{};
    for (int oc = 0; oc < OutC; ++oc)
        for (int t = 0; t < Taps; ++t)
            for (int ic = 0; ic < InC; ++ic)
                r[static_cast<std::size_t>(((t * (InC / 4) + ic / 4) * ocp + oc) * 4 + ic % 4)] =
                    w[oc * Taps * InC + t * InC + ic];
    return r;
}

// bias[oc] - (zp_in + 128) * sum(weights of oc), zero past out_c.
template <int OutC, int Depth, class W, class B>
constexpr auto vnni_bias(const W& w, const B& b, std::int32_t zp_in) {
    constexpr int ocp = (OutC + 15) / 16 * 16;
    std::array<std::int32_t, ocp> r{};
    for (int oc = 0; oc < OutC; ++oc)
        r[static_cast<std::size_t>(oc)] = fold_input_zero_point(w, b, oc, zp_in + 128, {Depth, Depth, 1});
    return r;
}

#if CTNN_KERNELS_X86_VNNI

inline __m512i vnni_bcast(const std::int8_t* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return _mm512_set1_epi32(static_cast<int>(v ^ 0x80808080u));
}

// One tile: P output pixels x NB blocks of 16 channels starting at channel `first`.
// src(p, t) gives the input row (in_c bytes) of tap t for pixel p (or the zp row).
// Stores `count` pixels (count <= P) to out + p * out_stride + first.
template <int P, int NB, int Taps, int InC, int OutC, const auto& Wt, const auto& Bias, const auto& Rq,
          std::int32_t Lo, std::int32_t Hi, class Src>
inline void vnni_tile(const Src& src, int first, std::int8_t* out, int out_stride, int count) noexcept {
    constexpr int ocp = (OutC + 15) / 16 * 16;
    constexpr int groups = InC / 4;
    __m512i acc[P][NB];
    for (int b = 0; b < NB; ++b) {
        const __m512i bias = _mm512_loadu_si512(Bias.data() + first + 16 * b);
        for (int p = 0; p < P; ++p) acc[p][b] = bias;
    }
    for (int t = 0; t < Taps; ++t) {
        const std::int8_t* x[P];
        for (int p = 0; p < P; ++p) x[p] = src(p, t);
        const std::int8_t* w = Wt.data() + (static_cast<std::size_t>(t) * groups * ocp + first) * 4;
        for (int g = 0; g < groups; ++g) {
            __m512i wv[NB];
            for (int b = 0; b < NB; ++b) wv[b] = _mm512_loadu_si512(w + (g * ocp + 16 * b) * 4);
            for (int p = 0; p < P; ++p) {
                const __m512i xv = vnni_bcast(x[p] + 4 * g);
                for (int b = 0; b < NB; ++b) acc[p][b] = _mm512_dpbusd_epi32(acc[p][b], xv, wv[b]);
            }
        }
    }
    alignas(64) std::int32_t row[16 * NB];
    for (int p = 0; p < P; ++p) {
        if (p >= count) break;
        for (int b = 0; b < NB; ++b) _mm512_store_si512(row + 16 * b, acc[p][b]);
        std::int8_t* o = out + p * out_stride + first;
        if (first + 16 * NB <= OutC) {
            portable::detail::requantize_row<16 * NB, Rq, Lo, Hi>(row, o, first);
        } else {
            for (int c = 0; c < OutC - first; ++c) o[c] = portable::detail::requantize_one<Rq, Lo, Hi>(row[c], first + c);
        }
    }
}

// All output channels of P pixels: blocks of up to 4 x 16 channels.
template <int P, int Taps, int InC, int OutC, const auto& Wt, const auto& Bias, const auto& Rq, std::int32_t Lo,
          std::int32_t Hi, class Src>
inline void vnni_pixels(const Src& src, std::int8_t* out, int out_stride, int count) noexcept {
    constexpr int blocks = (OutC + 15) / 16;
    constexpr int full = blocks / 4 * 4;
    for (int b = 0; b < full; b += 4)
        vnni_tile<P, 4, Taps, InC, OutC, Wt, Bias, Rq, Lo, Hi>(src, 16 * b, out, out_stride, count);
    if constexpr (blocks % 4 != 0)
        vnni_tile<P, blocks % 4, Taps, InC, OutC, Wt, Bias, Rq, Lo, Hi>(src, 16 * full, out, out_stride, count);
}

#endif

}  // namespace ctnn::kernels::x86_vnni
