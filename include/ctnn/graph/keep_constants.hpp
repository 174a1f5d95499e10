// Every constant object a model's kernels name stays linked, so that Model::flash_bytes is
// what the linker places (kernels/linked_constants.hpp). The relocations that keep them sit in
// a function of their own, keep_constants<Graph>, which is never called: the run references it
// by one more relocation (keep_constants_linked), which keeps it and so everything it names.
// The kernels' code is the code of a model without any of this; the run gains no instruction.
#pragma once

#include "ctnn/graph/for_each_layer.hpp"
#include "ctnn/graph/structure.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/linked_constants.hpp"

namespace ctnn::detail {

// The constant objects node K's kernel links (Model::flash_bytes counts them).
template <class Layer, kernel_options O>
inline constexpr kernels::linked_constants layer_constants = Layer::template constants<O>();

template <class Graph>
struct keep_step {
    template <int K>
    static void at() noexcept {
        kernels::keep_linked<layer_constants<bound_t<typename Graph::structure, K>, Graph::options>>();
    }
};

template <class Graph>
[[gnu::noinline]] void keep_constants() noexcept {
    // Tensor 0's entry too: a fixed input's values (graph/sources.hpp).
    kernels::keep_linked<layer_constants<typename Graph::structure::input_entry::template bind<>, Graph::options>>();
    for_each_layer<keep_step<Graph>, Graph::layer_count>();
}

template <class Graph>
[[gnu::always_inline]] inline void keep_constants_linked() noexcept {
    constexpr void (*keeper)() noexcept = &keep_constants<Graph>;
    CTNN_KEEP_LINKED(keeper);
}

}  // namespace ctnn::detail
