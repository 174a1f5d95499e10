// Where a step finds its tensors and its kernel's scratch in the arena (offsets from the plan).
#pragma once

#include <cstddef>

#include "ctnn/graph/structure.hpp"

namespace ctnn::detail {

// Keyed on the element type only: a function keyed on the structure would carry the whole node
// list in its symbol name, once per layer (O(layers^2) bytes of names in a deep model).
template <class Element>
Element* tensor_at(std::byte* arena, std::size_t offset) noexcept {
    return reinterpret_cast<Element*>(arena + offset);
}
template <class S, int K>
using element_t = typename tensor_t<S, K>::element;

// Tensor T of model Graph, at the plan's offset for it.
template <class Graph, int T>
element_t<typename Graph::structure, T>* tensor_of(std::byte* arena) noexcept {
    return tensor_at<element_t<typename Graph::structure, T>>(arena, Graph::plan.offsets[T]);
}

// Node K's kernel scratch in the arena, or nullptr when its kernel needs none.
template <class Graph, int K>
std::byte* scratch_of(std::byte* arena) noexcept {
    if constexpr (Graph::scratch_slot[K] < 0) {
        return nullptr;
    } else {
        return arena + Graph::plan.offsets[Graph::scratch_slot[K]];
    }
}

}  // namespace ctnn::detail
