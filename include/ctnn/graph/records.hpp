// A model's inputs and outputs as one record each: every tensor's bytes, concatenated in the
// model's order (the runner's and the tests' format). For instance and placed_instance.
#pragma once

#include <cstddef>
#include <cstring>
#include <utility>

#include "ctnn/graph/arena_access.hpp"

namespace ctnn::detail {

template <class Model>
void read_inputs(std::byte* arena, const void* record) noexcept {
    const auto* from = static_cast<const std::byte*>(record);
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((std::memcpy(tensor_of<Model, Model::input_tensors[I]>(arena), from, Model::template input_tensor_at<int(I)>::bytes),
          from += Model::template input_tensor_at<int(I)>::bytes),
         ...);
    }(std::make_index_sequence<Model::input_tensors.size()>{});
}

template <class Model>
void write_outputs(std::byte* arena, void* record) noexcept {
    auto* to = static_cast<std::byte*>(record);
    [&]<std::size_t... O>(std::index_sequence<O...>) {
        ((std::memcpy(to, tensor_of<Model, Model::output_tensors[O]>(arena), Model::template output_tensor_at<int(O)>::bytes),
          to += Model::template output_tensor_at<int(O)>::bytes),
         ...);
    }(std::make_index_sequence<Model::output_tensors.size()>{});
}

}  // namespace ctnn::detail
