// Arm DSP FULLY_CONNECTED, int8 (Cortex-M4/M7/M33); bit-exact with reference::fully_connected_s8.
//
//   template <class Spec> void fully_connected_s8(const std::int8_t* input, std::int8_t* output);
//
// Spec: as portable::fully_connected_s8 (params, weights [out][in], bias, requant [out or 1]).
// input/output: any byte alignment. No scratch.
//
// How: two output features at a time. Per 4 inputs: one input word split by SXTB16 into even
// and odd int16 pairs, one LDRD of both rows' 4 weights (re-laid out at compile time in this
// order, rows zero-padded to whole words), 4 SXTB16 and 4 SMLAD. zp_in is folded into the bias
// at compile time; a per-tensor multiplier is broadcast to every feature.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/arm/detail/dsp.hpp"
#include "ctnn/kernels/arm/detail/requantize.hpp"
#include "ctnn/kernels/fully_connected_params.hpp"

namespace ctnn::kernels::arm {
namespace detail {

struct fc_key {
    int batches, in_features, out_features;
    requant_mode mode;
    friend constexpr bool operator==(const fc_key&, const fc_key&) = default;
};

struct fc_tables {
    const std::uint32_t* weights;  // [pair][word][2 rows]
    const std::int32_t* bias;      // [pair * 2]
    const requant_entry* requant;  // [pair * 2]
};

template <class Spec>
struct fc_plan {
    static constexpr fully_connected_params p = Spec::params;
    static constexpr int in = p.in_features;
    static constexpr int words = (in + 3) / 4;
    static constexpr int pairs = (p.out_features + 1) / 2;

    static constexpr std::array<std::uint32_t, pairs * words * 2> weights = [] {
        std::array<std::uint32_t, pairs * words * 2> w{};
        for (int o = 0; o < p.out_features; ++o)
            for (int i = 0; i < in; ++i) {
                const auto byte = static_cast<std::uint8_t>(Spec::weights[o * in + i]);
                w[((o / 2) * words + i / 4) * 2 + o % 2] |= std::uint32_t{byte} << (8 * (i % 4));
            }
        return w;
    }();

    static constexpr std::array<std::int32_t, pairs * 2> bias = [] {
        std::array<std::int32_t, pairs * 2> b{};
        for (int o = 0; o < p.out_features; ++o) {
            std::int32_t sum = 0;
            for (int i = 0; i < in; ++i) sum += Spec::weights[o * in + i];
            b[o] = Spec::bias[o] - p.input_zero_point * sum;
        }
        return b;
    }();

    static constexpr auto requant = make_requant_table<pairs * 2>(
        p.out_features, [](int o) { return quantized_multiplier(Spec::requant[p.per_channel ? o : 0]); },
        [](int o) {
            const std::int64_t dx = p.input_zero_point < 0 ? 127 - p.input_zero_point : 128 + p.input_zero_point;
            std::int64_t sum = 0;
            for (int i = 0; i < in; ++i) {
                const std::int64_t w = Spec::weights[o * in + i];
                sum += w < 0 ? -w : w;
            }
            const std::int64_t b = Spec::bias[o];
            return acc_range{b, dx * sum};
        },
        p.output_zero_point, p.act_min, p.act_max);

    static constexpr fc_key key{p.batches, in, p.out_features, requant.mode};
    static constexpr fc_tables tables{weights.data(), bias.data(), requant.entry.data()};
};

template <fc_key K>
CTNN_ARM_KERNEL_BODY void fully_connected_body(const std::int8_t* input, std::int8_t* output, const fc_tables& t) {
    constexpr int in = K.in_features, out = K.out_features;
    constexpr int full = in / 4, pairs = (out + 1) / 2, words = (in + 3) / 4;
    for (int b = 0; b < K.batches; ++b, input += in, output += out) {
        const std::uint32_t* w = t.weights;  // locals: int8 stores may alias the tables
        const std::int32_t* const bias = t.bias;
        const requant_entry* const rq = t.requant;
        for (int q = 0; q < pairs; ++q) {
            std::int32_t a0 = bias[2 * q], a1 = bias[2 * q + 1];
            auto step = [&](std::uint32_t x) {
                const std::uint32_t xe = sxtb16(x), xo = sxtb16_ror8(x);
                const std::uint32_t w0 = w[0], w1 = w[1];
                w += 2;
                a0 = smlad(xe, sxtb16(w0), a0);
                a0 = smlad(xo, sxtb16_ror8(w0), a0);
                a1 = smlad(xe, sxtb16(w1), a1);
                a1 = smlad(xo, sxtb16_ror8(w1), a1);
            };
#pragma GCC unroll 4
            for (int k = 0; k < full; ++k) step(load_word(input + 4 * k));
            if constexpr (words > full) step(load_partial<in % 4>(input + 4 * full));
            output[2 * q] = requantize<K.mode>(a0, rq[2 * q]);
            if (out % 2 == 0 || q + 1 < pairs) output[2 * q + 1] = requantize<K.mode>(a1, rq[2 * q + 1]);
        }
    }
}

}  // namespace detail

template <class Spec>
inline void fully_connected_s8(const std::int8_t* input, std::int8_t* output) {
    using plan = detail::fc_plan<Spec>;
    detail::fully_connected_body<plan::key>(input, output, plan::tables);
}

}  // namespace ctnn::kernels::arm
