// Reference TRANSPOSE_CONV, int8 activations and weights, int32 bias (optional: zeros),
// per-channel requantization. The readable oracle: run-time parameters, no tuning.
//
// TFLM scatters: a zeroed int32 scratch of the output's size, then for every input value and
// kernel tap scratch[b][iy*s_h - pad_top + ky][ix*s_w - pad_left + kx][oc] += (x - zp_in) * w,
// taps outside the output dropped; then out = clamp(MBQM(scratch + bias[oc]) + zp_out). This
// kernel gathers the same products for one output at a time: int32 addition is associative and
// the layer bounds every partial sum inside int32 (accumulator_bound), so the sums are equal, and
// no scratch is needed. Adding the bias first changes nothing for the same reason.
//
// input: batches x in_h x in_w x in_c; weights: OHWI out_c x kernel_h x kernel_w x in_c;
// bias, requant: out_c entries; output: batches x out_h x out_w x out_c.
#pragma once

#include <cstdint>

#include "ctnn/kernels/transpose_conv_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

inline void transpose_conv2d_s8(const transpose_conv_params& p, const std::int8_t* input, const std::int8_t* weights,
                                const std::int32_t* bias, const quantized_multiplier* requant, std::int8_t* output) {
    for (int b = 0; b < p.batches; ++b) {
        for (int oy = 0; oy < p.out_h; ++oy) {
            for (int ox = 0; ox < p.out_w; ++ox) {
                for (int oc = 0; oc < p.out_c; ++oc) {
                    std::int32_t acc = bias[oc];
                    for (int ky = 0; ky < p.kernel_h; ++ky) {
                        // The input row whose tap ky lands on oy, if any.
                        const int ny = oy + p.pad_top - ky;
                        if (ny < 0 || ny % p.stride_h != 0 || ny / p.stride_h >= p.in_h) continue;
                        const int iy = ny / p.stride_h;
                        for (int kx = 0; kx < p.kernel_w; ++kx) {
                            const int nx = ox + p.pad_left - kx;
                            if (nx < 0 || nx % p.stride_w != 0 || nx / p.stride_w >= p.in_w) continue;
                            const int ix = nx / p.stride_w;
                            const std::int8_t* x = input + ((b * p.in_h + iy) * p.in_w + ix) * p.in_c;
                            const std::int8_t* w = weights + ((oc * p.kernel_h + ky) * p.kernel_w + kx) * p.in_c;
                            for (int ic = 0; ic < p.in_c; ++ic)
                                acc += std::int32_t{w[ic]} * (std::int32_t{x[ic]} - p.input_zero_point);
                        }
                    }
                    const quantized_multiplier& m = requant[oc];
                    acc = multiply_by_quantized_multiplier(acc, m.multiplier, m.shift) + p.output_zero_point;
                    output[((b * p.out_h + oy) * p.out_w + ox) * p.out_c + oc] = static_cast<std::int8_t>(clamp(acc, p.act_min, p.act_max));
                }
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
