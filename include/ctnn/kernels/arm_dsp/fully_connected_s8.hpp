// Arm DSP FULLY_CONNECTED, int8 (Cortex-M4/M7/M33); bit-exact with reference::fully_connected_s8.
//
//   template <class Spec, kernel_options O = kernel_options{}> void fully_connected_s8(const std::int8_t* input, std::int8_t* output);
//
// Spec: as portable::fully_connected_s8 (params, weights [out][in], bias, requant [out or 1]).
// input/output: any byte alignment. No scratch.
//
// How: four output features at a time, in a small assembly loop; per 4 inputs, one LDRD of
// prepared input halfwords, one LDM of the four rows' weight words, then per row one SXTB16
// and two SMLAD: 14 instructions per 16 MACs. The trick that saves the second SXTB16: a weight
// word w0..w3 is stored as bytes (w0 + 128, w1, w2 + 128, w3), so its raw halfwords are
// 256 w1 + w0 + 128 and 256 w3 + w2 + 128. With E = (x0, x2) and
// Y = (x1 - 128 - 256 x0, x3 - 128 - 256 x2) (int16: exactly fits for int8 x),
//   SMLAD(E, raw) + SMLAD(Y, SXTB16(raw ror 8) = (w1, w3))
//     = w0 x0 + w1 x1 + w2 x2 + w3 x3 + 128 (x0 + x2) - 128 (w1 + w3).
// The weight term is folded into the bias at compile time (with zp_in); the input term is
// summed once per input row (one SMLAD per word) and taken off every accumulator's start.
// The input row is prepared once into a stack buffer [word][E, Y]. Rows are zero-padded to an
// even number of words (two or four words per loop iteration), features to a multiple of four.
// A per-tensor multiplier is broadcast to every feature. Stack: 8 bytes per 4 inputs.
// With O.int16_weights() the weights are stored as int16 pairs, (w0, w2) and (w1, w3) per row
// and word, and the input plainly as (x0, x2), (x1, x3): per 4 inputs one LDRD, two LDM (two
// rows each) and 8 SMLAD, 11 instructions per 16 MACs, no correction term, twice the flash.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"
#include "ctnn/kernels/fully_connected_params.hpp"
#include "ctnn/kernels/kernel_options.hpp"

namespace ctnn::kernels::arm_dsp {
namespace detail {

struct fc_key {
    int batches, in_features, out_features;
    requant_mode mode;
    bool uniform;  // one requant entry for every feature (per-tensor, no constant channels)
    bool int16_weights;
    friend constexpr bool operator==(const fc_key&, const fc_key&) = default;
};

struct fc_tables {
    const std::uint32_t* weights;  // int8: [quad][word][4 rows]; int16: [quad][word][4 rows][even, odd]
    const std::int32_t* bias;      // [quad * 4]
    const requant_entry* requant;  // [quad * 4]
};

template <class Spec, bool Int16Weights>
struct fc_plan {
    static constexpr fully_connected_params p = Spec::params;
    static constexpr int in = p.in_features;
    static constexpr int words = ((in + 3) / 4 + 1) / 2 * 2;
    static constexpr int quads = (p.out_features + 3) / 4;
    static constexpr int offset = Int16Weights ? 0 : 128;  // the +128 trick on even bytes

    static constexpr std::array<std::uint32_t, quads * words * (Int16Weights ? 8 : 4)> weights = [] {
        std::array<std::uint32_t, quads * words * (Int16Weights ? 8 : 4)> w{};
        if constexpr (Int16Weights) {
            for (int o = 0; o < p.out_features; ++o)
                for (int i = 0; i < in; ++i) {
                    const auto half = static_cast<std::uint16_t>(Spec::weights[o * in + i]);
                    w[(((o / 4) * words + i / 4) * 4 + o % 4) * 2 + i % 2] |= std::uint32_t{half} << (16 * ((i % 4) / 2));
                }
            return w;
        }
        // Each word built whole from its four bytes and written once, through a plain pointer
        // (constant evaluation pays per operation: no operator[] call, no partial words).
        std::uint32_t* const out = w.data();
        for (int o = 0; o < p.out_features; ++o) {
            const std::int8_t* row = &Spec::weights[0] + o * in;
            std::uint32_t* word = out + (o / 4) * words * 4 + o % 4;
            for (int i = 0; i < in; i += 4, word += 4) {
                std::uint32_t v = 0;
                for (int j = 0; j < 4 && i + j < in; ++j)
                    v |= std::uint32_t{static_cast<std::uint8_t>(row[i + j] + (j % 2 == 0 ? 128 : 0))} << (8 * j);
                *word = v;
            }
        }
        // Padding inputs (x = 0): even bytes 128 like every even byte, contributing 0.
        for (int o = 0; o < quads * 4; ++o)
            for (int i = (o < p.out_features ? in : 0); i < 4 * words; ++i)
                if (i % 2 == 0) w[((o / 4) * words + i / 4) * 4 + o % 4] |= std::uint32_t{128} << (8 * (i % 4));
        return w;
    }();

    static constexpr auto& sums = channel_sums<Spec, p.out_features, channel_weights{in, in, 1}>;

    static constexpr std::array<std::int32_t, quads * 4> bias = [] {
        std::array<std::int32_t, quads * 4> b{};
        for (int o = 0; o < p.out_features; ++o)
            b[o] = static_cast<std::int32_t>(Spec::bias[o] - std::int64_t{p.input_zero_point} * sums[o].total() + offset * sums[o].odd);
        return b;
    }();

    static constexpr auto requant = make_requant_table<quads * 4>(
        p.out_features, [](int o) { return quantized_multiplier(Spec::requant[p.per_channel ? o : 0]); },
        [](int o) { return channel_acc_range(sums[o], Spec::bias[o], p.input_zero_point); },
        p.output_zero_point, p.act_min, p.act_max);

    static constexpr bool uniform = [] {
        for (int o = 1; o < p.out_features; ++o) {
            const requant_entry& a = requant.entry[0];
            const requant_entry& b = requant.entry[o];
            if (a.mult != b.mult || a.add != b.add || a.right != b.right || a.left != b.left || a.mask != b.mask)
                return false;
        }
        return true;
    }();
    static constexpr fc_key key{p.batches, in, p.out_features, requant.mode, uniform, Int16Weights};
    static constexpr fc_tables tables{weights.data(), bias.data(), requant.entry.data()};
};

// One input word's four rows: LDM of the rows' weight words, 4 SXTB16, 8 SMLAD.
// With int16 weights: two LDM of two rows' (even, odd) words each, 8 SMLAD.
#define CTNN_ARM_FC_STEP16                         \
    "ldrd %[xe], %[xo], [%[xp]], #8\n\t"           \
    "ldm %[wp]!, {%[w0], %[w1], %[w2], %[w3]}\n\t" \
    "smlad %[a0], %[xe], %[w0], %[a0]\n\t"         \
    "smlad %[a0], %[xo], %[w1], %[a0]\n\t"         \
    "smlad %[a1], %[xe], %[w2], %[a1]\n\t"         \
    "smlad %[a1], %[xo], %[w3], %[a1]\n\t"         \
    "ldm %[wp]!, {%[w0], %[w1], %[w2], %[w3]}\n\t" \
    "smlad %[a2], %[xe], %[w0], %[a2]\n\t"         \
    "smlad %[a2], %[xo], %[w1], %[a2]\n\t"         \
    "smlad %[a3], %[xe], %[w2], %[a3]\n\t"         \
    "smlad %[a3], %[xo], %[w3], %[a3]\n\t"
#define CTNN_ARM_FC_STEP                           \
    "ldrd %[xe], %[xo], [%[xp]], #8\n\t"           \
    "ldm %[wp]!, {%[w0], %[w1], %[w2], %[w3]}\n\t" \
    "sxtb16 %[t], %[w0], ror #8\n\t"               \
    "smlad %[a0], %[xe], %[w0], %[a0]\n\t"         \
    "smlad %[a0], %[xo], %[t], %[a0]\n\t"          \
    "sxtb16 %[t], %[w1], ror #8\n\t"               \
    "smlad %[a1], %[xe], %[w1], %[a1]\n\t"         \
    "smlad %[a1], %[xo], %[t], %[a1]\n\t"          \
    "sxtb16 %[t], %[w2], ror #8\n\t"               \
    "smlad %[a2], %[xe], %[w2], %[a2]\n\t"         \
    "smlad %[a2], %[xo], %[t], %[a2]\n\t"          \
    "sxtb16 %[t], %[w3], ror #8\n\t"               \
    "smlad %[a3], %[xe], %[w3], %[a3]\n\t"         \
    "smlad %[a3], %[xo], %[t], %[a3]\n\t"

// The prepared input row: two words per input word, rounded up to whole steps.
constexpr int fc_buffer_words(int in_features) noexcept { return 2 * (((in_features + 3) / 4 + 1) / 2 * 2); }

template <fc_key K>
CTNN_ARM_KERNEL_BODY void fully_connected_body(const std::int8_t* input, std::int8_t* output, const fc_tables& t,
                                               std::byte* scratch) {
    constexpr int in = K.in_features, out = K.out_features;
    constexpr int full = in / 4, quads = (out + 3) / 4, words = ((in + 3) / 4 + 1) / 2 * 2;
    static_assert(fc_buffer_words(in) == 2 * words);
    auto* const buffer = reinterpret_cast<std::uint32_t*>(scratch);
    for (int b = 0; b < K.batches; ++b, input += in, output += out) {
        std::int32_t even_sum = 0;
        auto prepare = [&](std::uint32_t x, std::uint32_t* dst) {
            const std::uint32_t e = sxtb16(x);
            if constexpr (K.int16_weights) {
                dst[0] = e;
                dst[1] = sxtb16_ror8(x);
                return;
            }
            const std::uint32_t m = ((x << 8) & 0xff00ff00u) | 0x00800080u;  // (256 x0 + 128, 256 x2 + 128)
            dst[0] = e;
            dst[1] = __ssub16(sxtb16_ror8(x), m);
            even_sum = smlad(e, 0x00010001u, even_sum);
        };
        for (int k = 0; k < full; ++k) prepare(load_word(input + 4 * k), buffer + 2 * k);
        if constexpr (in % 4 != 0) prepare(load_partial<in % 4>(input + 4 * full), buffer + 2 * full);
        for (int k = (in + 3) / 4; k < words; ++k) prepare(0, buffer + 2 * k);
        const std::int32_t corr = 128 * even_sum;
        const std::uint32_t* w = t.weights;  // locals: int8 stores may alias the tables
        const std::int32_t* bias = t.bias;
        const requant_entry* rq = t.requant;
        std::int8_t* o = output;
        const std::int32_t m0 = rq[0].mult, k0 = rq[0].add, e0 = rq[0].right;
        for (int q = 0; q < quads; ++q, bias += 4, rq += 4, o += 4) {
            std::int32_t a0 = bias[0] - corr, a1 = bias[1] - corr, a2 = bias[2] - corr, a3 = bias[3] - corr;
            const std::uint32_t* xp = buffer;
            const std::uint32_t* const x_end = buffer + 2 * words;
            // LDM fills registers in ascending order: the four weight words get fixed ones.
            register std::uint32_t w0 asm("r8");
            register std::uint32_t w1 asm("r9");
            register std::uint32_t w2 asm("r10");
            register std::uint32_t w3 asm("r11");
            std::uint32_t xe, xo, tmp;
#define CTNN_ARM_FC_OPERANDS                                                                                     \
    : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [xp] "+r"(xp), [wp] "+r"(w), [xe] "=&r"(xe),    \
      [xo] "=&r"(xo), [w0] "=&r"(w0), [w1] "=&r"(w1), [w2] "=&r"(w2), [w3] "=&r"(w3), [t] "=&r"(tmp)              \
    : [end] "r"(x_end)                                                                                           \
    : "cc", "memory"
            if constexpr (K.int16_weights && words % 4 == 0)
                __asm__ volatile("1:\n\t" CTNN_ARM_FC_STEP16 CTNN_ARM_FC_STEP16 CTNN_ARM_FC_STEP16 CTNN_ARM_FC_STEP16
                                 "cmp %[xp], %[end]\n\t"
                                 "bne 1b\n\t" CTNN_ARM_FC_OPERANDS);
            else if constexpr (K.int16_weights)
                __asm__ volatile("1:\n\t" CTNN_ARM_FC_STEP16 CTNN_ARM_FC_STEP16
                                 "cmp %[xp], %[end]\n\t"
                                 "bne 1b\n\t" CTNN_ARM_FC_OPERANDS);
            else if constexpr (words % 4 == 0)
                __asm__ volatile("1:\n\t" CTNN_ARM_FC_STEP CTNN_ARM_FC_STEP CTNN_ARM_FC_STEP CTNN_ARM_FC_STEP
                                 "cmp %[xp], %[end]\n\t"
                                 "bne 1b\n\t" CTNN_ARM_FC_OPERANDS);
            else
                __asm__ volatile("1:\n\t" CTNN_ARM_FC_STEP CTNN_ARM_FC_STEP
                                 "cmp %[xp], %[end]\n\t"
                                 "bne 1b\n\t" CTNN_ARM_FC_OPERANDS);
#undef CTNN_ARM_FC_OPERANDS
            if constexpr (asm_requant<K.mode> && K.uniform && out % 4 == 0) {
                // ReLU-style, one multiplier: 5 instructions per output.
                __asm__ volatile(
                    "lsl %[a0], %[a0], #1\n\t"
                    "lsl %[a1], %[a1], #1\n\t"
                    "lsl %[a2], %[a2], #1\n\t"
                    "lsl %[a3], %[a3], #1\n\t"
                    "smmlar %[a0], %[a0], %[m], %[k]\n\t"
                    "smmlar %[a1], %[a1], %[m], %[k]\n\t"
                    "smmlar %[a2], %[a2], %[m], %[k]\n\t"
                    "smmlar %[a3], %[a3], %[m], %[k]\n\t"
                    "asr %[a0], %[a0], %[e]\n\t"
                    "asr %[a1], %[a1], %[e]\n\t"
                    "asr %[a2], %[a2], %[e]\n\t"
                    "asr %[a3], %[a3], %[e]\n\t"
                    "ssat %[a0], #8, %[a0]\n\t"
                    "ssat %[a1], #8, %[a1]\n\t"
                    "ssat %[a2], #8, %[a2]\n\t"
                    "ssat %[a3], #8, %[a3]\n\t"
                    "strb %[a0], [%[o], #0]\n\t"
                    "strb %[a1], [%[o], #1]\n\t"
                    "strb %[a2], [%[o], #2]\n\t"
                    "strb %[a3], [%[o], #3]\n\t"
                    : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3)
                    : [o] "r"(o), [m] "r"(m0), [k] "r"(k0), [e] "r"(e0)
                    : "memory");
            } else {
                o[0] = requantize<K.mode>(a0, rq[0]);
                if (4 * q + 1 < out) o[1] = requantize<K.mode>(a1, rq[1]);
                if (4 * q + 2 < out) o[2] = requantize<K.mode>(a2, rq[2]);
                if (4 * q + 3 < out) o[3] = requantize<K.mode>(a3, rq[3]);
            }
        }
    }
}
#undef CTNN_ARM_FC_STEP
#undef CTNN_ARM_FC_STEP16

}  // namespace detail

// Bytes of scratch a layer's kernel needs (the prepared input row): word aligned, live during
// the call only.
template <class Spec>
inline constexpr std::size_t fully_connected_scratch_bytes = std::size_t(detail::fc_buffer_words(Spec::params.in_features)) * 4;

template <class Spec, kernel_options O = kernel_options{}>
inline void fully_connected_s8(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
    using plan = detail::fc_plan<Spec, O.int16_weights()>;
    detail::fully_connected_body<plan::key>(input, output, plan::tables, scratch);
}

}  // namespace ctnn::kernels::arm_dsp

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::fully_connected> : provided_kernel {
    template <class Spec>
    static constexpr std::size_t scratch_bytes = arm_dsp::fully_connected_scratch_bytes<Spec>;
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
        arm_dsp::fully_connected_s8<Spec, O>(input, output, scratch);
    }
    // The body reads them all through plan::tables.
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        using plan = arm_dsp::detail::fc_plan<Spec, O.int16_weights()>;
        return linked_constants::of(plan::weights, plan::bias, plan::requant, plan::tables);
    }
};
}  // namespace ctnn::kernels
