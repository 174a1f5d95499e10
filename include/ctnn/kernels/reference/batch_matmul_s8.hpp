// Reference BATCH_MATMUL, int8 operands of per-tensor quantization (the readable oracle: run-time
// parameters, one accumulator per output element; see kernels/batch_matmul_params.hpp).
#pragma once

#include <cstdint>

#include "ctnn/kernels/batch_matmul_params.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::reference {

inline void batch_matmul_s8(const batch_matmul_params& p, const std::int8_t* lhs, const std::int8_t* rhs, std::int8_t* output) {
    for (int n = 0; n < p.batch_count(); ++n) {
        const std::int8_t* l = lhs + p.lhs_offset(n);
        const std::int8_t* r = rhs + p.rhs_offset(n);
        std::int8_t* out = output + n * p.rows * p.cols;
        for (int i = 0; i < p.rows; ++i) {
            for (int j = 0; j < p.cols; ++j) {
                std::int32_t acc = 0;
                for (int k = 0; k < p.depth; ++k)
                    acc += (std::int32_t{l[p.lhs_at(i, k)]} - p.lhs_zero_point) * (std::int32_t{r[p.rhs_at(k, j)]} - p.rhs_zero_point);
                acc = multiply_by_quantized_multiplier(acc, p.multiplier.multiplier, p.multiplier.shift) + p.output_zero_point;
                out[i * p.cols + j] = static_cast<std::int8_t>(clamp(acc, p.act_min, p.act_max));
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
