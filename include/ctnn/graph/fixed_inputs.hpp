// The run-time check of fixed inputs (graph/sources.hpp): model inputs whose values the static
// shapes fix. invoke() runs only when every one holds its values.
#pragma once

#include <cstddef>
#include <utility>

#include "ctnn/graph/arena_access.hpp"
#include "ctnn/graph/sources.hpp"
#include "ctnn/graph/structure.hpp"

namespace ctnn {

// What invoke() reports. A model without fixed inputs always returns ok.
enum class status {
    ok = 0,
    // A fixed input (an output shape given as a model input) holds other values than the
    // model's static shapes: no layer ran.
    fixed_input_mismatch = 1,
};

}  // namespace ctnn

namespace ctnn::detail {

// Entry K's bound form, entry 0 (the first input, no node) included.
template <class S, int K>
struct entry_bound {
    using type = bound_t<S, K>;
};
template <class S>
struct entry_bound<S, 0> {
    using type = typename S::input_entry::template bind<>;
};
template <class S, int K>
using entry_bound_t = typename entry_bound<S, K>::type;

template <class Model>
inline constexpr bool has_fixed_inputs = []<std::size_t... I>(std::index_sequence<I...>) {
    return (false || ... || is_fixed_input<entry_bound_t<typename Model::structure, Model::input_tensors[I]>>);
}(std::make_index_sequence<Model::input_tensors.size()>{});

template <class Model, int K>
bool holds_fixed_values(std::byte* arena) noexcept {
    using entry = entry_bound_t<typename Model::structure, K>;
    if constexpr (is_fixed_input<entry>) {
        const auto* values = tensor_of<Model, K>(arena);
        for (std::size_t i = 0; i < entry::output::size; ++i)
            if (values[i] != entry::fixed_values()[i]) return false;
    }
    return true;
}

template <class Model>
bool fixed_inputs_hold(std::byte* arena) noexcept {
    return [arena]<std::size_t... I>(std::index_sequence<I...>) {
        return (true && ... && holds_fixed_values<Model, Model::input_tensors[I]>(arena));
    }(std::make_index_sequence<Model::input_tensors.size()>{});
}

}  // namespace ctnn::detail
