// The input zero point folded into the bias at compile time, which every weighted kernel does:
//   sum_k w[c][k] * (x_k - zp_in) = sum_k w[c][k] * x_k - zp_in * sum_k w[c][k],
// so bias'[c] = bias[c] - zp_in * sum_k w[c][k] and the inner loop multiplies the raw int8
// inputs. A tap in the padding reads zp_in instead of the input, which then adds nothing, as the
// reference skips it. Exact in int32 (the accumulator bound proof covers the folded sum).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace ctnn::kernels {

// Where channel c's weights lie: w[c * channel_stride + k * tap_stride] for k < count
// (OHWI conv and fully connected: {depth, depth, 1}; depthwise [tap][c]: {taps, 1, channels}).
struct channel_weights {
    int count, channel_stride, tap_stride;
};

template <class W>
constexpr std::int32_t weight_sum(const W& w, int c, channel_weights l) noexcept {
    std::int32_t sum = 0;
    for (int k = 0; k < l.count; ++k) sum += w[c * l.channel_stride + k * l.tap_stride];
    return sum;
}

// bias[c] with the input zero point zp_in folded in (kernels that offset their inputs, such
// as the VNNI tile's x + 128, pass the offset zero point).
template <class W, class B>
constexpr std::int32_t fold_input_zero_point(const W& w, const B& bias, int c, std::int32_t zp_in, channel_weights l) noexcept {
    return bias[c] - zp_in * weight_sum(w, c, l);
}

// The folded bias of all N channels.
template <int N, class W, class B>
constexpr std::array<std::int32_t, N> folded_bias(const W& w, const B& bias, std::int32_t zp_in, channel_weights l) noexcept {
    std::array<std::int32_t, N> folded{};
    for (int c = 0; c < N; ++c) folded[static_cast<std::size_t>(c)] = fold_input_zero_point(w, bias, c, zp_in, l);
    return folded;
}

}  // namespace ctnn::kernels
