// The largest int32 accumulator magnitude a weighted layer can reach, computed at compile time
// from its actual weights, bias and input zero point, over every possible int8 input. Kernels
// may sum w * x before subtracting the folded zero point, so both that raw dot product and the
// true accumulator must fit in int32.
#pragma once

#include <cstddef>
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

// The 16x8 operators (int16 inputs, zero point 0, int8 weights): the largest magnitude of a
// sum of any of a channel's products (|x| <= 2^15, so 2^15 * sum |w|, which bounds every partial
// sum a kernel forms), and of that plus the bias (the accumulator TFLite requantizes).
struct accumulator_bound_16x8 {
    std::int64_t products = 0;
    std::int64_t total = 0;
};
template <class Sums, class Bias>
constexpr accumulator_bound_16x8 accumulator_bound_16x8_from_sums(int channels, const Sums& sums, Bias bias) noexcept {
    accumulator_bound_16x8 worst;
    for (int c = 0; c < channels; ++c) {
        const std::int64_t p = 32768 * sums[static_cast<std::size_t>(c)].magnitude(), b = bias(c);
        if (p > worst.products) worst.products = p;
        if (p + (b < 0 ? -b : b) > worst.total) worst.total = p + (b < 0 ? -b : b);
    }
    return worst;
}
// The same from weight(c, k), the k-th of the `depth` weights of channel c.
template <class Weight, class Bias>
constexpr accumulator_bound_16x8 accumulator_bound_16x8_of(int channels, int depth, Weight weight, Bias bias) noexcept {
    accumulator_bound_16x8 worst;
    for (int c = 0; c < channels; ++c) {
        std::int64_t magnitude = 0;
        for (int k = 0; k < depth; ++k) magnitude += weight(c, k) < 0 ? -weight(c, k) : weight(c, k);
        const std::int64_t p = 32768 * magnitude, b = bias(c);
        if (p > worst.products) worst.products = p;
        if (p + (b < 0 ? -b : b) > worst.total) worst.total = p + (b < 0 ? -b : b);
    }
    return worst;
}
// An int64 accumulator must stay below 2^47: TFLite's int64 MultiplyByQuantizedMultiplier
// is defined on that range (its product with the Q0.15 multiplier then fits in int64).
inline constexpr std::int64_t max_accumulator_magnitude_s64 = (std::int64_t{1} << 47) - 1;

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
// A 16x8 layer: its int32 accumulator (an int32 bias) could overflow, or its int64 one (an int64
// bias) leave +-2^47. Wide: the accumulator is int64.
template <class LayerParams, bool Wide, long long Bound>
struct accumulator_16x8_out_of_range {
    static_assert(Bound <= (Wide ? max_accumulator_magnitude_s64 : max_accumulator_magnitude),
                  "ctnn: a 16x8 layer's accumulator could leave its range for some int16 input: int32 with an int32 bias, "
                  "+-2^47 with an int64 bias (layer parameters, whether it is int64, and the worst magnitude are "
                  "the template arguments)");
    static constexpr bool ok = true;
};
}  // namespace diag

}  // namespace ctnn
