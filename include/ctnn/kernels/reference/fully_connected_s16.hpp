// Reference FULLY_CONNECTED 16x8: int16 input (zero point 0), int8 weights [out, in] per tensor
// or per channel, an int32 or int64 bias (Acc: int32 for an int32 bias, int64 for an int64 one
// or none, as TFLM 90b983c2 picks its accumulator). The readable oracle.
//
//   acc = sum over i of w[o][i] * x[b][i], then + bias[o]
//   out = clamp(MBQM_Acc(acc, requant[o or 0]), act_min, act_max)
// (reference_integer_ops::FullyConnected / FullyConnectedPerChannel for int16 inputs).
#pragma once

#include <cstdint>

#include "ctnn/kernels/fully_connected_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

// requant: one entry per output feature when p.per_channel, else one entry.
template <class Acc>
void fully_connected_s16(const fully_connected_params& p, const std::int16_t* input, const std::int8_t* weights, const Acc* bias,
                         const quantized_multiplier* requant, std::int16_t* output) {
    for (int b = 0; b < p.batches; ++b) {
        for (int o = 0; o < p.out_features; ++o) {
            Acc acc = 0;
            for (int i = 0; i < p.in_features; ++i) acc += Acc{weights[o * p.in_features + i]} * Acc{input[b * p.in_features + i]};
            acc += bias[o];
            const quantized_multiplier& m = requant[p.per_channel ? o : 0];
            output[b * p.out_features + o] = requantize_16x8(acc, m.multiplier, m.shift, p.act_min, p.act_max);
        }
    }
}

}  // namespace ctnn::kernels::reference
