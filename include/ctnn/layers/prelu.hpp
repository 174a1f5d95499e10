// PRELU int8: x where x >= zp_in, else x times alpha, alpha a tensor broadcast against the input
// (usually one slope per channel). Two output multipliers, as TFLM's Prepare: s_in / s_out for
// the identity side and s_in s_alpha / s_out for the alpha side, both in double
// (kernels/reference/binary_s8.hpp). The output clamps to int8 (no fused activation). TFLM
// walks every PRELU as a 4-D broadcast, so equal shapes too are limited to rank 4.
#pragma once

#include "ctnn/layers/binary.hpp"

namespace ctnn::layers {

inline constexpr operator_traits prelu_traits = binary_traits;
inline constexpr int prelu_max_rank = 4;

template <QuantParams OutQ>
struct prelu : layer {
    template <class In, class Alpha>
    struct bind : binary_bound<kernels::op::prelu, In, Alpha, OutQ,
                               kernels::make_prelu_params(In::quant::scale, In::quant::zero_point, Alpha::quant::scale,
                                                          Alpha::quant::zero_point, OutQ::scale, OutQ::zero_point),
                               prelu_max_rank> {
        static_assert(sizeof(diag::binary_broadcast_rank_too_large<typename In::shape, typename Alpha::shape, bind::broadcast::b::rank,
                                                                   prelu_max_rank, bind::broadcast::b::rank <= prelu_max_rank>));
        static_assert(sizeof(diag::binary_multiplier_out_of_range<
                             kernels::op::prelu, typename In::quant, typename Alpha::quant, OutQ,
                             multiplier_in_range(kernels::prelu_identity_real(In::quant::scale, OutQ::scale)) &&
                                 multiplier_in_range(kernels::prelu_alpha_real(In::quant::scale, Alpha::quant::scale, OutQ::scale))>));
    };
};

}  // namespace ctnn::layers
