// Reference ADD, int8, same shapes (no broadcasting), with TFLite's requantization.
//
// Per element (TFLite reference_integer_ops::Add, left_shift = 20):
//   a = MBQM((x1 - zp1) * 2^left_shift, input1), b = MBQM((x2 - zp2) * 2^left_shift, input2)
//   out = clamp(MBQM(a + b, output) + zp_out, act_min, act_max)
// All three multipliers are below one (shift <= 0). output may equal input1 or input2.
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::reference {

inline void add_s8(const add_params& p, const std::int8_t* input1, const std::int8_t* input2, std::int8_t* output) {
    for (int i = 0; i < p.size; ++i) {
        const std::int32_t shifted1 = (std::int32_t{input1[i]} - p.input1_zero_point) * (1 << p.left_shift);
        const std::int32_t shifted2 = (std::int32_t{input2[i]} - p.input2_zero_point) * (1 << p.left_shift);
        const std::int32_t a = multiply_by_quantized_multiplier(shifted1, p.input1.multiplier, p.input1.shift);
        const std::int32_t b = multiply_by_quantized_multiplier(shifted2, p.input2.multiplier, p.input2.shift);
        const std::int32_t sum = multiply_by_quantized_multiplier(a + b, p.output.multiplier, p.output.shift);
        output[i] = static_cast<std::int8_t>(clamp(sum + p.output_zero_point, p.act_min, p.act_max));
    }
}

}  // namespace ctnn::kernels::reference
