// QUANTIZE (float32 -> int8) and DEQUANTIZE (int8 -> float32), for the float tensors a model
// may have at its edges.
#pragma once

#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/reference/quantize.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn::layers {

// float in, int8 out (and back): never the same bytes.
inline constexpr operator_traits quantize_traits = separate_output;
inline constexpr operator_traits dequantize_traits = separate_output;

template <QuantParams OutQ>
struct quantize : layer {
    template <class In>
    struct bind {
        static_assert(In::is_float, "ctnn: quantize takes a float32 tensor (ctnn::float32)");
        static_assert(valid_quantization<OutQ>);
        using output = tensor_type<typename In::shape, OutQ>;
        using kernel = kernels::kernel_for<kernels::op::quantize>;
        static constexpr layer_facts facts = unweighted_facts(quantize_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<OutQ, In::size>(); }
        template <kernel_options>
        static void run(const float* input, std::int8_t* out, std::byte*) {
            kernel::run<OutQ, In::size>(input, out);
        }
        static void run_reference(const float* input, std::int8_t* out) {
            kernels::reference::quantize_f32_s8(OutQ::scale, OutQ::zero_point, input, out, In::size);
        }
    };
};

struct dequantize : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: dequantize takes an int8 tensor");
        using output = tensor_type<typename In::shape, float32>;
        using kernel = kernels::kernel_for<kernels::op::dequantize>;
        static constexpr layer_facts facts = unweighted_facts(dequantize_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<typename In::quant, In::size>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, float* out, std::byte*) {
            kernel::template run<typename In::quant, In::size>(input, out);
        }
        static void run_reference(const std::int8_t* input, float* out) {
            kernels::reference::dequantize_s8_f32(In::quant::scale, In::quant::zero_point, input, out, In::size);
        }
    };
};

}  // namespace ctnn::layers
