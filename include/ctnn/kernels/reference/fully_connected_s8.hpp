// Reference FULLY_CONNECTED int8: the readable oracle, run-time parameters, never tuned.
#pragma once

#include <cstdint>

#include "ctnn/kernels/fully_connected_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

// requant: one entry per output feature when p.per_channel, else one entry.
inline void fully_connected_s8(const fully_connected_params& p, const std::int8_t* input,
                               const std::int8_t* weights, const std::int32_t* bias,
                               const quantized_multiplier* requant, std::int8_t* output) {
    for (int b = 0; b < p.batches; ++b) {
        for (int o = 0; o < p.out_features; ++o) {
            std::int32_t acc = bias[o];
            for (int i = 0; i < p.in_features; ++i) {
                acc += std::int32_t{weights[o * p.in_features + i]} *
                       (std::int32_t{input[b * p.in_features + i]} - p.input_zero_point);
            }
            const quantized_multiplier& m = requant[p.per_channel ? o : 0];
            acc = multiply_by_quantized_multiplier(acc, m.multiplier, m.shift) + p.output_zero_point;
            output[b * p.out_features + o] = static_cast<std::int8_t>(clamp(acc, p.act_min, p.act_max));
        }
    }
}

}  // namespace ctnn::kernels::reference
