// The options-independent part of a model: node K's type, the type of tensor K, and node K
// bound to its input tensors (`layer::bind<In...>`), for a model of any depth.
//
// Tensor K's type depends on the tensors node K reads, so naive lookup nests one level of
// template instantiation per layer and a chain of a few hundred layers exceeds the compiler's
// depth limit. Instead the structure binds node 1, then node 2, ... in one pack expansion:
// each node finds its inputs already bound and complete, and the depth stays flat. Node types
// come from one table with a base per node (found by deduction, no recursion).
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctnn/graph/sources.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {

template <class Layer, int... Inputs>
struct node;  // graph/graph.hpp

namespace diag {
template <int Node, int Tensor, bool Earlier>
struct node_reads_a_tensor_not_yet_produced {
    static_assert(Earlier, "ctnn: node <Node> reads tensor <Tensor>, which is not produced before it "
                           "(tensor 0 is the input; node K produces tensor K)");
};
template <int Node, class BoundLayer, bool HasOutput, bool HasKernel, bool HasFacts>
struct bound_layer_lacks_a_member {
    static_assert(HasOutput && HasKernel && HasFacts,
                  "ctnn: node <Node>'s layer, bound to its inputs, must declare `using output = tensor_type<...>`, "
                  "`using kernel = kernels::kernel_for<...>` and `static constexpr layers::layer_facts facts` "
                  "(template arguments: node, bound layer, then whether each of the three is there)");
};
}  // namespace diag

namespace detail {

// An entry as a node: node<...> as it is; an input or constant (graph/sources.hpp) as a node that
// reads nothing.
template <class Entry>
struct source_node {
    using layer = Entry;
    static constexpr std::array<int, 0> inputs{};
};
template <class Entry>
struct as_node {
    using type = source_node<Entry>;
};
template <class Layer, int... Inputs>
struct as_node<node<Layer, Inputs...>> {
    using type = node<Layer, Inputs...>;
};

template <int K, class Node>
struct node_slot {
    using type = typename as_node<Node>::type;
};
template <int K, class Node>
node_slot<K, Node> slot_at(const node_slot<K, Node>&);  // declared only: decltype finds node K

template <class Seq, class... Nodes>
struct node_table;
template <std::size_t... I, class... Nodes>
struct node_table<std::index_sequence<I...>, Nodes...> : node_slot<int(I) + 1, Nodes>... {};

template <class S, int K>
struct structure_node {
    using type = typename decltype(slot_at<K>(std::declval<const typename S::table&>()))::type;
};

template <class S, int K>
struct structure_bound;

// Input `input` of node K, or tensor 0 when it is not produced before node K: the diag below
// reports the bad index, and everything after it sees a valid graph (no cascade of errors).
constexpr int checked_input(int input, int k) noexcept { return input >= 0 && input < k ? input : 0; }

template <class S, int K>
struct structure_tensor {
    using type = typename structure_bound<S, K>::type::output;
};
template <class S>
struct structure_tensor<S, 0> {
    using type = typename S::input_tensor;
};

// The first input of node K that is not produced before it, or 0 when there is none (tensor 0
// is always produced before node K >= 1).
template <class Inputs>
constexpr int first_bad_input(const Inputs& inputs, int k) noexcept {
    for (int i : inputs)
        if (i < 0 || i >= k) return i;
    return 0;
}

// No static data members or member functions here, and none keyed on S elsewhere: GCC gives
// each a mangled name holding the whole node list, and its mangler is quadratic in a name's
// length, so a deep model would pay O(layers^3).
template <class S, int K>
struct structure_bound {
    using node_type = typename structure_node<S, K>::type;
    static_assert(sizeof(diag::node_reads_a_tensor_not_yet_produced<K, first_bad_input(node_type::inputs, K),
                                                                    first_bad_input(node_type::inputs, K) == 0>));
    template <std::size_t... I>
    static auto bind(std::index_sequence<I...>) -> typename node_type::layer::template bind<
        typename structure_tensor<S, checked_input(node_type::inputs[I], K)>::type...>;
    using type = decltype(bind(std::make_index_sequence<node_type::inputs.size()>{}));
    static_assert(sizeof(diag::bound_layer_lacks_a_member<K, type, declares_output<type>, declares_kernel<type>,
                                                          declares_facts<type>>));
};

// Per-layer lookups go through these namespace-scope aliases keyed by the structure type:
// a member template of a class whose arguments hold the node pack costs O(layers) per use
// (the compiler copies and hashes the whole argument list), so O(layers^2) over a model.
template <class S, int K>
using node_t = typename structure_node<S, K>::type;
template <class S, int K>
using tensor_t = typename structure_tensor<S, K>::type;
template <class S, int K>
using bound_t = typename structure_bound<S, K>::type;

template <class... Ts>
struct type_list {};

template <class S, class Seq>
struct bind_in_order;
template <class S, std::size_t... K>
struct bind_in_order<S, std::index_sequence<K...>> {
    using tensors = type_list<typename structure_tensor<S, int(K) + 1>::type...>;
};

// The last entry of a pack, or void for none.
template <class... E>
struct last_entry {
    using type = void;
};
template <class First, class... Rest>
struct last_entry<First, Rest...> {
    using type = typename decltype((std::type_identity<First>{}, ..., std::type_identity<Rest>{}))::type;
};

template <class Input, class... Nodes>
struct graph_structure {
    using marker = typename last_entry<Nodes...>::type;
    static constexpr bool lists_outputs = is_outputs<marker>;
    // Entries after the input, the outputs<...> marker excluded: tensors 1..layer_count.
    static constexpr int layer_count = int(sizeof...(Nodes)) - (lists_outputs ? 1 : 0);
    using input_tensor = typename Input::tensor;
    using input_entry = Input;  // tensor 0's entry (ctnn::input, ctnn::fixed_input)
    using table = node_table<std::make_index_sequence<sizeof...(Nodes)>, Nodes...>;
    // The model's outputs: the marker's list, or the last tensor.
    static constexpr auto output_list = [] {
        if constexpr (lists_outputs)
            return marker::tensors;
        else
            return std::array<int, 1>{layer_count};
    }();


    // Instantiated with the structure, before anything asks for a tensor out of order.
    using all_tensors = typename bind_in_order<graph_structure, std::make_index_sequence<std::size_t(layer_count)>>::tensors;
};

}  // namespace detail
}  // namespace ctnn
