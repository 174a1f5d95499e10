// The weight-forms test model (tests/unit/weight_forms.test.cpp, tests/arm/weight_forms.cpp):
// layers whose weights are what pruning, int4 quantization and clustering leave: zeros
// (unstructured, whole output channels, whole input channels, kernel taps, 2:4 blocks), values in
// [-8, 7], a few values per channel or per tensor.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/ctnn.hpp"

namespace forms {

struct q_in { static constexpr float scale = 0.06f; static constexpr std::int32_t zero_point = -5; };
struct q_a { static constexpr float scale = 0.09f; static constexpr std::int32_t zero_point = 4; };
struct q_b { static constexpr float scale = 0.15f; static constexpr std::int32_t zero_point = -2; };
struct q_out { static constexpr float scale = 0.25f; static constexpr std::int32_t zero_point = 1; };

constexpr std::uint32_t next(std::uint32_t& s) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
}

enum class kind { int4, clustered, clustered_tensor, pruned, very_sparse, structured };

// Weight k of channel c (Taps weights a channel) for each kind.
constexpr std::int8_t weight(kind k, int c, int tap, int taps, std::uint32_t& s) {
    const std::uint32_t r = next(s);
    switch (k) {
        case kind::int4: return static_cast<std::int8_t>(int(r % 16) - 8);
        case kind::clustered: {  // 12 values a channel, different in every channel
            const int code = int(r % 12);
            return static_cast<std::int8_t>(((code * 19 + c * 7) % 251) - 125);
        }
        case kind::clustered_tensor: return static_cast<std::int8_t>(int(r % 16) * 15 - 113);
        case kind::pruned: return r % 4 == 0 ? static_cast<std::int8_t>(int((r >> 8) % 255) - 127) : 0;  // 75 % zeros
        case kind::very_sparse: return r % 16 == 0 ? static_cast<std::int8_t>(int((r >> 8) % 255) - 127) : 0;  // 94 % zeros
        case kind::structured: {
            if (c % 5 == 2) return 0;                 // a zero output channel
            if (tap % taps == 3) return 0;            // a zero tap / input column
            if (tap % 4 >= 2) return 0;               // 2:4 blocks
            const int v = int((r >> 4) % 255) - 127;
            return static_cast<std::int8_t>(v == 0 ? 1 : v);
        }
    }
    return 0;
}

// Weights <Out, Kh, Kw, In> (conv, fully connected <Out, In>), or <1, Kh, Kw, Channels> with
// the channel innermost (depthwise), per-channel scales, a bias.
template <kind K, std::uint32_t Seed, int Channels, int Taps, bool Depthwise, class Shape>
struct weights_of {
    using weight_shape = Shape;
    static constexpr int weight_bits = K == kind::int4 ? 4 : 8;  // int4: kept packed by `automatic` too
    static constexpr std::array<std::int8_t, Channels * Taps> weights = [] {
        std::array<std::int8_t, Channels * Taps> w{};
        std::uint32_t s = Seed;
        for (int c = 0; c < Channels; ++c)
            for (int t = 0; t < Taps; ++t) w[std::size_t(Depthwise ? t * Channels + c : c * Taps + t)] = weight(K, c, t, Taps, s);
        return w;
    }();
    static constexpr std::array<float, Channels> weight_scales = [] {
        std::array<float, Channels> v{};
        for (int c = 0; c < Channels; ++c) v[std::size_t(c)] = 0.004f + 0.0007f * float(c % 5);
        return v;
    }();
    static constexpr std::array<std::int32_t, Channels> bias = [] {
        std::array<std::int32_t, Channels> b{};
        std::uint32_t s = Seed * 3 + 1;
        for (auto& v : b) v = static_cast<std::int32_t>(next(s) % 3001) - 1500;
        return b;
    }();
};

// 6x6x8 -> conv 3x3 SAME, int4 -> 6x6x16 -> conv 3x3 SAME, clustered per channel -> 6x6x24
// -> conv 1x1, pruned -> depthwise 5x5 stride 2 SAME, pruned -> 3x3x24 (216 values) -> fc 216 -> 40,
// 94 % zeros -> fc 40 -> 64, clustered in the tensor -> fc 64 -> 10, structured.
using conv_a = weights_of<kind::int4, 11, 16, 72, false, ctnn::shape<16, 3, 3, 8>>;
using conv_b = weights_of<kind::clustered, 12, 24, 144, false, ctnn::shape<24, 3, 3, 16>>;
using conv_c = weights_of<kind::pruned, 17, 24, 24, false, ctnn::shape<24, 1, 1, 24>>;
using dw = weights_of<kind::pruned, 13, 24, 25, true, ctnn::shape<1, 5, 5, 24>>;
using fc_a = weights_of<kind::very_sparse, 14, 40, 216, false, ctnn::shape<40, 216>>;
using fc_b = weights_of<kind::clustered_tensor, 15, 64, 40, false, ctnn::shape<64, 40>>;
using fc_c = weights_of<kind::structured, 16, 10, 64, false, ctnn::shape<10, 64>>;

using net = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 6, 6, 8>, q_in>,
    ctnn::layers::conv2d<conv_a, q_a, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>,
    ctnn::layers::conv2d<conv_b, q_b, ctnn::stride<1, 1>, ctnn::padding::same>,
    ctnn::layers::conv2d<conv_c, q_a, ctnn::stride<1, 1>, ctnn::padding::valid, ctnn::act::relu>,
    ctnn::layers::depthwise_conv2d<dw, q_b, ctnn::stride<2, 2>, ctnn::padding::same, ctnn::act::relu6>,
    ctnn::layers::reshape<ctnn::shape<1, 216>>,
    ctnn::layers::fully_connected<fc_a, q_b, ctnn::act::relu>,
    ctnn::layers::fully_connected<fc_b, q_a>,
    ctnn::layers::fully_connected<fc_c, q_out>>;
using dense = ctnn::with_sparsity<net, ctnn::sparsity::off>;
using smallest = ctnn::with_sparsity<net, ctnn::sparsity::force>;

}  // namespace forms
