// RESHAPE: the same bytes under another shape. It costs nothing: the planner gives the output
// the input's storage and no code runs.
#pragma once

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, class TargetShape, bool SameSize>
struct reshape_changes_element_count {
    static_assert(SameSize, "ctnn: reshape must keep the element count (template arguments: input shape, target shape)");
};
}  // namespace diag

namespace layers {

// Its output is its input's bytes.
inline constexpr operator_traits reshape_traits{
    .widenable_weights = false, .in_place_input = -1, .is_view = true, .fusion = fusion_role::none};

template <Shape Target>
struct reshape : layer {
    template <class In>
    struct bind {
        static_assert(sizeof(diag::reshape_changes_element_count<typename In::shape, Target, In::size == Target::size>));
        using output = tensor_type<Target, typename In::quant>;
        using kernel = kernels::no_kernel;
        static constexpr layer_facts facts = unweighted_facts(reshape_traits, 0);
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return {}; }  // no kernel, no constants
        template <kernel_options, class T, class U>
        static void run(const T*, U*, std::byte*) {}
        template <class T, class U>
        static void run_reference(const T*, U*) {}
    };
};

}  // namespace layers
}  // namespace ctnn
