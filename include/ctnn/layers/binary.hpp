// What every element-wise binary layer with broadcasting shares (SUB, MUL, SQUARED_DIFFERENCE,
// MAXIMUM, MINIMUM, PRELU, and ADD of two shapes that differ): the broadcast geometry of its two
// input shapes (core/broadcast.hpp), checked here with both shapes in the message, the output
// tensor, and the layer protocol on top of the operator's parameters. The operator itself is
// its parameters' type: the kernel's element function and the reference's binary_element are
// overloaded on it. The layer types (layers/sub.hpp ...) derive their bind from this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "ctnn/core/broadcast.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/binary_s16.hpp"
#include "ctnn/kernels/portable/binary_s8.hpp"
#include "ctnn/kernels/reference/binary_s16.hpp"
#include "ctnn/kernels/reference/binary_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <class Op, bool Int8>
struct binary_operator_takes_int8_tensors {
    static_assert(Int8, "ctnn: element-wise binary operators take two int8 tensors (template argument: the operation)");
};
// ADD, SUB and MUL also take int16 (16x8 mode), but both inputs and the output of one type.
template <class Op, class Input1, class Input2, class OutputQuant, bool Same>
struct binary_operator_mixes_element_types {
    static_assert(Same, "ctnn: ADD, SUB and MUL take two int8 or two int16 tensors and give the same type (TFLite rejects a mix) "
                        "(template arguments: the operation, the two input tensors and the output quantization)");
};
// int16 ADD and SUB: TFLM derives every multiplier with QuantizeMultiplierSmallerThanOneExp,
// which stops unless each real is in (0, 1); the output's, 2 max(s1, s2) / (2^15 s_out), is not
// when the output scale is below max(s1, s2) / 16384.
template <class Op, class Input1Quant, class Input2Quant, class OutputQuant, bool InRange>
struct int16_binary_multiplier_not_below_one {
    static_assert(InRange, "ctnn: an int16 ADD or SUB's rescaling factor (s1 / 2 max, s2 / 2 max, or 2 max(s1, s2) / (2^15 s_out)) is "
                           "not in (0, 1), as TFLite's int16 path needs (template arguments: the operation and the three quantizations)");
};
// A rescaling factor TFLite's Prepare derives (named in the operator's header) is out of the
// range the kernels implement: 2^30 or more, or not finite.
template <class Op, class Input1Quant, class Input2Quant, class OutputQuant, bool InRange>
struct binary_multiplier_out_of_range {
    static_assert(InRange, "ctnn: an element-wise binary operator's rescaling factor, derived from the two input scales and "
                           "the output scale, is 2^30 or more (template arguments: the operation and the three quantizations)");
};
}  // namespace diag

namespace layers {

// Element-wise, so the output may overwrite the first input when that input has the output's
// size and dies here (the planner checks the size: a broadcast first input is never overwritten).
inline constexpr operator_traits binary_traits = in_place_elementwise;

// The broadcast of In1 and In2 for an operator that broadcasts up to MaxRank dimensions.
template <class In1, class In2, int MaxRank>
struct checked_broadcast {
    using b = broadcast_of<typename In1::shape, typename In2::shape>;
    static_assert(sizeof(diag::binary_shapes_do_not_broadcast<typename In1::shape, typename In2::shape, b::geometry.mismatch_axis,
                                                               b::geometry.valid || b::geometry.mismatch_axis < 0>));
    // Equal shapes run flat at any rank; a broadcast is bounded by the operator's walk.
    static constexpr bool fits = std::is_same_v<typename In1::shape, typename In2::shape> || b::rank <= MaxRank;
    static_assert(sizeof(diag::binary_broadcast_rank_too_large<typename In1::shape, typename In2::shape, b::rank, MaxRank, fits>));
    static constexpr broadcast_geometry geometry = b::geometry;
    using shape = typename b::shape;
};

// Both inputs int16 and the output quantization int16: the operator's int16 form (ADD, SUB, MUL).
template <class In1, class In2, class OutQ>
inline constexpr bool int16_binary = Int16Tensor<In1> && Int16Tensor<In2> && std::is_same_v<quant_element_t<OutQ>, std::int16_t>;
template <class Op, class In1, class In2, class OutQ>
struct checked_int16_binary {
    static_assert(sizeof(diag::binary_operator_mixes_element_types<Op, In1, In2, OutQ,
                                                                   int16_binary<In1, In2, OutQ> ||
                                                                       (Int8Tensor<In1> && Int8Tensor<In2> &&
                                                                        std::is_same_v<quant_element_t<OutQ>, std::int8_t>)>));
    static constexpr bool value = int16_binary<In1, In2, OutQ>;
};

// The bound layer of operation Op on parameters Params (one of kernels/reference/binary_s8.hpp's,
// or binary_s16.hpp's with Op = op::binary_s16).
template <class Op, class In1, class In2, class OutQ, auto Params, int MaxRank>
struct binary_bound {
    static_assert(sizeof(diag::binary_operator_takes_int8_tensors<
                         Op, (Int8Tensor<In1> && Int8Tensor<In2>) || (std::is_same_v<Op, kernels::op::binary_s16> && Int16Tensor<In1> && Int16Tensor<In2>)>));
    static_assert(valid_quantization<OutQ>);
    using broadcast = checked_broadcast<In1, In2, MaxRank>;
    static constexpr broadcast_geometry geometry = broadcast::geometry;
    static constexpr auto params = Params;

    using output = tensor_type<typename broadcast::shape, OutQ>;
    using element = typename In1::element;
    using kernel = kernels::kernel_for<Op>;
    static constexpr layer_facts facts = unweighted_facts(binary_traits, 0);

    // The constant objects its kernel links (kernels/linked_constants.hpp).
    template <kernel_options O>
    static constexpr kernels::linked_constants constants() { return kernel::template constants<Params, geometry>(); }
    template <kernel_options>
    static void run(const element* a, const element* b, element* out, std::byte*) {
        kernel::template run<Params, geometry>(a, b, out);
    }
    static void run_reference(const element* a, const element* b, element* out) {
        kernels::reference::broadcast_binary_s8(kernels::reference::runtime_value(geometry), kernels::reference::runtime_value(params), a, b,
                                                out);
    }
};

}  // namespace layers
}  // namespace ctnn
