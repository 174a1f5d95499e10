// Where a step finds its tensors and its kernel's scratch: in the arena at the plan's offsets,
// or, for a model placed across RAM regions (graph/placed.hpp), in its region's arena object.
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

// The arena object of a placed model's I-th fastest region (graph/placed.hpp).
template <class Placed, std::size_t I>
std::byte* region_base() noexcept;
template <class Graph>
concept placed_graph = requires { Graph::region_plan.placed; };

// Buffer B of model Graph (a tensor, or a kernel's scratch): its bytes.
template <class Graph, int B>
std::byte* buffer_at(std::byte* arena) noexcept {
    if constexpr (placed_graph<Graph>)
        return region_base<Graph, std::size_t(Graph::region_plan.region[B])>() + Graph::region_plan.offsets[B];
    else
        return arena + Graph::plan.offsets[B];
}

// Tensor T of model Graph: in the arena, or a constant's values in flash (graph/sources.hpp;
// never written: no layer writes over a constant, the planner gives none its bytes).
template <class Graph, int T>
element_t<typename Graph::structure, T>* tensor_of(std::byte* arena) noexcept {
    using element = element_t<typename Graph::structure, T>;
    if constexpr (Graph::flash_entry[T] >= 0)
        return const_cast<element*>(reinterpret_cast<const element*>(
            reinterpret_cast<const std::byte*>(bound_t<typename Graph::structure, Graph::flash_entry[T]>::data()) + Graph::flash_offset[T]));
    else
        return reinterpret_cast<element*>(buffer_at<Graph, T>(arena));
}

// Node K's kernel scratch, or nullptr when its kernel needs none.
template <class Graph, int K>
std::byte* scratch_of(std::byte* arena) noexcept {
    if constexpr (Graph::scratch_slot[K] < 0) {
        return nullptr;
    } else {
        return buffer_at<Graph, Graph::scratch_slot[K]>(arena);
    }
}

// Node K's band of rows when it runs in place by rows (plan/in_place_rows.hpp).
template <class Graph, int K>
std::byte* band_of(std::byte* arena) noexcept {
    static_assert(Graph::band_slot[K] >= 0);
    return buffer_at<Graph, Graph::band_slot[K]>(arena);
}

// Node K's persistent state (graph/layer_state.hpp), in the arena after the plan.
template <class Graph, int K>
std::byte* state_of(std::byte* arena) noexcept {
    static_assert(!placed_graph<Graph>, "ctnn: a model with stateful layers cannot be placed across RAM regions yet");
    return arena + Graph::state_offset[K];
}

}  // namespace ctnn::detail
