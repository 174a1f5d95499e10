// Reference MEAN over H and W (axes 1 and 2) of a 1xHxWxC int8 tensor; output C values.
//
// TFLM's EvalIntegerMean (micro/kernels/reduce_common.cc) has two paths:
//   * input and output quantization equal (zero points equal and float scales equal):
//     reference_ops::Mean — the int32 sum of the raw int8 values divided by n = H*W with C
//     division (truncation toward zero); no zero point, no rounding, no clamp needed.
//   * otherwise: reference_ops::QuantizedMeanOrSum — 1/n is folded into the multiplier
//     (mean_multiplier below), then out = clamp(MBQM(sum - zp_in * n, folded) + zp_out, -128, 127).
#pragma once

#include <bit>
#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
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

inline void mean_s8(const mean_params& p, const std::int8_t* input, std::int8_t* output) {
    const int n = p.in_h * p.in_w;
    const quantized_multiplier folded = mean_multiplier(p.multiplier, n);
    for (int c = 0; c < p.channels; ++c) {
        std::int32_t sum = 0;
        for (int i = 0; i < n; ++i) sum += input[i * p.channels + c];
        if (p.same_quantization) {
            output[c] = static_cast<std::int8_t>(sum / n);
        } else {
            const std::int32_t centered = sum - p.input_zero_point * n;
            const std::int32_t scaled = multiply_by_quantized_multiplier(centered, folded.multiplier, folded.shift);
            output[c] = static_cast<std::int8_t>(clamp(scaled + p.output_zero_point, -128, 127));
        }
    }
}

}  // namespace ctnn::kernels::reference
