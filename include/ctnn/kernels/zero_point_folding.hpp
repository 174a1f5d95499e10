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

// What every compile-time use of a layer's weights needs, per output channel, from one pass
// over them: the folded bias (total), the accumulator bounds (positive, negative), the Arm
// kernels' +128 correction (odd), whether a sparse form may pay (zeros). Constant evaluation costs about a microsecond and some bytes
// per operation, so a model with millions of weights must read each weight as few times as
// possible: channel_sums is computed once per spec and layout, shared by the layer's checks and
// every kernel set's plan.
struct channel_weight_sums {
    std::int64_t positive = 0;  // sum of the channel's positive weights
    std::int64_t negative = 0;  // sum of its negative weights
    std::int64_t odd = 0;       // sum of its weights at odd positions k
    int zeros = 0;              // how many of its weights are 0 (kernels/weight_forms/)
    constexpr std::int64_t total() const noexcept { return positive + negative; }
    constexpr std::int64_t magnitude() const noexcept { return positive - negative; }  // sum of |w|
};

template <int N, class W>
constexpr std::array<channel_weight_sums, N> sum_channel_weights(const W& w, channel_weights l) noexcept {
    std::array<channel_weight_sums, N> sums{};
    for (int c = 0; c < N; ++c) {
        std::int64_t positive = 0, negative = 0, odd = 0;
        int zeros = 0;
        int at = c * l.channel_stride;
        for (int k = 0; k < l.count; ++k, at += l.tap_stride) {
            const std::int64_t v = w[at];
            if (v > 0) positive += v;
            else negative += v;
            if (k & 1) odd += v;
            zeros += v == 0;
        }
        sums[static_cast<std::size_t>(c)] = {positive, negative, odd, zeros};
    }
    return sums;
}

// The sums of Spec::weights (Channels channels laid out as Layout): one object per layer kind.
template <class Spec, int Channels, channel_weights Layout>
inline constexpr std::array<channel_weight_sums, Channels> channel_sums = sum_channel_weights<Channels>(Spec::weights, Layout);

// The folded bias of all N channels from their sums.
template <int N, class B>
constexpr std::array<std::int32_t, N> folded_bias(const std::array<channel_weight_sums, N>& sums, const B& bias,
                                                  std::int32_t zp_in) noexcept {
    std::array<std::int32_t, N> folded{};
    for (int c = 0; c < N; ++c)
        folded[static_cast<std::size_t>(c)] =
            static_cast<std::int32_t>(bias[c] - std::int64_t{zp_in} * sums[static_cast<std::size_t>(c)].total());
    return folded;
}

// The folded bias of all N channels.
template <int N, class W, class B>
constexpr std::array<std::int32_t, N> folded_bias(const W& w, const B& bias, std::int32_t zp_in, channel_weights l) noexcept {
    std::array<std::int32_t, N> folded{};
    for (int c = 0; c < N; ++c) folded[static_cast<std::size_t>(c)] = fold_input_zero_point(w, bias, c, zp_in, l);
    return folded;
}

}  // namespace ctnn::kernels
