// SQUARED_DIFFERENCE of two int8 tensors with broadcasting: both inputs rescaled against twice
// the larger input scale with a left shift of 7, their difference squared and requantized by
// (2 max(s1, s2))^2 / (2^14 s_out) (kernels/reference/binary_s8.hpp). No fused activation.
// TFLM broadcasts it up to 4-D.
#pragma once

#include "ctnn/layers/binary.hpp"

namespace ctnn::layers {

inline constexpr operator_traits squared_difference_traits = binary_traits;
inline constexpr int squared_difference_max_broadcast_rank = 4;

template <QuantParams OutQ>
struct squared_difference : layer {
    template <class In1, class In2>
    struct bind : binary_bound<kernels::op::squared_difference, In1, In2, OutQ,
                               kernels::make_squared_difference_params(In1::quant::scale, In1::quant::zero_point, In2::quant::scale,
                                                                       In2::quant::zero_point, OutQ::scale, OutQ::zero_point),
                               squared_difference_max_broadcast_rank> {
        static constexpr add_reals reals = kernels::squared_difference_reals(In1::quant::scale, In2::quant::scale, OutQ::scale);
        static_assert(sizeof(diag::binary_multiplier_out_of_range<kernels::op::squared_difference, typename In1::quant,
                                                                  typename In2::quant, OutQ, multiplier_in_range(reals.output)>));
    };
};

}  // namespace ctnn::layers
