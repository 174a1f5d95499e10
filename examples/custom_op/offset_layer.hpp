// A user layer for a TFLite CUSTOM operator (docs/custom-operators.md): "ADD_OFFSET" adds the
// signed byte in its custom options to every int8 value, saturating. ctnn-convert emits
// `examples::add_offset<w::opN>` for it (mapped in custom_ops.txt), w::opN saying the output
// type, the custom code and the options bytes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <ctnn/ctnn.hpp>

namespace examples {

template <class Op>
struct add_offset : ctnn::layers::layer {
    static_assert(Op::options_size == 1, "ADD_OFFSET takes one option byte: the offset");
    static constexpr int offset = static_cast<std::int8_t>(Op::options[0]);

    template <class In>
    struct bind {
        static_assert(ctnn::Int8Tensor<In> && In::size == Op::output::size, "ADD_OFFSET maps an int8 tensor to one of its size");
        using output = typename Op::output;  // exactly the .tflite's output tensor
        using kernel = ctnn::kernels::no_kernel;
        static constexpr ctnn::layers::layer_facts facts = ctnn::layers::unweighted_facts(ctnn::layers::in_place_elementwise, 0);
        template <ctnn::kernel_options>
        static constexpr ctnn::kernels::linked_constants constants() { return {}; }  // no tables

        static void run_reference(const std::int8_t* in, std::int8_t* out) {
            for (std::size_t i = 0; i < In::size; ++i) out[i] = static_cast<std::int8_t>(std::clamp(in[i] + offset, -128, 127));
        }
        template <ctnn::kernel_options>
        static void run(const std::int8_t* in, std::int8_t* out, std::byte*) { run_reference(in, out); }
    };
};

}  // namespace examples
