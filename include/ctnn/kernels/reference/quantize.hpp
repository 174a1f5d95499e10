// QUANTIZE float32 -> int8 and DEQUANTIZE int8 -> float32 at a model's edges, with TFLite's
// exact precision: the division by the scale in float, the dequantizing product in double.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::reference {

inline void quantize_f32_s8(float scale, std::int32_t zero_point, const float* input, std::int8_t* output,
                            std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        const auto q = static_cast<std::int32_t>(std::round(input[i] / scale)) + zero_point;
        output[i] = saturate_to_int8(q);
    }
}

inline void dequantize_s8_f32(float scale, std::int32_t zero_point, const std::int8_t* input, float* output,
                              std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        output[i] = static_cast<float>(static_cast<double>(scale) * (std::int32_t{input[i]} - zero_point));
    }
}

}  // namespace ctnn::kernels::reference
