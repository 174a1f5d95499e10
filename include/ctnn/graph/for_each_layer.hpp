// Calls Step::at<K>(args...) for K = 1..N, in order, as straight-line code. One fold over all
// layers would nest N deep, and clang refuses folds deeper than 256 by default, so the layers
// go in folds of at most 128, themselves folded (up to 32,768 layers). Step is a class, not a
// lambda: a lambda's call operator would carry the model's whole node list as template
// arguments, which costs O(layers) per layer to instantiate. Each fold of layers is a function
// of its own (noinline): one function holding every layer's kernels would cost the optimizer
// more than linear time and memory in the model's depth.
#pragma once

#include <cstddef>
#include <utility>

namespace ctnn::detail {

inline constexpr std::size_t layers_per_fold = 128;

template <class Step, std::size_t Begin, class... Args, std::size_t... I>
[[gnu::noinline]] void for_layers_from(std::index_sequence<I...>, Args&... args) {
    (Step::template at<int(Begin + I) + 1>(args...), ...);
}

template <class Step, std::size_t N, class... Args, std::size_t... C>
[[gnu::always_inline]] inline void for_layer_folds(std::index_sequence<C...>, Args&... args) {
    constexpr std::size_t k = layers_per_fold;
    (for_layers_from<Step, C * k>(std::make_index_sequence<(N - C * k < k ? N - C * k : k)>{}, args...), ...);
}

template <class Step, std::size_t N, class... Args>
[[gnu::always_inline]] inline void for_each_layer(Args&... args) {
    static_assert(N <= layers_per_fold * 256, "ctnn: a model has at most 32768 layers");
    for_layer_folds<Step, N>(std::make_index_sequence<(N + layers_per_fold - 1) / layers_per_fold>{}, args...);
}

}  // namespace ctnn::detail
