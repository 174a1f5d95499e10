// Reference MEAN (and SUM) over any axes of an int8 or int16 tensor (see mean_params): for every output
// value, the int32 sum of its input values, then TFLite's QuantizedMeanOrSum ending. Every case takes
// that one path: equal input and output quantization rounds like any other (TFLM at 90b983c2
// has no truncating integer-mean shortcut for int8).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/reduction.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

// QuantizedMeanOrSum's folding of 1/count into (multiplier, shift): shift up by
// floor(log2(count)), capped at 32 and at 31 + shift (so the final right shift stays <= 31),
// then divide the widened multiplier by count (int64 C division).
constexpr quantized_multiplier mean_multiplier(quantized_multiplier m, int count) noexcept {
    const auto n = static_cast<std::uint64_t>(count);
    int up = static_cast<int>(std::bit_width(n)) - 1;  // 63 - CountLeadingZeros(n)
    if (up > 32) up = 32;
    if (up > 31 + m.shift) up = 31 + m.shift;
    const std::int64_t folded = (std::int64_t{m.multiplier} * (std::int64_t{1} << up)) / static_cast<std::int64_t>(n);
    return {static_cast<std::int32_t>(folded), m.shift - up};
}

// One output value from the raw sum of its `count` inputs; `folded` = mean_multiplier(...),
// clamped to T's range (TFLite's int16 path is the int8 one on wider values).
template <class T = std::int8_t>
constexpr T mean_output(std::int32_t sum, std::int32_t zp_in_times_count, quantized_multiplier folded,
                                  std::int32_t output_zero_point) noexcept {
    const std::int32_t scaled = multiply_by_quantized_multiplier(sum - zp_in_times_count, folded.multiplier, folded.shift);
    return static_cast<T>(clamp(scaled + output_zero_point, std::int32_t{std::numeric_limits<T>::min()}, std::int32_t{std::numeric_limits<T>::max()}));
}

// The multiplier each sum is scaled by: MEAN folds 1/count in, SUM takes s_in / s_out as it is.
constexpr quantized_multiplier sum_multiplier(const mean_params& p) noexcept {
    return p.sum ? p.multiplier : mean_multiplier(p.multiplier, p.count());
}

// Any layout (reference/reduction.hpp's walk).
template <class T>  // std::int8_t or std::int16_t
constexpr void mean(const mean_params& p, const T* input, T* output) noexcept {
    const int count = p.count();
    const quantized_multiplier folded = sum_multiplier(p);
    const reduction_walk walk(p.axes());
    const int outputs = p.output_count();
    for (int o = 0; o < outputs; ++o) {
        const int base = walk.kept_offset(o);
        std::int32_t sum = 0;
        for (int r = 0; r < count; ++r) sum += input[base + walk.reduced_offset(r)];
        output[o] = mean_output<T>(sum, p.input_zero_point * count, folded, p.output_zero_point);
    }
}

}  // namespace ctnn::kernels::reference
