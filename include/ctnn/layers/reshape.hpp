// RESHAPE: the same bytes under another shape. It costs nothing: the planner gives the output
// the input's storage and no code runs.
#pragma once

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, class TargetShape, bool SameSize>
struct reshape_changes_element_count {
    static_assert(SameSize, "ctnn: reshape must keep the element count (template arguments: input shape, target shape)");
};
}  // namespace diag

namespace layers {

template <Shape Target>
struct reshape {
    template <class In>
    struct bind : bound_layer_defaults {
        static_assert(sizeof(diag::reshape_changes_element_count<typename In::shape, Target, In::size == Target::size>));
        using output = tensor_type<Target, typename In::quant>;
        static constexpr bool aliases_input = true;
        template <class T, class U>
        static void run(const T*, U*) {}
        template <class T, class U>
        static void run_reference(const T*, U*) {}
    };
};

}  // namespace layers
}  // namespace ctnn
