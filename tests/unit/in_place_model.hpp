// The shrinking in-place test model (tests/unit/model.test.cpp, tests/arm/weight_forms.cpp): a
// 1x1 convolution that halves the channels (7x6x16 -> 7x6x8) writes over its input in the
// smallest-RAM schedule, by rows through a band on the portable set and as it is on the Arm DSP
// set (its kernel gathers each three pixels before it writes them); its output row lies inside
// the input rows already read. A 3x3 convolution follows.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/ctnn.hpp"

namespace in_place_shrink {

struct q_in { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = 3; };
struct q_a { static constexpr float scale = 0.11f; static constexpr std::int32_t zero_point = -6; };
struct q_b { static constexpr float scale = 0.2f; static constexpr std::int32_t zero_point = 2; };

// Dense weights <Out, Kh, Kw, In> (no zeros: every build keeps them dense), per-channel scales.
template <int Out, int Kh, int Kw, int In, std::uint32_t Seed>
struct conv_weights {
    using weight_shape = ctnn::shape<Out, Kh, Kw, In>;
    static constexpr std::array<std::int8_t, Out * Kh * Kw * In> weights = [] {
        std::array<std::int8_t, Out * Kh * Kw * In> w{};
        std::uint32_t s = Seed;
        for (auto& v : w) {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            const int x = int(s % 200) - 100;
            v = static_cast<std::int8_t>(x == 0 ? 1 : x);
        }
        return w;
    }();
    static constexpr std::array<float, Out> weight_scales = [] {
        std::array<float, Out> a{};
        for (int i = 0; i < Out; ++i) a[i] = 0.002f + 0.0005f * float(i % 4);
        return a;
    }();
    static constexpr std::array<std::int32_t, Out> bias = [] {
        std::array<std::int32_t, Out> b{};
        for (int i = 0; i < Out; ++i) b[i] = (i % 3 - 1) * 150;
        return b;
    }();
};

using net = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 7, 6, 16>, q_in>,
    ctnn::layers::conv2d<conv_weights<8, 1, 1, 16, 91>, q_a, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>,
    ctnn::layers::conv2d<conv_weights<8, 3, 3, 8, 92>, q_b, ctnn::stride<1, 1>, ctnn::padding::same>>;
using small = ctnn::optimize_for<net, ctnn::smallest_ram>;

}  // namespace in_place_shrink
