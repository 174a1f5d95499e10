// What CONV_2D and DEPTHWISE_CONV_2D share: NHWC input checks, TFLite's padding arithmetic,
// per-channel requantization and the accumulator bound.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/layers/accumulator_bound.hpp"
#include "ctnn/layers/layer_params.hpp"
#include "ctnn/layers/options.hpp"
#include "ctnn/layers/weighted_facts.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, class WeightShape, bool Matches>
struct convolution_input_does_not_match_weights {
    static_assert(Matches, "ctnn: convolution: the input must be 1xHxWxC with C matching the weights "
                           "(template arguments: input shape, weight shape)");
};
template <class InputShape, class WeightShape, bool Fits>
struct convolution_kernel_larger_than_input {
    static_assert(Fits, "ctnn: convolution: with VALID padding the (dilated) kernel must fit in the input; "
                        "use padding::same or a smaller kernel (template arguments: input shape, weight shape)");
};
template <class InputShape, class WeightShape, class Stride, class Dilation, bool InRange>
struct convolution_stride_or_dilation_out_of_range {
    static_assert(InRange, "ctnn: convolution: the stride or the dilated kernel is too large for int arithmetic "
                           "(template arguments: input shape, weight shape, stride, dilation)");
};
}  // namespace diag

namespace layers::detail {

// Geometry of a convolution whose output has `out_c` channels, from input type In.
template <class In, int KernelH, int KernelW, int OutC, class Stride, class Pad, class Act, class Dilation, class OutQ>
constexpr kernels::conv_geometry convolution_geometry() noexcept {
    using s = typename In::shape;
    const spatial_extent y = compute_extent<Pad>(s::dims[1], KernelH, Stride::h, Dilation::h);
    const spatial_extent x = compute_extent<Pad>(s::dims[2], KernelW, Stride::w, Dilation::w);
    const activation_range r = Act::range(OutQ::scale, OutQ::zero_point);
    kernels::conv_geometry g;
    g.in_h = s::dims[1];
    g.in_w = s::dims[2];
    g.in_c = s::dims[3];
    g.out_h = y.out;
    g.out_w = x.out;
    g.out_c = OutC;
    g.kernel_h = KernelH;
    g.kernel_w = KernelW;
    g.stride_h = Stride::h;
    g.stride_w = Stride::w;
    g.dilation_h = Dilation::h;
    g.dilation_w = Dilation::w;
    g.pad_top = y.pad_before;
    g.pad_left = x.pad_before;
    g.depth_multiplier = OutC / s::dims[3];
    g.input_zero_point = In::quant::zero_point;
    g.output_zero_point = OutQ::zero_point;
    g.act_min = r.min;
    g.act_max = r.max;
    return g;
}

// What the convolution kernels read (see kernels/portable/conv2d_s8.hpp), shared by CONV_2D and
// DEPTHWISE_CONV_2D; identical layers share one spec type and so one kernel instance.
template <class In, class Params, class OutQ, int KernelH, int KernelW, int OutC, class Stride, class Pad, class Act,
          class Dilation>
struct convolution_spec {
    static_assert(sizeof(diag::requantization_out_of_range<
                         Params, first_channel_out_of_range(In::quant::scale, Params::weight_scales, OutC, OutQ::scale) < 0>));
    static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
    static constexpr kernels::conv_geometry geometry =
        convolution_geometry<In, KernelH, KernelW, OutC, Stride, Pad, Act, Dilation, OutQ>();
    static constexpr const std::int8_t* weights = std::data(Params::weights);
    static constexpr const std::int32_t* bias = std::data(Params::bias);
    static constexpr auto requant = per_channel_multipliers<OutC>(In::quant::scale, Params::weight_scales, OutQ::scale);
    // Weights and biases as stored, plus a multiplier and a shift per output channel.
    static constexpr std::size_t param_bytes = weighted_param_bytes(std::size(Params::weights), OutC, true);
};

template <class In, class WeightShape, int KernelH, int KernelW, class Stride, class Dilation, bool ChannelsMatch, bool Valid>
struct convolution_checks {
    static constexpr bool is_nhwc = In::shape::rank == 4 && In::shape::dims[0] == 1;
    static_assert(sizeof(diag::convolution_input_does_not_match_weights<typename In::shape, WeightShape,
                                                                        is_nhwc && ChannelsMatch>));
    static constexpr window_error y = check_window(!Valid, In::shape::dims[1], KernelH, Stride::h, Dilation::h);
    static constexpr window_error x = check_window(!Valid, In::shape::dims[2], KernelW, Stride::w, Dilation::w);
    static_assert(sizeof(diag::convolution_stride_or_dilation_out_of_range<
                         typename In::shape, WeightShape, Stride, Dilation,
                         window_in_int_range(y) && window_in_int_range(x)>));
    static constexpr bool kernel_fits = y != window_error::kernel_larger_than_input && x != window_error::kernel_larger_than_input;
    static_assert(sizeof(diag::convolution_kernel_larger_than_input<typename In::shape, WeightShape, kernel_fits>));
};

}  // namespace layers::detail
}  // namespace ctnn
