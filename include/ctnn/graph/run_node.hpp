// One step of a model's run: node K's kernel on its tensors at their arena offsets, the fused
// convolution + ADD step (graph/fused_step.hpp), or a convolution in place by rows
// (graph/in_place_step.hpp). A namespace-scope template keyed by the
// model type, not a member template of it: those cost O(layers) each to instantiate (see
// graph/structure.hpp).
#pragma once

#include <cstddef>
#include <span>
#include <utility>

#include "ctnn/graph/arena_access.hpp"
#include "ctnn/graph/for_each_layer.hpp"
#include "ctnn/graph/fused_step.hpp"
#include "ctnn/graph/in_place_step.hpp"
#include "ctnn/graph/keep_constants.hpp"
#include "ctnn/graph/layer_state.hpp"
#include "ctnn/graph/structure.hpp"

namespace ctnn::detail {

template <class Graph, int K, bool Reference>
void run_node(std::byte* arena) noexcept {
    using layer = bound_t<typename Graph::structure, K>;
    constexpr auto& inputs = node_t<typename Graph::structure, K>::inputs;
    if constexpr (source_of<layer>() != layers::source_kind::none || Graph::joined[K]) {
        // an input or a constant, or a concatenation its inputs were written into: nothing to run
    } else if constexpr (Graph::fused_into_next[K]) {
        // runs inside node K + 1
    } else if constexpr (Graph::fused_into_next[K - 1]) {
        run_fused_step<Graph, K - 1, Reference>(arena);
    } else if constexpr (Graph::in_place_rows[K]) {
        run_in_place_step<Graph, K, Reference>(arena);
    } else {
        [arena]<std::size_t... I>(std::index_sequence<I...>) {
            if constexpr (stateful<layer> && Reference) {
                layer::run_reference(tensor_of<Graph, inputs[I]>(arena)..., tensor_of<Graph, K>(arena), state_of<Graph, K>(arena));
            } else if constexpr (stateful<layer>) {
                layer::template run<Graph::options>(tensor_of<Graph, inputs[I]>(arena)..., tensor_of<Graph, K>(arena),
                                                    state_of<Graph, K>(arena), scratch_of<Graph, K>(arena));
            } else if constexpr (Reference) {
                layer::run_reference(tensor_of<Graph, inputs[I]>(arena)..., tensor_of<Graph, K>(arena));
            } else {
                layer::template run<Graph::options>(tensor_of<Graph, inputs[I]>(arena)..., tensor_of<Graph, K>(arena),
                                                    scratch_of<Graph, K>(arena));
            }
        }(std::make_index_sequence<inputs.size()>{});
    }
}

// Every stateful layer's reset_state on its part of the arena.
template <class Graph>
void reset_layer_states(std::byte* arena) noexcept {
    if constexpr (Graph::state_bytes > 0) {
        [arena]<std::size_t... I>(std::index_sequence<I...>) {
            auto reset = [arena]<int K>() {
                using layer = bound_t<typename Graph::structure, K>;
                if constexpr (stateful<layer>) layer::reset_state(state_of<Graph, K>(arena));
            };
            (reset.template operator()<int(I) + 1>(), ...);
        }(std::make_index_sequence<Graph::layer_count>{});
    }
}

// The steps run_layers runs through for_each_layer (graph/for_each_layer.hpp).
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
        if constexpr (source_of<bound_t<typename Graph::structure, K>>() != layers::source_kind::none) {
            // not computed: nothing to observe
        } else if constexpr (Graph::fused_into_next[K]) {
            observe(K, std::span<const std::byte>());
        } else {
            observe(K, std::span<const std::byte>(arena + Graph::plan.offsets[K], tensor_t<typename Graph::structure, K>::bytes));
        }
    }
};

// Every layer of Graph in order (Reference: through the reference kernels). Graph is the type the
// caller names: for a converted model the short `struct model : ctnn::graph<...>`, which keeps
// every step's symbol short. Up to layers_per_fold layers: one fold, the code the firmware's
// instruction counts were measured with; deeper models: folds of folds (for_each_layer.hpp).
template <class Graph, bool Reference>
void run_layers(std::byte* arena) noexcept {
    constexpr std::size_t n = Graph::layer_count;
    if constexpr (!Reference) keep_constants_linked<Graph>();  // graph/keep_constants.hpp
    if constexpr (n <= layers_per_fold) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (run_node<Graph, int(I) + 1, Reference>(arena), ...);
        }(std::make_index_sequence<n>{});
    } else {
        for_each_layer<run_step<Graph, Reference>, n>(arena);
    }
}

template <class Graph, class Observer>
void run_layers_observed(std::byte* arena, Observer& observe) {
    constexpr std::size_t n = Graph::layer_count;
    keep_constants_linked<Graph>();
    if constexpr (n <= layers_per_fold) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((observed_step<Graph>::template at<int(I) + 1>(arena, observe)), ...);
        }(std::make_index_sequence<n>{});
    } else {
        for_each_layer<observed_step<Graph>, n>(arena, observe);
    }
}

}  // namespace ctnn::detail
