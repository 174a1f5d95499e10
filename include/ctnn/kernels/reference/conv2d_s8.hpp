// Reference CONV_2D, int8 activations and weights, int32 bias, per-channel requantization.
// The readable oracle: run-time parameters, one accumulator per output element, no tuning.
//
//   acc = bias[oc] + sum over in-bounds taps of w[oc][ky][kx][ic] * (x[iy][ix][ic] - zp_in)
//   out = clamp(MBQM(acc, requant[oc]) + zp_out, act_min, act_max)
// with iy = oy * stride_h - pad_top + ky * dilation_h (likewise ix). Taps that fall in the
// padding are skipped, exactly as TFLite's reference_integer_ops::ConvPerChannel does.
//
// input: NHWC (N = 1) in_h x in_w x in_c; weights: OHWI out_c x kernel_h x kernel_w x in_c;
// bias, requant: out_c entries; output: out_h x out_w x out_c.
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/window.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

inline void conv2d_s8(const conv_geometry& g, const std::int8_t* input, const std::int8_t* weights,
                      const std::int32_t* bias, const quantized_multiplier* requant, std::int8_t* output) {
    for (int oy = 0; oy < g.out_h; ++oy) {
        for (int ox = 0; ox < g.out_w; ++ox) {
            for (int oc = 0; oc < g.out_c; ++oc) {
                std::int32_t acc = bias[oc];
                for_each_tap_inside(walk_of(g), oy, ox, [&](int iy, int ix, int ky, int kx) {
                    const std::int8_t* x = input + (iy * g.in_w + ix) * g.in_c;
                    const std::int8_t* w = weights + ((oc * g.kernel_h + ky) * g.kernel_w + kx) * g.in_c;
                    for (int ic = 0; ic < g.in_c; ++ic) acc += std::int32_t{w[ic]} * (std::int32_t{x[ic]} - g.input_zero_point);
                });
                output[(oy * g.out_w + ox) * g.out_c + oc] = requantize_output(acc, requant[oc], g);
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
