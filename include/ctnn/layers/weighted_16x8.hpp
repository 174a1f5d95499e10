// What the 16x8 weighted layers (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV with
// int16 activations and int8 weights) share: the element types they take, the bias type that
// picks TFLite's accumulator, and the checks on both, in our words.
#pragma once

#include <cstdint>
#include <type_traits>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/quant/qparams.hpp"

namespace ctnn {
namespace diag {
template <class In, class OutQ, bool Matches>
struct weighted_output_element_differs_from_input {
    static_assert(Matches, "ctnn: a weighted layer's output must have its input's element type: int8 -> int8, or int16 -> "
                           "int16 (16x8) (template arguments: the input tensor type, the output quantization)");
};
template <class Params, class Bias, bool Allowed>
struct bias_type_not_accepted_for_16x8 {
    static_assert(Allowed, "ctnn: this 16x8 layer's bias must be std::int64_t (CONV_2D and FULLY_CONNECTED also take "
                           "std::int32_t, as TFLite does) (template arguments: the parameters, their bias element type)");
};
template <class Params, class Bias, bool IsInt32>
struct bias_must_be_int32_for_int8 {
    static_assert(IsInt32, "ctnn: an int8 weighted layer's bias must be std::int32_t (template arguments: the parameters, "
                           "their bias element type)");
};
}  // namespace diag

namespace layers::detail {

// The element type of a parameter struct's bias.
template <class Params>
using bias_element_t = std::remove_cvref_t<decltype(Params::bias[0])>;

// The checks every weighted layer makes on its types; wide: int16 input (16x8). int64_bias_only:
// DEPTHWISE_CONV_2D and TRANSPOSE_CONV, whose int16 kernels in TFLite read an int64 bias only.
template <class In, class OutQ, class Params, bool int64_bias_only>
struct weighted_types {
    static constexpr bool wide = Int16Tensor<In>;
    using element = typename In::element;
    using bias = bias_element_t<Params>;
    static_assert(sizeof(diag::weighted_output_element_differs_from_input<In, OutQ, std::is_same_v<quant_element_t<OutQ>, element>>));
    static_assert(sizeof(diag::bias_must_be_int32_for_int8<Params, bias, wide || std::is_same_v<bias, std::int32_t>>));
    static_assert(sizeof(diag::bias_type_not_accepted_for_16x8<
                         Params, bias, !wide || std::is_same_v<bias, std::int64_t> || (!int64_bias_only && std::is_same_v<bias, std::int32_t>)>));
    // The accumulator TFLite requantizes: the bias's type (int32 for int8 layers).
    using accumulator = std::conditional_t<wide, bias, std::int32_t>;
    static constexpr bool int64_accumulator = std::is_same_v<accumulator, std::int64_t>;
};

}  // namespace layers::detail
}  // namespace ctnn
