// What every portable convolution plan holds besides its packed weights: the geometry, each
// output channel's bias with the input zero point folded in (zero_point_folding.hpp), and the
// requantization table (requantize_row.hpp). Layout says where a channel's weights lie.
#pragma once

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/portable/detail/requantize_row.hpp"
#include "ctnn/kernels/zero_point_folding.hpp"

namespace ctnn::kernels::portable::detail {

template <class Spec, channel_weights Layout>
struct channel_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr auto bias = folded_bias<g.out_c>(channel_sums<Spec, g.out_c, Layout>, Spec::bias, g.input_zero_point);
    static constexpr auto requant = make_requant_table<g.out_c>(Spec::requant, g.out_c, g.output_zero_point);
};

// OHWI convolution weights: a channel's taps x in_c contiguous.
constexpr channel_weights ohwi_layout(const conv_geometry& g) noexcept {
    const int depth = g.kernel_h * g.kernel_w * g.in_c;
    return {depth, depth, 1};
}
// Depthwise 1HWC weights: [tap][channel].
constexpr channel_weights depthwise_layout(const conv_geometry& g) noexcept {
    return {g.kernel_h * g.kernel_w, 1, g.out_c};
}

}  // namespace ctnn::kernels::portable::detail
