// Reference DEPTHWISE_CONV_2D, int8, per-channel requantization (the readable oracle).
//
// Output channel oc = ic * depth_multiplier + m reads input channel ic only:
//   acc = bias[oc] + sum over in-bounds taps of w[ky][kx][oc] * (x[iy][ix][ic] - zp_in)
//   out = clamp(MBQM(acc, requant[oc]) + zp_out, act_min, act_max)
// Taps in the padding are skipped (TFLite reference_integer_ops::DepthwiseConvPerChannel).
//
// input: in_h x in_w x in_c; weights: 1HWC, 1 x kernel_h x kernel_w x out_c with
// out_c = in_c * depth_multiplier; bias, requant: out_c entries; output: out_h x out_w x out_c.
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/window.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

inline void depthwise_conv2d_s8(const conv_geometry& g, const std::int8_t* input, const std::int8_t* weights,
                                const std::int32_t* bias, const quantized_multiplier* requant,
                                std::int8_t* output) {
    for (int oy = 0; oy < g.out_h; ++oy) {
        for (int ox = 0; ox < g.out_w; ++ox) {
            for (int ic = 0; ic < g.in_c; ++ic) {
                for (int m = 0; m < g.depth_multiplier; ++m) {
                    const int oc = ic * g.depth_multiplier + m;
                    std::int32_t acc = bias[oc];
                    for_each_tap_inside(walk_of(g), oy, ox, [&](int iy, int ix, int ky, int kx) {
                        const std::int32_t x = input[(iy * g.in_w + ix) * g.in_c + ic];
                        const std::int32_t w = weights[(ky * g.kernel_w + kx) * g.out_c + oc];
                        acc += w * (x - g.input_zero_point);
                    });
                    output[(oy * g.out_w + ox) * g.out_c + oc] = requantize_output(acc, requant[oc], g);
                }
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
