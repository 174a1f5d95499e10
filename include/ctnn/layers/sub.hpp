// SUB of two int8 tensors with broadcasting and fused activation: both inputs rescaled against
// twice the larger input scale with a left shift of 20, as ADD, the reals in float as TFLM's
// Prepare has them (kernels/reference/binary_s8.hpp). TFLM broadcasts SUB up to 5-D. int16
// tensors: left shift 15, every multiplier below one (kernels/reference/binary_s16.hpp).
#pragma once

#include "ctnn/layers/binary.hpp"
#include "ctnn/quant/activation.hpp"

namespace ctnn::layers {

inline constexpr operator_traits sub_traits = binary_traits;
inline constexpr int sub_max_broadcast_rank = 5;

// int16 tensors (16x8 mode) take TFLM's int16 path: left shift 15 (kernels/reference/binary_s16.hpp).
template <class In1, class In2, class OutQ, class Act>
constexpr auto sub_params_for() noexcept {
    if constexpr (checked_int16_binary<kernels::op::sub, In1, In2, OutQ>::value) {
        return kernels::make_sub_s16_params(In1::quant::scale, In2::quant::scale, OutQ::scale,
                                            activation_range_of<Act, std::int16_t>(OutQ::scale, OutQ::zero_point));
    } else {
        return kernels::make_sub_params(In1::quant::scale, In1::quant::zero_point, In2::quant::scale, In2::quant::zero_point, OutQ::scale,
                                        OutQ::zero_point, Act::range(OutQ::scale, OutQ::zero_point));
    }
}

template <QuantParams OutQ, Activation Act = act::none>
struct sub : layer {
    template <class In1, class In2>
    struct bind : binary_bound<std::conditional_t<int16_binary<In1, In2, OutQ>, kernels::op::binary_s16, kernels::op::sub>, In1, In2, OutQ,
                               sub_params_for<In1, In2, OutQ, Act>(), sub_max_broadcast_rank> {
        static constexpr bool is_int16 = int16_binary<In1, In2, OutQ>;
        static constexpr add_reals reals = kernels::sub_multiplier_reals(In1::quant::scale, In2::quant::scale, OutQ::scale,
                                                                         is_int16 ? add_s16_left_shift : add_left_shift);
        static_assert(sizeof(diag::binary_multiplier_out_of_range<kernels::op::sub, typename In1::quant, typename In2::quant, OutQ,
                                                                  is_int16 || multiplier_in_range(reals.output)>));
        static_assert(sizeof(diag::int16_binary_multiplier_not_below_one<kernels::op::sub, typename In1::quant, typename In2::quant, OutQ,
                                                                         !is_int16 || kernels::add_s16_multipliers_ok(reals)>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
    };
};

}  // namespace ctnn::layers
