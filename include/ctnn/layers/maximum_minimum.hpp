// MAXIMUM and MINIMUM of two int8 tensors with broadcasting: the raw int8 values compared, as
// TFLM does (it has no Prepare: the quantization is not read, so a converter-made model, whose
// inputs and output share one quantization, compares real values). TFLM walks every MAXIMUM and
// MINIMUM as a broadcast of up to 5-D, so equal shapes too are limited to rank 5.
#pragma once

#include "ctnn/layers/binary.hpp"

namespace ctnn::layers {

inline constexpr operator_traits maximum_traits = binary_traits;
inline constexpr operator_traits minimum_traits = binary_traits;
inline constexpr int maximum_minimum_max_rank = 5;

template <QuantParams OutQ>
struct maximum : layer {
    template <class In1, class In2>
    struct bind : binary_bound<kernels::op::maximum, In1, In2, OutQ, kernels::maximum_params{}, maximum_minimum_max_rank> {
        static_assert(sizeof(diag::binary_broadcast_rank_too_large<typename In1::shape, typename In2::shape, bind::broadcast::b::rank,
                                                                   maximum_minimum_max_rank,
                                                                   bind::broadcast::b::rank <= maximum_minimum_max_rank>));
    };
};

template <QuantParams OutQ>
struct minimum : layer {
    template <class In1, class In2>
    struct bind : binary_bound<kernels::op::minimum, In1, In2, OutQ, kernels::minimum_params{}, maximum_minimum_max_rank> {
        static_assert(sizeof(diag::binary_broadcast_rank_too_large<typename In1::shape, typename In2::shape, bind::broadcast::b::rank,
                                                                   maximum_minimum_max_rank,
                                                                   bind::broadcast::b::rank <= maximum_minimum_max_rank>));
    };
};

}  // namespace ctnn::layers
