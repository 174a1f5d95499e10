// Arm DSP CONV_2D, int8 (Cortex-M4/M7/M33); bit-exact with reference::conv2d_s8.
//
//   template <class Spec> void conv2d_s8(const std::int8_t* input, std::int8_t* output);
//
// Spec: as portable::conv2d_s8 (geometry, weights OHWI, bias, requant per output channel).
// input/output: NHWC, N = 1, any byte alignment.
//
// How: output pixels go in pairs. Each pixel's receptive field is read as `runs` contiguous
// input runs (one per kernel row when dilation_w == 1, else one per tap), sign-extended once to
// int16 pairs (SXTB16) into a small stack buffer, interleaved [word][pixel]. Then every pair of
// output channels is a 2x2 block of dot products: per 4 depth values, 4 buffer words, one LDRD
// of weights (both channels' 4 bytes, re-laid out at compile time in exactly this order), 4
// SXTB16 and 8 SMLAD — every weight word serves two pixels and every input word two channels.
// A 1x1 convolution is the same with one run of in_c bytes (a matrix product, no patch).
// Pixels whose field touches the padding are first gathered into an int8 patch with zp_in in
// the padded taps; since zp_in is folded into the bias at compile time, those taps add nothing.
// Runs are zero-padded to whole words (zero weights; the input tail is read bytewise, never
// past the run). Odd out_c gets a zero channel, never stored.
// Code is shared by layers with the same shape: the kernel body is a template on the geometry
// (zero point out and clamp normalised) and reads weights/bias/requant through pointers.
// Stack: scratch_bytes (below) — 4 bytes per padded depth value, plus the patch when padded.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/arm/detail/dsp.hpp"
#include "ctnn/kernels/arm/detail/requantize.hpp"
#include "ctnn/kernels/geometry.hpp"

namespace ctnn::kernels::arm {
namespace detail {

// How a receptive field is read: `runs` runs of `run_len` contiguous bytes.
struct conv_layout {
    int runs, run_len, run_words, steps;  // steps = 4-byte words per pixel = runs * run_words
    bool may_pad;                         // some pixel's field leaves the input
};

constexpr conv_layout conv_layout_of(const conv_geometry& g) {
    conv_layout l{};
    const bool whole_rows = g.dilation_w == 1;
    l.runs = whole_rows ? g.kernel_h : g.kernel_h * g.kernel_w;
    l.run_len = whole_rows ? g.kernel_w * g.in_c : g.in_c;
    l.run_words = (l.run_len + 3) / 4;
    l.steps = l.runs * l.run_words;
    const int last_y = (g.out_h - 1) * g.stride_h - g.pad_top + (g.kernel_h - 1) * g.dilation_h;
    const int last_x = (g.out_w - 1) * g.stride_w - g.pad_left + (g.kernel_w - 1) * g.dilation_w;
    l.may_pad = g.pad_top > 0 || g.pad_left > 0 || last_y >= g.in_h || last_x >= g.in_w;
    return l;
}

// Byte offset of run r from the field's top-left input pixel.
constexpr int run_offset(const conv_geometry& g, int r) {
    if (g.dilation_w == 1) return r * g.dilation_h * g.in_w * g.in_c;
    return ((r / g.kernel_w) * g.dilation_h * g.in_w + (r % g.kernel_w) * g.dilation_w) * g.in_c;
}

// What the shared kernel body is specialised on: the geometry without the output zero point
// and clamp (those live in the requant constants and mode).
struct conv_key {
    conv_geometry g;
    requant_mode mode;
    friend constexpr bool operator==(const conv_key&, const conv_key&) = default;
};

struct conv_tables {
    const std::uint32_t* weights;  // [pair][step][2 channels] words
    const std::int32_t* bias;      // [pair * 2], zp_in folded in
    const requant_entry* requant;  // [pair * 2]
};

template <class Spec>
struct conv2d_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr conv_layout l = conv_layout_of(g);
    static constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    static constexpr int pairs = (g.out_c + 1) / 2;

    static constexpr std::array<std::uint32_t, pairs * l.steps * 2> weights = [] {
        std::array<std::uint32_t, pairs * l.steps * 2> w{};
        for (int oc = 0; oc < g.out_c; ++oc)
            for (int r = 0; r < l.runs; ++r)
                for (int j = 0; j < l.run_len; ++j) {
                    const int step = r * l.run_words + j / 4;
                    const auto byte = static_cast<std::uint8_t>(Spec::weights[oc * depth + r * l.run_len + j]);
                    w[((oc / 2) * l.steps + step) * 2 + oc % 2] |= std::uint32_t{byte} << (8 * (j % 4));
                }
        return w;
    }();

    static constexpr std::array<std::int32_t, pairs * 2> bias = [] {
        std::array<std::int32_t, pairs * 2> b{};
        for (int oc = 0; oc < g.out_c; ++oc) {
            std::int32_t sum = 0;
            for (int k = 0; k < depth; ++k) sum += Spec::weights[oc * depth + k];
            b[oc] = Spec::bias[oc] - g.input_zero_point * sum;
        }
        return b;
    }();

    static constexpr auto requant = make_requant_table<pairs * 2>(
        g.out_c, [](int c) { return quantized_multiplier(Spec::requant[c]); },
        [](int c) {
            const std::int64_t dx = g.input_zero_point < 0 ? 127 - g.input_zero_point : 128 + g.input_zero_point;
            std::int64_t sum = 0;
            for (int k = 0; k < depth; ++k) sum += Spec::weights[c * depth + k] < 0 ? -Spec::weights[c * depth + k] : Spec::weights[c * depth + k];
            const std::int64_t b = Spec::bias[c];
            return (b < 0 ? -b : b) + dx * sum;
        },
        g.output_zero_point, g.act_min, g.act_max);

    static constexpr conv_key key = [] {
        conv_key k{g, requant.mode};
        k.g.output_zero_point = 0;
        k.g.act_min = -128;
        k.g.act_max = 127;
        return k;
    }();
    static constexpr conv_tables tables{weights.data(), bias.data(), requant.entry.data()};
};

// Sign-extends run_len bytes at src into dst[4 * word + 0/1] (even/odd bytes of each word).
template <int RunLen>
[[gnu::always_inline]] inline void extend_run(const std::int8_t* src, std::uint32_t* dst) noexcept {
    constexpr int full = RunLen / 4;
#pragma GCC unroll 4
    for (int k = 0; k < full; ++k) {
        const std::uint32_t x = load_word(src + 4 * k);
        dst[4 * k] = sxtb16(x);
        dst[4 * k + 1] = sxtb16_ror8(x);
    }
    if constexpr (RunLen % 4 != 0) {
        const std::uint32_t x = load_partial<RunLen % 4>(src + 4 * full);
        dst[4 * full] = sxtb16(x);
        dst[4 * full + 1] = sxtb16_ror8(x);
    }
}

// Fills one pixel's slot of the buffer from its receptive field at (iy0, ix0).
template <conv_key K>
inline void gather(const std::int8_t* input, int iy0, int ix0, std::uint32_t* slot, std::int8_t* patch) noexcept {
    constexpr conv_geometry g = K.g;
    constexpr conv_layout l = conv_layout_of(g);
    bool inside = true;
    if constexpr (l.may_pad)
        inside = iy0 >= 0 && iy0 + (g.kernel_h - 1) * g.dilation_h < g.in_h && ix0 >= 0 &&
                 ix0 + (g.kernel_w - 1) * g.dilation_w < g.in_w;
    if (inside) {
        const std::int8_t* base = input + (iy0 * g.in_w + ix0) * g.in_c;
#pragma GCC unroll 16
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len>(base + run_offset(g, r), slot + 4 * r * l.run_words);
        return;
    }
    if constexpr (l.may_pad) {
        // Taps in order (ky, kx), each in_c bytes: exactly runs * run_len bytes.
        std::int8_t* dst = patch;
        for (int ky = 0; ky < g.kernel_h; ++ky) {
            const int iy = iy0 + ky * g.dilation_h;
            for (int kx = 0; kx < g.kernel_w; ++kx, dst += g.in_c) {
                const int ix = ix0 + kx * g.dilation_w;
                if (iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w)
                    std::memcpy(dst, input + (iy * g.in_w + ix) * g.in_c, g.in_c);
                else
                    std::memset(dst, static_cast<int>(g.input_zero_point), g.in_c);
            }
        }
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len>(patch + r * l.run_len, slot + 4 * r * l.run_words);
    }
}

template <conv_key K>
CTNN_ARM_KERNEL_BODY void conv2d_body(const std::int8_t* input, std::int8_t* output, const conv_tables& t) {
    constexpr conv_geometry g = K.g;
    constexpr conv_layout l = conv_layout_of(g);
    constexpr int pixels = g.out_h * g.out_w;
    constexpr int pairs = (g.out_c + 1) / 2;

    alignas(8) std::uint32_t buffer[l.steps * 4];
    alignas(4) std::int8_t patch[l.may_pad ? l.runs * l.run_len : 1];

    int oy = 0, ox = 0;
    for (int p = 0; p < pixels; p += 2) {
        // Two pixels into the buffer (the last one twice when the count is odd).
        for (int s = 0; s < 2; ++s) {
            gather<K>(input, oy * g.stride_h - g.pad_top, ox * g.stride_w - g.pad_left, buffer + 2 * s, patch);
            if (s == 0 && p + 1 == pixels) {
                gather<K>(input, oy * g.stride_h - g.pad_top, ox * g.stride_w - g.pad_left, buffer + 2, patch);
                break;
            }
            if (++ox == g.out_w) {
                ox = 0;
                ++oy;
            }
        }
        const bool second = p + 1 < pixels;
        std::int8_t* out0 = output + p * g.out_c;
        std::int8_t* out1 = out0 + g.out_c;
        // Table pointers in locals: int8 stores may alias anything, so members of t would be
        // reloaded after every output byte.
        const std::uint32_t* w = t.weights;
        const std::int32_t* bias = t.bias;
        const requant_entry* rq = t.requant;
        for (int q = 0; q < pairs; ++q, bias += 2, rq += 2) {
            std::int32_t a00 = bias[0], a01 = bias[1];  // a<pixel><channel>
            std::int32_t a10 = a00, a11 = a01;
            const std::uint32_t* x = buffer;
#pragma GCC unroll 4
            for (int s = 0; s < l.steps; ++s) {
                const std::uint32_t x0e = x[0], x0o = x[1], x1e = x[2], x1o = x[3];
                const std::uint32_t w0 = w[0], w1 = w[1];
                x += 4;
                w += 2;
                const std::uint32_t w0e = sxtb16(w0), w0o = sxtb16_ror8(w0);
                a00 = smlad(x0e, w0e, a00);
                a00 = smlad(x0o, w0o, a00);
                a10 = smlad(x1e, w0e, a10);
                a10 = smlad(x1o, w0o, a10);
                const std::uint32_t w1e = sxtb16(w1), w1o = sxtb16_ror8(w1);
                a01 = smlad(x0e, w1e, a01);
                a01 = smlad(x0o, w1o, a01);
                a11 = smlad(x1e, w1e, a11);
                a11 = smlad(x1o, w1o, a11);
            }
            const requant_entry& r0 = rq[0];
            const requant_entry& r1 = rq[1];
            const bool has_c1 = g.out_c % 2 == 0 || q + 1 < pairs;
            out0[2 * q] = requantize<K.mode>(a00, r0);
            if (has_c1) out0[2 * q + 1] = requantize<K.mode>(a01, r1);
            if (second) {
                out1[2 * q] = requantize<K.mode>(a10, r0);
                if (has_c1) out1[2 * q + 1] = requantize<K.mode>(a11, r1);
            }
        }
    }
}

}  // namespace detail

// Stack bytes conv2d_s8<Spec> uses beyond a few registers' worth (the int16 buffer and patch).
template <class Spec>
inline constexpr int conv2d_scratch_bytes = [] {
    constexpr auto l = detail::conv_layout_of(Spec::geometry);
    return l.steps * 16 + (l.may_pad ? l.runs * l.run_len : 0);
}();

template <class Spec>
inline void conv2d_s8(const std::int8_t* input, std::int8_t* output) {
    using plan = detail::conv2d_plan<Spec>;
    static_assert(plan::g.in_h > 0 && plan::g.in_w > 0 && plan::g.in_c > 0 && plan::g.out_c > 0 &&
                      plan::g.kernel_h > 0 && plan::g.kernel_w > 0,
                  "ctnn: conv2d_s8 needs a non-empty geometry");
    detail::conv2d_body<plan::key>(input, output, plan::tables);
}

}  // namespace ctnn::kernels::arm
