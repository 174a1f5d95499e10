// The 16x8 kernels' partial sums: int32 where the layer's weights prove no sum of products can
// leave int32 (|x| <= 2^15, so 2^15 * sum |w| per channel), else int64. Either way the sum is
// exact, so it equals TFLite's accumulator before the bias.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace ctnn::kernels::portable::detail {

// The largest 2^15 * sum |w| over `channels` channels of `depth` weights, weight k of channel c
// at w[c * channel_step + k * tap_step].
constexpr std::int64_t products_bound_16x8(const std::int8_t* w, int channels, int depth, int channel_step, int tap_step) noexcept {
    std::int64_t worst = 0;
    for (int c = 0; c < channels; ++c) {
        std::int64_t magnitude = 0;
        for (int k = 0; k < depth; ++k) {
            const std::int64_t v = w[c * channel_step + k * tap_step];
            magnitude += v < 0 ? -v : v;
        }
        if (32768 * magnitude > worst) worst = 32768 * magnitude;
    }
    return worst;
}

template <std::int64_t Bound>
using partial_sum_16x8 = std::conditional_t<(Bound <= std::numeric_limits<std::int32_t>::max()), std::int32_t, std::int64_t>;

// sum over i < N of w[i] * x[i], in Partial.
template <class Partial, int N>
inline Partial dot_16x8(const std::int8_t* __restrict w, const std::int16_t* __restrict x) noexcept {
    Partial sum = 0;
    for (int i = 0; i < N; ++i) sum += Partial{w[i]} * Partial{x[i]};
    return sum;
}

// The portable dot-product step of the 16x8 drivers: row r of N weights at Spec::weights + r * N
// with N int16 inputs. A kernel set gives its own (arm_dsp/detail/dot_s16.hpp).
struct plain_dot_16x8 {
    template <class Spec, class Partial, int N>
    static Partial dot(int row, const std::int16_t* __restrict x) noexcept {
        return dot_16x8<Partial, N>(Spec::weights + row * N, x);
    }
};

}  // namespace ctnn::kernels::portable::detail
