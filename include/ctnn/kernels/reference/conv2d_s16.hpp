// Reference CONV_2D 16x8: int16 activations (zero point 0), int8 weights OHWI, an int32 or int64
// bias (Acc, the accumulator's type as TFLM 90b983c2 picks it: int32 for an int32 bias, int64
// for an int64 one or none: the layer then holds int64 zeros), per-channel requantization. The
// readable oracle.
//
//   acc = sum over in-bounds taps of w[oc][ky][kx][ic] * x[iy][ix][ic], then + bias[oc]
//   out = clamp(MBQM_Acc(acc, requant[oc]), act_min, act_max)
// as TFLite's reference_integer_ops::ConvPerChannel for int16 inputs: no input or output offset.
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/window.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

template <class Acc>
void conv2d_s16(const conv_geometry& g, const std::int16_t* input, const std::int8_t* weights, const Acc* bias,
                const quantized_multiplier* requant, std::int16_t* output) {
    for (int oy = 0; oy < g.out_h; ++oy) {
        for (int ox = 0; ox < g.out_w; ++ox) {
            for (int oc = 0; oc < g.out_c; ++oc) {
                Acc acc = 0;
                for_each_tap_inside(walk_of(g), oy, ox, [&](int iy, int ix, int ky, int kx) {
                    const std::int16_t* x = input + (iy * g.in_w + ix) * g.in_c;
                    const std::int8_t* w = weights + ((oc * g.kernel_h + ky) * g.kernel_w + kx) * g.in_c;
                    for (int ic = 0; ic < g.in_c; ++ic) acc += Acc{w[ic]} * Acc{x[ic]};
                });
                acc += bias[oc];
                output[(oy * g.out_w + ox) * g.out_c + oc] =
                    requantize_16x8(acc, requant[oc].multiplier, requant[oc].shift, g.act_min, g.act_max);
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
