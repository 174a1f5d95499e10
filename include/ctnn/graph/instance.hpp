// A runnable model: the arena the compiler sized, in the object itself (static storage when
// the object is static), and typed views of the input and output tensors.
#pragma once

#include <cstddef>
#include <span>
#include <type_traits>

#include "ctnn/graph/fixed_inputs.hpp"
#include "ctnn/graph/records.hpp"
#include "ctnn/graph/run_node.hpp"

namespace ctnn {

template <class Model>
class instance {
  public:
    using model = Model;
    using input_element = typename Model::input_element;
    using output_element = typename Model::output_element;

    // Starts a new sequence: every stateful layer's state as TFLM resets its variable tensors.
    // invoke() keeps the state from one call to the next, as TFLM does across Invoke().
    void reset_state() noexcept { detail::reset_layer_states<Model>(storage_.bytes); }

    // Write the input here before invoke(); invoke() may overwrite it.
    std::span<input_element, Model::input_size> input() noexcept { return input<0>(); }
    // Input I of a model with several (Model::input_count), in the model's input order.
    template <int I>
    auto input() noexcept {
        using tensor = typename Model::template input_tensor_at<I>;
        return std::span<typename tensor::element, tensor::size>(detail::tensor_of<Model, Model::input_tensors[I]>(storage_.bytes), tensor::size);
    }
    // Every input from one record: their bytes concatenated in input order (Model::input_record_bytes).
    void read_inputs(const void* record) noexcept { detail::read_inputs<Model>(storage_.bytes, record); }
    // Every output into one record, concatenated in output order (Model::output_record_bytes).
    void write_outputs(void* record) const noexcept { detail::write_outputs<Model>(const_cast<std::byte*>(storage_.bytes), record); }

    // Through the free run_layers<Model>, not Model::run: keyed on the type the user names (a
    // converted model's short `struct model`), so deep models keep short symbols.
    // Returns status::ok, or, for a model with fixed inputs (graph/sources.hpp) whose values
    // differ from the static shapes', status::fixed_input_mismatch without running anything.
    status invoke() noexcept {
        static_assert(sizeof(instance) == Model::ram_bytes, "ctnn: Model::ram_bytes must be the instance's size");
        if (!fixed_inputs_hold()) return status::fixed_input_mismatch;
        detail::run_layers<Model, false>(storage_.bytes);
        return status::ok;
    }

    // invoke() through the reference kernels: same results, no speed; a baseline and a cross-check.
    status invoke_reference() noexcept {
        if (!fixed_inputs_hold()) return status::fixed_input_mismatch;
        detail::run_layers<Model, true>(storage_.bytes);
        return status::ok;
    }

    // invoke(), calling observe(layer index, std::span<const std::byte> output) after each layer.
    template <class Observer>
    status invoke_observed(Observer&& observe) {
        if (!fixed_inputs_hold()) return status::fixed_input_mismatch;
        detail::run_layers_observed<Model>(storage_.bytes, observe);
        return status::ok;
    }

    std::span<const output_element, Model::output_size> output() noexcept { return output<0>(); }
    // Output O (Model::output_count), in the model's output order.
    template <int O>
    auto output() noexcept {
        using tensor = typename Model::template output_tensor_at<O>;
        return std::span<const typename tensor::element, tensor::size>(detail::tensor_of<Model, Model::output_tensors[O]>(storage_.bytes),
                                                                       tensor::size);
    }

    static constexpr std::size_t arena_bytes = Model::arena_bytes;

  private:
    bool fixed_inputs_hold() noexcept {
        if constexpr (detail::has_fixed_inputs<Model>)
            return detail::fixed_inputs_hold<Model>(storage_.bytes);
        else
            return true;
    }

    static constexpr std::size_t storage_bytes = Model::arena_bytes > 0 ? Model::arena_bytes : 1;
    // A model with stateful layers (LSTM, SVDF) starts from their reset state; others have nothing
    // to set up: their arena stays trivially constructible (no constructor runs for a static one).
    struct plain_arena {
        alignas(16) std::byte bytes[storage_bytes];
    };
    struct stateful_arena {
        alignas(16) std::byte bytes[storage_bytes];
        stateful_arena() noexcept { detail::reset_layer_states<Model>(bytes); }
    };
    std::conditional_t<(Model::state_bytes > 0), stateful_arena, plain_arena> storage_;
};

}  // namespace ctnn
