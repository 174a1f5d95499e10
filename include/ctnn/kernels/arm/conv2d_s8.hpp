// Arm DSP CONV_2D, int8 (Cortex-M4/M7/M33); bit-exact with reference::conv2d_s8.
//
//   template <class Spec, kernel_options O = kernel_options{}> void conv2d_s8(const std::int8_t* input, std::int8_t* output);
//   ... conv2d_s8_rows(input, output, y_begin, y_end): output rows [y_begin, y_end) only
//
// Spec: as portable::conv2d_s8 (geometry, weights OHWI, bias, requant per output channel).
// input/output: NHWC, N = 1, any byte alignment.
//
// How: output pixels go in threes. Each pixel's receptive field is read as `runs` contiguous
// input runs (one per kernel row when dilation_w == 1, else one per tap), sign-extended once to
// int16 pairs (SXTB16) into a small stack buffer, interleaved [word][pixel][2]. Then every pair
// of output channels is a 3x2 block of dot products in a small assembly loop (conv_pixels3):
// per 4 depth values, one LDRD of weights (both channels' 4 bytes, re-laid out at compile time
// in exactly this order), 4 SXTB16, 3 LDRD of buffer words and 12 SMLAD: 20 instructions per
// 24 MACs, two steps per loop iteration (steps padded to even with zero weights).
// Deep k x k layers (offset_weights) store the even weight bytes + 128 and prepare the input
// as in fully_connected_s8.hpp, so the even halves are used raw: 18 instructions per 24 MACs
// (conv_pixels3_offset), for 4 more instructions per input word in the gather.
// With O.int16_weights the weights are stored as int16 pairs in the order SMLAD takes them:
// two LDRD per step and no SXTB16, 17 instructions per 24 MACs, and no +128 trick (so the
// gather stays cheap), for twice the weight flash.
// ReLU-style layers requantize in a 5-instruction assembly epilogue (requant3_sign_free).
// A 1x1 convolution is the same with one run of in_c bytes (a matrix product, no patch).
// Pixels whose field touches the padding are first gathered into an int8 patch with zp_in in
// the padded taps; since zp_in is folded into the bias at compile time, those taps add nothing.
// Runs are zero-padded to whole words (zero weights; the input tail is read bytewise, never
// past the run). Odd out_c gets a zero channel, never stored. The last one or two pixels are
// computed as a full group into a scratch row and copied (no writes past the output).
// Code is shared by layers with the same shape: the kernel body is a template on the geometry
// (zero point out and clamp normalised) and reads weights/bias/requant through pointers; the
// micro-kernel is shared by every layer with the same requant mode.
// Stack: conv2d_scratch_bytes (below): 24 bytes per step, the patch when padded, the scratch row.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/arm/detail/dsp.hpp"
#include "ctnn/kernels/arm/detail/requantize.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"

namespace ctnn::kernels::arm {
namespace detail {

// How a receptive field is read: `runs` runs of `run_len` contiguous bytes.
struct conv_layout {
    int runs, run_len, run_words, steps;  // steps = 4-byte words per pixel = runs * run_words
    bool may_pad;                         // some pixel's field leaves the input
    bool offset_weights;                  // weights stored with the +128 trick (see below)
    bool int16_weights;                   // weights stored pre-widened: 4 words per step, not 2
    int words_per_step;                   // weight words per step and channel pair
};

constexpr conv_layout conv_layout_of(const conv_geometry& g, bool int16_weights) {
    conv_layout l{};
    const bool whole_rows = g.dilation_w == 1;
    l.runs = whole_rows ? g.kernel_h : g.kernel_h * g.kernel_w;
    l.run_len = whole_rows ? g.kernel_w * g.in_c : g.in_c;
    l.run_words = (l.run_len + 3) / 4;
    l.steps = (l.runs * l.run_words + 1) / 2 * 2;  // the micro-kernel takes two steps at a time
    // The +128 weight trick saves 2 of 20 instructions per step but costs 4 per input word in
    // the gather: worth it for deep multi-run (k x k) fields.
    // Pre-widened weights need no unpacking, so the trick has nothing left to save.
    l.offset_weights = !int16_weights && l.runs > 1 && l.steps >= 16;
    l.int16_weights = int16_weights;
    l.words_per_step = int16_weights ? 4 : 2;
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
    bool int16_weights;
    friend constexpr bool operator==(const conv_key&, const conv_key&) = default;
};

struct conv_tables {
    const std::uint32_t* weights;  // [pair][step][words_per_step] words
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
    int out_c, steps;
    std::int32_t corr[3];  // per pixel: 128 * (sum of its even-position inputs)
};

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

// Requantizes one channel's outputs of three pixels and stores them through o0..o2, each
// advanced by one (ReLU-style layers: no sign correction, no clamp beyond SSAT; 5 instructions).
[[gnu::always_inline]] inline void requant3_sign_free(std::int32_t a0, std::int32_t a1, std::int32_t a2,
                                                      const requant_entry& r, std::int8_t*& o0, std::int8_t*& o1,
                                                      std::int8_t*& o2) noexcept {
    __asm__ volatile(
        "lsl %[a0], %[a0], #1\n\t"
        "lsl %[a1], %[a1], #1\n\t"
        "lsl %[a2], %[a2], #1\n\t"
        "smmlar %[a0], %[a0], %[m], %[k]\n\t"
        "smmlar %[a1], %[a1], %[m], %[k]\n\t"
        "smmlar %[a2], %[a2], %[m], %[k]\n\t"
        "asr %[a0], %[a0], %[e]\n\t"
        "asr %[a1], %[a1], %[e]\n\t"
        "asr %[a2], %[a2], %[e]\n\t"
        "ssat %[a0], #8, %[a0]\n\t"
        "ssat %[a1], #8, %[a1]\n\t"
        "ssat %[a2], #8, %[a2]\n\t"
        "strb %[a0], [%[o0]], #1\n\t"
        "strb %[a1], [%[o1]], #1\n\t"
        "strb %[a2], [%[o2]], #1\n\t"
        : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [o0] "+r"(o0), [o1] "+r"(o1), [o2] "+r"(o2)
        : [m] "r"(r.mult), [k] "r"(r.add), [e] "r"(r.right)
        : "memory");
}

template <requant_mode Mode, int NPix, bool Int16Weights>
[[gnu::noinline]] void conv_pixels3(const conv_job& j) {
    const std::uint32_t* w = j.w;
    const std::int32_t* bias = j.bias;
    const requant_entry* rq = j.rq;
    std::int8_t* out = j.out;
    const int out_c = j.out_c;
    const int pairs = (out_c + 1) / 2;
    const bool fast_store = asm_requant<Mode> && NPix == 3 && out_c % 2 == 0;
    std::int8_t* o0 = out;
    std::int8_t* o1 = out + out_c;
    std::int8_t* o2 = out + 2 * out_c;
    const std::uint32_t* const x_end = j.x + 6 * j.steps;
    for (int q = 0; q < pairs; ++q, bias += 2, rq += 2, out += 2) {
        std::int32_t a00 = bias[0], a01 = bias[1];
        std::int32_t a10 = a00, a11 = a01, a20 = a00, a21 = a01;
        const std::uint32_t* xp = j.x;
        std::uint32_t w0, w1, w0o, w1o, xe;
        std::uint32_t xo = reinterpret_cast<std::uintptr_t>(x_end);
        // Two steps per iteration; x_end is kept on the stack (14 registers are in use).
#define CTNN_ARM_CONV_LOOP(WEIGHTS)                                                                              \
    __asm__ volatile("str %[xo], [sp, #-8]!\n\t"                                                                  \
                     "1:\n\t" CTNN_ARM_CONV_STEP(WEIGHTS) CTNN_ARM_CONV_STEP(WEIGHTS) "ldr %[xe], [sp]\n\t"         \
                     "cmp %[xp], %[xe]\n\t"                                                                        \
                     "bne 1b\n\t"                                                                                  \
                     "add sp, sp, #8\n\t"                                                                          \
                     : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [a20] "+r"(a20),      \
                       [a21] "+r"(a21), [xp] "+r"(xp), [wp] "+r"(w), [xo] "+&r"(xo), [xe] "=&r"(xe),             \
                       [w0] "=&r"(w0), [w1] "=&r"(w1), [w0o] "=&r"(w0o), [w1o] "=&r"(w1o)                        \
                     :                                                                                          \
                     : "cc", "memory")
        if constexpr (Int16Weights)
            CTNN_ARM_CONV_LOOP(CTNN_ARM_CONV_WEIGHTS_S16);
        else
            CTNN_ARM_CONV_LOOP(CTNN_ARM_CONV_WEIGHTS_S8);
#undef CTNN_ARM_CONV_LOOP
        if constexpr (asm_requant<Mode> && NPix == 3) {
            if (fast_store) {
                requant3_sign_free(a00, a10, a20, rq[0], o0, o1, o2);
                requant3_sign_free(a01, a11, a21, rq[1], o0, o1, o2);
                continue;
            }
        }
        const bool has_c1 = 2 * q + 1 < out_c;
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
    const bool fast_store = asm_requant<Mode> && NPix == 3 && out_c % 2 == 0;
    std::int8_t* o0 = out;
    std::int8_t* o1 = out + out_c;
    std::int8_t* o2 = out + 2 * out_c;
    const std::uint32_t* const x_end = j.x + 6 * j.steps;
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
        register std::uint32_t xe asm("r10");
        register std::uint32_t w0 asm("r11");
        register std::uint32_t w1 asm("r12");
        register std::uint32_t w0o asm("lr");
        register std::uint32_t w1o asm("r7");
        // Two steps per iteration; x_end is kept on the stack (14 registers are in use).
        __asm__ volatile(
            "str %[xo], [sp, #-8]!\n\t"
            "1:\n\t"
            CTNN_ARM_CONV_STEP(CTNN_ARM_CONV_WEIGHTS_S8_OFFSET)
            CTNN_ARM_CONV_STEP(CTNN_ARM_CONV_WEIGHTS_S8_OFFSET)
            "ldr %[xe], [sp]\n\t"
            "cmp %[xp], %[xe]\n\t"
            "bne 1b\n\t"
            "add sp, sp, #8\n\t"
            : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [a20] "+r"(a20),
              [a21] "+r"(a21), [xp] "+r"(xp), [wp] "+r"(wr), [xo] "+r"(xo), [xe] "=&r"(xe), [w0] "=&r"(w0),
              [w1] "=&r"(w1), [w0o] "=&r"(w0o), [w1o] "=&r"(w1o)
            :
            : "cc", "memory");
        w = wr;
        if constexpr (asm_requant<Mode> && NPix == 3) {
            if (fast_store) {
                requant3_sign_free(a00, a10, a20, rq[0], o0, o1, o2);
                requant3_sign_free(a01, a11, a21, rq[1], o0, o1, o2);
                continue;
            }
        }
        const bool has_c1 = 2 * q + 1 < out_c;
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
}
#undef CTNN_ARM_CONV_STEP
#undef CTNN_ARM_CONV_WEIGHTS_S8
#undef CTNN_ARM_CONV_WEIGHTS_S8_OFFSET
#undef CTNN_ARM_CONV_WEIGHTS_S16

template <class Spec, bool Int16Weights>
struct conv2d_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr conv_layout l = conv_layout_of(g, Int16Weights);
    static constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    static constexpr int pairs = (g.out_c + 1) / 2;

    // int8: per step, channel 0's word of 4 bytes, then channel 1's. int16: channel 0's
    // (even, even) halves, channel 1's, then both channels' (odd, odd) halves.
    static constexpr std::array<std::uint32_t, pairs * l.steps * l.words_per_step> weights = [] {
        std::array<std::uint32_t, pairs * l.steps * l.words_per_step> w{};
        for (int oc = 0; oc < g.out_c; ++oc)
            for (int r = 0; r < l.runs; ++r)
                for (int j = 0; j < l.run_len; ++j) {
                    const int step = r * l.run_words + j / 4;
                    const int v = Spec::weights[oc * depth + r * l.run_len + j] + (l.offset_weights && j % 2 == 0 ? 128 : 0);
                    std::uint32_t* words = &w[((oc / 2) * l.steps + step) * l.words_per_step];
                    if (l.int16_weights)
                        words[oc % 2 + 2 * (j % 2)] |= std::uint32_t{static_cast<std::uint16_t>(v)} << (16 * ((j % 4) / 2));
                    else
                        words[oc % 2] |= std::uint32_t{static_cast<std::uint8_t>(v)} << (8 * (j % 4));
                }
        return w;
    }();

    static constexpr std::array<std::int32_t, pairs * 2> bias = [] {
        std::array<std::int32_t, pairs * 2> b{};
        for (int oc = 0; oc < g.out_c; ++oc) {
            std::int32_t sum = 0, odd = 0;
            for (int k = 0; k < depth; ++k) sum += Spec::weights[oc * depth + k];
            for (int r = 0; r < l.runs; ++r)
                for (int j = 1; j < l.run_len; j += 2) odd += Spec::weights[oc * depth + r * l.run_len + j];
            b[oc] = Spec::bias[oc] - g.input_zero_point * sum + (l.offset_weights ? 128 * odd : 0);
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
        conv_key k{g, requant.mode, Int16Weights};
        k.g.output_zero_point = 0;
        k.g.act_min = -128;
        k.g.act_max = 127;
        return k;
    }();
    static constexpr conv_tables tables{weights.data(), bias.data(), requant.entry.data()};
};

// One input word into the buffer as E = (x0, x2), Y = (x1 - 128 - 256 x0, x3 - 128 - 256 x2)
// (see the header comment of fully_connected_s8.hpp); sum += x0 + x2.
// Without offset weights: plain (x0, x2), (x1, x3).
template <bool Offset>
[[gnu::always_inline]] inline void prepare_word(std::uint32_t x, std::uint32_t* dst, std::int32_t& sum) noexcept {
    const std::uint32_t e = sxtb16(x);
    if constexpr (!Offset) {
        dst[0] = e;
        dst[1] = sxtb16_ror8(x);
        return;
    }
    const std::uint32_t m = ((x << 8) & 0xff00ff00u) | 0x00800080u;
    dst[0] = e;
    dst[1] = __ssub16(sxtb16_ror8(x), m);
    sum = smlad(e, 0x00010001u, sum);
}

// Prepares run_len bytes at src into dst[6 * word + 0/1].
template <int RunLen, bool Offset>
[[gnu::always_inline]] inline void extend_run(const std::int8_t* src, std::uint32_t* dst, std::int32_t& sum) noexcept {
    constexpr int full = RunLen / 4;
#pragma GCC unroll 4
    for (int k = 0; k < full; ++k) prepare_word<Offset>(load_word(src + 4 * k), dst + 6 * k, sum);
    if constexpr (RunLen % 4 != 0) prepare_word<Offset>(load_partial<RunLen % 4>(src + 4 * full), dst + 6 * full, sum);
}

// Fills one pixel's slot of the buffer from its receptive field at (iy0, ix0).
template <conv_key K>
inline std::int32_t gather(const std::int8_t* input, int iy0, int ix0, std::uint32_t* slot, std::int8_t* patch) noexcept {
    std::int32_t sum = 0;
    constexpr conv_geometry g = K.g;
    constexpr conv_layout l = conv_layout_of(g, K.int16_weights);
    bool inside = true;
    if constexpr (l.may_pad)
        inside = iy0 >= 0 && iy0 + (g.kernel_h - 1) * g.dilation_h < g.in_h && ix0 >= 0 &&
                 ix0 + (g.kernel_w - 1) * g.dilation_w < g.in_w;
    if (inside) {
        const std::int8_t* base = input + (iy0 * g.in_w + ix0) * g.in_c;
#pragma GCC unroll 16
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len, l.offset_weights>(base + run_offset(g, r), slot + 6 * r * l.run_words, sum);
        return 128 * sum;
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
        for (int r = 0; r < l.runs; ++r) extend_run<l.run_len, l.offset_weights>(patch + r * l.run_len, slot + 6 * r * l.run_words, sum);
    }
    return 128 * sum;
}

template <requant_mode Mode, int NPix, conv_layout L>
inline void conv_pixels(const conv_job& j) {
    if constexpr (L.offset_weights)
        conv_pixels3_offset<Mode, NPix>(j);
    else
        conv_pixels3<Mode, NPix, L.int16_weights>(j);
}

// Output rows [y_begin, y_end); output points at row y_begin's first byte. Inlined into two
// bodies: the whole layer (Ranged = false: the range is the constant 0..out_h) and any row
// range (residual fusion); a model instantiates only the one it calls for a layer.
template <conv_key K, bool Ranged>
[[gnu::always_inline]] inline void conv2d_rows(const std::int8_t* input, std::int8_t* output, const conv_tables& t,
                                               int y_begin, int y_end) {
    constexpr conv_geometry g = K.g;
    constexpr conv_layout l = conv_layout_of(g, K.int16_weights);
    const int pixels = (y_end - y_begin) * g.out_w;
    // One or two pixels are left over when the pixel count is not a multiple of three; whole
    // rows of a width divisible by three never leave any.
    constexpr bool may_leave_tail = Ranged ? g.out_w % 3 != 0 : (g.out_h * g.out_w) % 3 != 0;

    alignas(8) std::uint32_t buffer[l.steps * 6];
    alignas(4) std::int8_t patch[l.may_pad ? l.runs * l.run_len : 1];
    alignas(4) std::int8_t tail[may_leave_tail ? 3 * g.out_c : 1];
    if constexpr (l.steps > l.runs * l.run_words)
        for (int i = 6 * l.runs * l.run_words; i < 6 * l.steps; ++i) buffer[i] = 0;

    conv_job job{buffer, t.weights, t.bias, t.requant, output, g.out_c, l.steps, {0, 0, 0}};
    int oy = y_begin, ox = 0;
    for (int p = 0; p < pixels; p += 3) {
        // Up to three pixels into the buffer (the last one repeated when fewer remain).
        const int n = pixels - p < 3 ? pixels - p : 3;
        for (int s = 0; s < 3; ++s) {
            const std::int32_t corr =
                gather<K>(input, oy * g.stride_h - g.pad_top, ox * g.stride_w - g.pad_left, buffer + 2 * s, patch);
            if constexpr (l.offset_weights) job.corr[s] = corr;
            if (s + 1 < n && ++ox == g.out_w) {
                ox = 0;
                ++oy;
            }
        }
        if (++ox == g.out_w) {
            ox = 0;
            ++oy;
        }
        if (!may_leave_tail || n == 3) {
            job.out = output + p * g.out_c;
            conv_pixels<K.mode, 3, l>(job);
        } else {
            // The last one or two pixels: all three computed into scratch, the real ones copied
            // (one micro-kernel variant per layer instead of three).
            job.out = tail;
            conv_pixels<K.mode, 3, l>(job);
            std::memcpy(output + p * g.out_c, tail, n * g.out_c);
        }
    }
}

template <conv_key K>
CTNN_ARM_KERNEL_BODY void conv2d_body(const std::int8_t* input, std::int8_t* output, const conv_tables& t) {
    conv2d_rows<K, false>(input, output, t, 0, K.g.out_h);
}

template <conv_key K>
CTNN_ARM_KERNEL_BODY void conv2d_range_body(const std::int8_t* input, std::int8_t* output, const conv_tables& t,
                                            int y_begin, int y_end) {
    conv2d_rows<K, true>(input, output, t, y_begin, y_end);
}

}  // namespace detail

// Stack bytes conv2d_s8<Spec> uses beyond a few registers' worth (the int16 buffer and patch).
template <class Spec>
inline constexpr int conv2d_scratch_bytes = [] {
    constexpr auto l = detail::conv_layout_of(Spec::geometry, false);  // the buffer does not depend on it
    return l.steps * 24 + (l.may_pad ? l.runs * l.run_len : 0) + 3 * Spec::geometry.out_c;  // at most
}();

// Output rows [y_begin, y_end) only; output points at row y_begin's first byte.
template <class Spec, kernel_options O = kernel_options{}>
inline void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
    using plan = detail::conv2d_plan<Spec, O.int16_weights>;
    static_assert(plan::g.in_h > 0 && plan::g.in_w > 0 && plan::g.in_c > 0 && plan::g.out_c > 0 &&
                      plan::g.kernel_h > 0 && plan::g.kernel_w > 0,
                  "ctnn: conv2d_s8 needs a non-empty geometry");
    detail::conv2d_range_body<plan::key>(input, output, plan::tables, y_begin, y_end);
}

template <class Spec, kernel_options O = kernel_options{}>
inline void conv2d_s8(const std::int8_t* input, std::int8_t* output) {
    using plan = detail::conv2d_plan<Spec, O.int16_weights>;
    static_assert(plan::g.in_h > 0 && plan::g.in_w > 0 && plan::g.in_c > 0 && plan::g.out_c > 0 &&
                      plan::g.kernel_h > 0 && plan::g.kernel_w > 0,
                  "ctnn: conv2d_s8 needs a non-empty geometry");
    detail::conv2d_body<plan::key>(input, output, plan::tables);
}

}  // namespace ctnn::kernels::arm
