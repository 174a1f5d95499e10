// One step of a model's run: node K's kernel on its tensors at their arena offsets, or the
// fused convolution + ADD step (graph/fused_step.hpp). A namespace-scope template keyed by the
// model type, not a member template of it: those cost O(layers) each to instantiate (see
// graph/structure.hpp).
#pragma once

#include <cstddef>
#include <span>
#include <utility>

#include "ctnn/graph/fused_step.hpp"
#include "ctnn/graph/structure.hpp"

namespace ctnn::detail {

template <class S, int K>
auto* tensor_in(std::byte* arena, std::size_t offset) noexcept {
    return reinterpret_cast<typename tensor_t<S, K>::element*>(arena + offset);
}

template <class Graph, int K, bool Reference>
void run_node(std::byte* arena) noexcept {
    using S = typename Graph::structure;
    using layer = bound_t<S, K>;
    using node = node_t<S, K>;
    constexpr auto& offsets = Graph::plan.offsets;
    if constexpr (Graph::fused_into_next[K]) {
        // runs inside node K + 1
    } else if constexpr (Graph::fused_into_next[K - 1]) {
        run_fused_step<Graph, K - 1, Reference>(arena);
    } else {
        [arena]<std::size_t... I>(std::index_sequence<I...>) {
            auto* out = tensor_in<S, K>(arena, offsets[K]);
            if constexpr (Reference) {
                layer::run_reference(tensor_in<S, node::inputs[I]>(arena, offsets[node::inputs[I]])..., out);
            } else if constexpr (layer::takes_kernel_options) {
                layer::template run_with<Graph::options>(tensor_in<S, node::inputs[I]>(arena, offsets[node::inputs[I]])..., out);
            } else {
                layer::run(tensor_in<S, node::inputs[I]>(arena, offsets[node::inputs[I]])..., out);
            }
        }(std::make_index_sequence<node::inputs.size()>{});
    }
}

// The steps graph.hpp runs through for_each_layer (graph/for_each_layer.hpp).
template <class Graph, bool Reference>
struct run_step {
    template <int K>
    static void at(std::byte* arena) noexcept {
        run_node<Graph, K, Reference>(arena);
    }
};

template <class Graph>
struct observed_step {
    template <int K, class Observer>
    static void at(std::byte* arena, Observer& observe) {
        run_node<Graph, K, false>(arena);
        if constexpr (Graph::fused_into_next[K]) {
            observe(K, std::span<const std::byte>());
        } else {
            observe(K, std::span<const std::byte>(arena + Graph::plan.offsets[K], tensor_t<typename Graph::structure, K>::bytes));
        }
    }
};

}  // namespace ctnn::detail
