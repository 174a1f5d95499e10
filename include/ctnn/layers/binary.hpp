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
#include "ctnn/kernels/portable/binary_s8.hpp"
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

// The bound layer of operation Op on parameters Params (one of kernels/reference/binary_s8.hpp's).
template <class Op, class In1, class In2, class OutQ, auto Params, int MaxRank>
struct binary_bound {
    static_assert(sizeof(diag::binary_operator_takes_int8_tensors<Op, Int8Tensor<In1> && Int8Tensor<In2>>));
    static_assert(valid_quantization<OutQ>);
    using broadcast = checked_broadcast<In1, In2, MaxRank>;
    static constexpr broadcast_geometry geometry = broadcast::geometry;
    static constexpr auto params = Params;

    using output = tensor_type<typename broadcast::shape, OutQ>;
    using kernel = kernels::kernel_for<Op>;
    static constexpr layer_facts facts = unweighted_facts(binary_traits, 0);

    // The constant objects its kernel links (kernels/linked_constants.hpp).
    template <kernel_options O>
    static constexpr kernels::linked_constants constants() { return kernel::template constants<Params, geometry>(); }
    template <kernel_options>
    static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* out, std::byte*) {
        kernel::template run<Params, geometry>(a, b, out);
    }
    static void run_reference(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) {
        kernels::reference::broadcast_binary_s8(kernels::reference::runtime_value(geometry), kernels::reference::runtime_value(params), a, b,
                                                out);
    }
};

}  // namespace layers
}  // namespace ctnn
