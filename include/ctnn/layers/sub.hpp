// SUB of two int8 tensors with broadcasting and fused activation: both inputs rescaled against
// twice the larger input scale with a left shift of 20, as ADD, the reals in float as TFLM's
// Prepare has them (kernels/reference/binary_s8.hpp). TFLM broadcasts SUB up to 5-D.
#pragma once

#include "ctnn/layers/binary.hpp"
#include "ctnn/quant/activation.hpp"

namespace ctnn::layers {

inline constexpr operator_traits sub_traits = binary_traits;
inline constexpr int sub_max_broadcast_rank = 5;

template <QuantParams OutQ, Activation Act = act::none>
struct sub : layer {
    template <class In1, class In2>
    struct bind : binary_bound<kernels::op::sub, In1, In2, OutQ,
                               kernels::make_sub_params(In1::quant::scale, In1::quant::zero_point, In2::quant::scale, In2::quant::zero_point,
                                                        OutQ::scale, OutQ::zero_point, Act::range(OutQ::scale, OutQ::zero_point)),
                               sub_max_broadcast_rank> {
        static constexpr add_reals reals = kernels::sub_multiplier_reals(In1::quant::scale, In2::quant::scale, OutQ::scale);
        static_assert(sizeof(diag::binary_multiplier_out_of_range<kernels::op::sub, typename In1::quant, typename In2::quant, OutQ,
                                                                  multiplier_in_range(reals.output)>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
    };
};

}  // namespace ctnn::layers
