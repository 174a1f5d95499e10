// Reference DEPTHWISE_CONV_2D 16x8: int16 activations (zero point 0), int8 weights 1HWC, an
// int64 bias (zeros when the model has none: TFLite's int16 depthwise kernel is int64 only),
// per-channel requantization. The readable oracle.
//
// Output channel oc = ic * depth_multiplier + m reads input channel ic only:
//   acc = sum over in-bounds taps of w[ky][kx][oc] * x[iy][ix][ic], then + bias[oc]
//   out = clamp(MBQM_int64(acc, requant[oc]), act_min, act_max)
// (reference_integer_ops::DepthwiseConvPerChannel for int16 inputs).
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/window.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

template <class Acc>
void depthwise_conv2d_s16(const conv_geometry& g, const std::int16_t* input, const std::int8_t* weights, const Acc* bias,
                          const quantized_multiplier* requant, std::int16_t* output) {
    for (int oy = 0; oy < g.out_h; ++oy) {
        for (int ox = 0; ox < g.out_w; ++ox) {
            for (int ic = 0; ic < g.in_c; ++ic) {
                for (int m = 0; m < g.depth_multiplier; ++m) {
                    const int oc = ic * g.depth_multiplier + m;
                    Acc acc = 0;
                    for_each_tap_inside(walk_of(g), oy, ox, [&](int iy, int ix, int ky, int kx) {
                        acc += Acc{weights[(ky * g.kernel_w + kx) * g.out_c + oc]} * Acc{input[(iy * g.in_w + ix) * g.in_c + ic]};
                    });
                    acc += bias[oc];
                    output[(oy * g.out_w + ox) * g.out_c + oc] =
                        requantize_16x8(acc, requant[oc].multiplier, requant[oc].shift, g.act_min, g.act_max);
                }
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
