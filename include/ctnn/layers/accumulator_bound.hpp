// The largest int32 accumulator magnitude a weighted layer can reach, computed at compile time
// from its actual weights, bias and input zero point, over every possible int8 input. Kernels
// may sum w * x before subtracting the folded zero point, so both that raw dot product and the
// true accumulator must fit in int32.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>

namespace ctnn {

// weight(c, k) is the k-th of the `depth` weights feeding output channel c.
template <class Weight, class Bias>
constexpr std::int64_t accumulator_bound(int channels, int depth, Weight weight, Bias bias,
                                         std::int32_t input_zero_point) noexcept {
    std::int64_t worst = 0;
    for (int c = 0; c < channels; ++c) {
        std::int64_t hi = bias(c), lo = bias(c), raw = 0, sum = 0;
        for (int k = 0; k < depth; ++k) {
            const std::int64_t w = weight(c, k);
            const std::int64_t a = w * (127 - input_zero_point), b = w * (-128 - input_zero_point);
            hi += a > b ? a : b;
            lo += a > b ? b : a;
            raw += (w < 0 ? -w : w) * 128;
            sum += w;
        }
        const std::int64_t folded = bias(c) - std::int64_t{input_zero_point} * sum;
        for (std::int64_t v : {hi, -lo, raw + (folded < 0 ? -folded : folded)})
            if (v > worst) worst = v;
    }
    return worst;
}

// The same bound from each channel's sums of positive and negative weights (kernels/
// zero_point_folding.hpp's channel_sums, one pass over the weights): with 127 - zp >= 0 >=
// -128 - zp, a positive weight's extremes are w * (127 - zp) and w * (-128 - zp), a negative
// one's the other way round, so hi, lo and the raw magnitude are linear in the two sums.
template <class Sums, class Bias>
constexpr std::int64_t accumulator_bound_from_sums(int channels, const Sums& sums, Bias bias, std::int32_t input_zero_point) noexcept {
    const std::int64_t up = 127 - std::int64_t{input_zero_point}, down = -128 - std::int64_t{input_zero_point};
    std::int64_t worst = 0;
    for (int c = 0; c < channels; ++c) {
        const auto& s = sums[static_cast<std::size_t>(c)];
        const std::int64_t b = bias(c);
        const std::int64_t hi = b + up * s.positive + down * s.negative;
        const std::int64_t lo = b + down * s.positive + up * s.negative;
        const std::int64_t raw = 128 * s.magnitude();
        const std::int64_t folded = b - std::int64_t{input_zero_point} * s.total();
        for (std::int64_t v : {hi, -lo, raw + (folded < 0 ? -folded : folded)})
            if (v > worst) worst = v;
    }
    return worst;
}

// The largest accumulator_bound a layer may have (the converter rejects larger ones too).
inline constexpr std::int64_t max_accumulator_magnitude = std::numeric_limits<std::int32_t>::max();

namespace diag {
// Named for the layer whose parameters could overflow; Bound is the worst magnitude.
template <class LayerParams, long long Bound>
struct accumulator_may_overflow_int32 {
    static_assert(Bound <= max_accumulator_magnitude,
                  "ctnn: a layer's int32 accumulator could overflow for some input (layer parameters and the worst "
                  "magnitude are the template arguments)");
    static constexpr bool ok = true;
};
}  // namespace diag

}  // namespace ctnn
