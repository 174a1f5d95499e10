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
    l.steps = (l.runs * l.run_words + 1) / 2 * 2;  // the micro-kernel takes two steps at a time
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

// The micro-kernel: one group of up to three output pixels against every channel pair.
// Buffer x: [step][pixel 0..2][even, odd] words; weights [pair][step][2 channels]; steps even.
struct conv_job {
    const std::uint32_t* x;
    const std::uint32_t* w;
    const std::int32_t* bias;
    const requant_entry* rq;
    std::int8_t* out;  // pixel i's outputs at out + i * out_c
    int out_c, steps, npix;
};

// One step: a weight pair (LDRD, 4 SXTB16) against three pixels (3 LDRD, 12 SMLAD).
#define CTNN_ARM_CONV_STEP                                   \
    "ldrd %[w0], %[w1], [%[wp]], #8\n\t"                     \
    "sxtb16 %[w0o], %[w0], ror #8\n\t"                       \
    "sxtb16 %[w0], %[w0]\n\t"                                \
    "sxtb16 %[w1o], %[w1], ror #8\n\t"                       \
    "sxtb16 %[w1], %[w1]\n\t"                                \
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

template <requant_mode Mode>
[[gnu::noinline]] void conv_pixels3(const conv_job& j) {
    const std::uint32_t* w = j.w;
    const std::int32_t* bias = j.bias;
    const requant_entry* rq = j.rq;
    std::int8_t* out = j.out;
    const int out_c = j.out_c, npix = j.npix;
    const int pairs = (out_c + 1) / 2;
    const std::uint32_t* const x_end = j.x + 6 * j.steps;
    for (int q = 0; q < pairs; ++q, bias += 2, rq += 2, out += 2) {
        std::int32_t a00 = bias[0], a01 = bias[1];
        std::int32_t a10 = a00, a11 = a01, a20 = a00, a21 = a01;
        const std::uint32_t* xp = j.x;
        std::uint32_t w0, w1, w0o, w1o, xe;
        std::uint32_t xo = reinterpret_cast<std::uintptr_t>(x_end);
        // Two steps per iteration; x_end is kept on the stack (14 registers are in use).
        __asm__ volatile(
            "str %[xo], [sp, #-8]!\n\t"
            "1:\n\t"
            CTNN_ARM_CONV_STEP
            CTNN_ARM_CONV_STEP
            "ldr %[xe], [sp]\n\t"
            "cmp %[xp], %[xe]\n\t"
            "bne 1b\n\t"
            "add sp, sp, #8\n\t"
            : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [a20] "+r"(a20),
              [a21] "+r"(a21), [xp] "+r"(xp), [wp] "+r"(w), [xo] "+&r"(xo), [xe] "=&r"(xe), [w0] "=&r"(w0),
              [w1] "=&r"(w1), [w0o] "=&r"(w0o), [w1o] "=&r"(w1o)
            :
            : "cc", "memory");
        const bool has_c1 = 2 * q + 1 < out_c;
        out[0] = requantize<Mode>(a00, rq[0]);
        if (has_c1) out[1] = requantize<Mode>(a01, rq[1]);
        if (npix > 1) {
            out[out_c] = requantize<Mode>(a10, rq[0]);
            if (has_c1) out[out_c + 1] = requantize<Mode>(a11, rq[1]);
        }
        if (npix > 2) {
            out[2 * out_c] = requantize<Mode>(a20, rq[0]);
            if (has_c1) out[2 * out_c + 1] = requantize<Mode>(a21, rq[1]);
        }
    }
}
#undef CTNN_ARM_CONV_STEP

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
            return acc_range{b, dx * sum};
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

// Sign-extends run_len bytes at src into dst[6 * word + 0/1] (even/odd bytes of each word).
template <int RunLen>
[[gnu::always_inline]] inline void extend_run(const std::int8_t* src, std::uint32_t* dst) noexcept {
    constexpr int full = RunLen / 4;
#pragma GCC unroll 4
    for (int k = 0; k < full; ++k) {
        const std::uint32_t x = load_word(src + 4 * k);
        dst[6 * k] = sxtb16(x);
        dst[6 * k + 1] = sxtb16_ror8(x);
    }
    if constexpr (RunLen % 4 != 0) {
        const std::uint32_t x = load_partial<RunLen % 4>(src + 4 * full);
        dst[6 * full] = sxtb16(x);
        dst[6 * full + 1] = sxtb16_ror8(x);
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
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len>(base + run_offset(g, r), slot + 6 * r * l.run_words);
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
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len>(patch + r * l.run_len, slot + 6 * r * l.run_words);
    }
}

template <conv_key K>
CTNN_ARM_KERNEL_BODY void conv2d_body(const std::int8_t* input, std::int8_t* output, const conv_tables& t) {
    constexpr conv_geometry g = K.g;
    constexpr conv_layout l = conv_layout_of(g);
    constexpr int pixels = g.out_h * g.out_w;

    alignas(8) std::uint32_t buffer[l.steps * 6];
    alignas(4) std::int8_t patch[l.may_pad ? l.runs * l.run_len : 1];
    if constexpr (l.steps > l.runs * l.run_words)
        for (int i = 6 * l.runs * l.run_words; i < 6 * l.steps; ++i) buffer[i] = 0;

    conv_job job{buffer, t.weights, t.bias, t.requant, output, g.out_c, l.steps, 3};
    int oy = 0, ox = 0;
    for (int p = 0; p < pixels; p += 3) {
        // Up to three pixels into the buffer (the last one repeated when fewer remain).
        const int n = pixels - p < 3 ? pixels - p : 3;
        for (int s = 0; s < 3; ++s) {
            gather<K>(input, oy * g.stride_h - g.pad_top, ox * g.stride_w - g.pad_left, buffer + 2 * s, patch);
            if (s + 1 < n && ++ox == g.out_w) {
                ox = 0;
                ++oy;
            }
        }
        if (++ox == g.out_w) {
            ox = 0;
            ++oy;
        }
        job.out = output + p * g.out_c;
        job.npix = n;
        conv_pixels3<K.mode>(job);
    }
}

}  // namespace detail

// Stack bytes conv2d_s8<Spec> uses beyond a few registers' worth (the int16 buffer and patch).
template <class Spec>
inline constexpr int conv2d_scratch_bytes = [] {
    constexpr auto l = detail::conv_layout_of(Spec::geometry);
    return l.steps * 24 + (l.may_pad ? l.runs * l.run_len : 0);
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
