// A runnable model: the arena the compiler sized, in the object itself (static storage when
// the object is static), and typed views of the input and output tensors.
#pragma once

#include <cstddef>
#include <span>

#include "ctnn/graph/run_node.hpp"

namespace ctnn {

template <class Model>
class instance {
  public:
    using model = Model;
    using input_element = typename Model::input_element;
    using output_element = typename Model::output_element;

    // Write the input here before invoke(); invoke() may overwrite it.
    std::span<input_element, Model::input_size> input() noexcept {
        return std::span<input_element, Model::input_size>(Model::template tensor_data<0>(arena_), Model::input_size);
    }

    // Through the free run_layers<Model>, not Model::run: keyed on the type the user names (a
    // converted model's short `struct model`), so deep models keep short symbols.
    void invoke() noexcept {
        static_assert(sizeof(instance) == Model::ram_bytes, "ctnn: Model::ram_bytes must be the instance's size");
        detail::run_layers<Model, false>(arena_);
    }

    // invoke() through the reference kernels: same results, no speed; a baseline and a cross-check.
    void invoke_reference() noexcept { detail::run_layers<Model, true>(arena_); }

    // invoke(), calling observe(layer index, std::span<const std::byte> output) after each layer.
    template <class Observer>
    void invoke_observed(Observer&& observe) {
        detail::run_layers_observed<Model>(arena_, observe);
    }

    std::span<const output_element, Model::output_size> output() noexcept {
        return std::span<const output_element, Model::output_size>(
            Model::template tensor_data<Model::layer_count>(arena_), Model::output_size);
    }

    static constexpr std::size_t arena_bytes = Model::arena_bytes;

  private:
    alignas(16) std::byte arena_[Model::arena_bytes > 0 ? Model::arena_bytes : 1];
};

}  // namespace ctnn
