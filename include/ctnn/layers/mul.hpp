// MUL of two int8 tensors with broadcasting and fused activation: one output multiplier
// s1 s2 / s_out (in double, as TFLM's Prepare) on (x1 - zp1)(x2 - zp2)
// (kernels/reference/binary_s8.hpp). TFLM broadcasts MUL up to 6-D.
#pragma once

#include "ctnn/layers/binary.hpp"
#include "ctnn/quant/activation.hpp"

namespace ctnn::layers {

inline constexpr operator_traits mul_traits = binary_traits;
inline constexpr int mul_max_broadcast_rank = 6;

// int16 tensors (16x8 mode): the same product and multiplier with zero points 0, clamped in int16.
template <class In1, class In2, class OutQ, class Act>
constexpr auto mul_params_for() noexcept {
    if constexpr (checked_int16_binary<kernels::op::mul, In1, In2, OutQ>::value) {
        return kernels::make_mul_s16_params(In1::quant::scale, In2::quant::scale, OutQ::scale,
                                            activation_range_of<Act, std::int16_t>(OutQ::scale, OutQ::zero_point));
    } else {
        return kernels::make_mul_params(In1::quant::scale, In1::quant::zero_point, In2::quant::scale, In2::quant::zero_point, OutQ::scale,
                                        OutQ::zero_point, Act::range(OutQ::scale, OutQ::zero_point));
    }
}

template <QuantParams OutQ, Activation Act = act::none>
struct mul : layer {
    template <class In1, class In2>
    struct bind : binary_bound<std::conditional_t<int16_binary<In1, In2, OutQ>, kernels::op::binary_s16, kernels::op::mul>, In1, In2, OutQ,
                               mul_params_for<In1, In2, OutQ, Act>(), mul_max_broadcast_rank> {
        static_assert(sizeof(diag::binary_multiplier_out_of_range<
                             kernels::op::mul, typename In1::quant, typename In2::quant, OutQ,
                             multiplier_in_range(kernels::mul_real(In1::quant::scale, In2::quant::scale, OutQ::scale))>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
    };
};

}  // namespace ctnn::layers
