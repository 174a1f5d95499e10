// What the geometry of every windowed kernel says alike (kernels::conv_geometry for CONV_2D and
// DEPTHWISE_CONV_2D, kernels::pool_geometry for the poolings): the input's and the output's
// height and width, the stride, TFLite's leading padding and the fused activation's clamp.
#pragma once

#include "ctnn/layers/options.hpp"
#include "ctnn/quant/activation.hpp"

namespace ctnn::layers::detail {

// A Geometry with those fields set, for a KernelH x KernelW window over an NHWC input of shape
// InShape whose output has quantization OutQ; the caller sets the fields of its own kind.
template <class Geometry, class InShape, int KernelH, int KernelW, class Str, class Dil, class Pad, class Act, class OutQ>
constexpr Geometry window_geometry() noexcept {
    const spatial_extent y = compute_extent<Pad>(InShape::dims[1], KernelH, Str::h, Dil::h);
    const spatial_extent x = compute_extent<Pad>(InShape::dims[2], KernelW, Str::w, Dil::w);
    const activation_range r = output_activation_range<Act, OutQ>();
    Geometry g;
    g.in_h = InShape::dims[1];
    g.in_w = InShape::dims[2];
    g.out_h = y.out;
    g.out_w = x.out;
    g.stride_h = Str::h;
    g.stride_w = Str::w;
    g.pad_top = y.pad_before;
    g.pad_left = x.pad_before;
    g.act_min = r.min;
    g.act_max = r.max;
    return g;
}

}  // namespace ctnn::layers::detail
