// Reference TRANSPOSE_CONV 16x8: int16 activations (zero point 0), int8 weights OHWI, an int64
// bias (zeros when the model has none), per-channel requantization; int64 accumulators always
// (TFLite's int16 TransposeConv scatters into an int64 scratch). The readable oracle.
//
// TFLM scatters every product (x * w) into the output's int64 cell, then adds the bias and
// requantizes: out = clamp(MBQM_int64(sum + bias[oc]), act_min, act_max). This kernel gathers
// the same products per output (int64 addition of values the layer bounds below 2^47 is exact,
// so the order does not matter), as reference::transpose_conv2d_s8 does.
#pragma once

#include <cstdint>

#include "ctnn/kernels/transpose_conv_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

inline void transpose_conv2d_s16(const transpose_conv_params& p, const std::int16_t* input, const std::int8_t* weights,
                                 const std::int64_t* bias, const quantized_multiplier* requant, std::int16_t* output) {
    for (int b = 0; b < p.batches; ++b) {
        for (int oy = 0; oy < p.out_h; ++oy) {
            for (int ox = 0; ox < p.out_w; ++ox) {
                for (int oc = 0; oc < p.out_c; ++oc) {
                    std::int64_t acc = 0;
                    for (int ky = 0; ky < p.kernel_h; ++ky) {
                        const int ny = oy + p.pad_top - ky;  // the input row whose tap ky lands on oy, if any
                        if (ny < 0 || ny % p.stride_h != 0 || ny / p.stride_h >= p.in_h) continue;
                        const int iy = ny / p.stride_h;
                        for (int kx = 0; kx < p.kernel_w; ++kx) {
                            const int nx = ox + p.pad_left - kx;
                            if (nx < 0 || nx % p.stride_w != 0 || nx / p.stride_w >= p.in_w) continue;
                            const int ix = nx / p.stride_w;
                            const std::int16_t* x = input + ((b * p.in_h + iy) * p.in_w + ix) * p.in_c;
                            const std::int8_t* w = weights + ((oc * p.kernel_h + ky) * p.kernel_w + kx) * p.in_c;
                            for (int ic = 0; ic < p.in_c; ++ic) acc += std::int64_t{w[ic]} * x[ic];
                        }
                    }
                    acc += bias[oc];
                    const quantized_multiplier& m = requant[oc];
                    output[((b * p.out_h + oy) * p.out_w + ox) * p.out_c + oc] = requantize_16x8(acc, m.multiplier, m.shift, p.act_min, p.act_max);
                }
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
