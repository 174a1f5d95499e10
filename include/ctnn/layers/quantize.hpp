// QUANTIZE (float32 -> int8) and DEQUANTIZE (int8 -> float32), for the float tensors a model
// may have at its edges.
#pragma once

#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/reference/quantize.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn::layers {

template <QuantParams OutQ>
struct quantize {
    template <class In>
    struct bind : bound_layer_defaults {
        static_assert(In::is_float, "ctnn: quantize takes a float32 tensor (ctnn::float32)");
        static_assert(valid_quantization<OutQ>);
        using output = tensor_type<typename In::shape, OutQ>;
        static void run(const float* input, std::int8_t* out) {
            kernels::reference::quantize_f32_s8(OutQ::scale, OutQ::zero_point, input, out, In::size);
        }
        static void run_reference(const float* input, std::int8_t* out) { run(input, out); }
    };
};

struct dequantize {
    template <class In>
    struct bind : bound_layer_defaults {
        static_assert(Int8Tensor<In>, "ctnn: dequantize takes an int8 tensor");
        using output = tensor_type<typename In::shape, float32>;
        static void run(const std::int8_t* input, float* out) {
            kernels::reference::dequantize_s8_f32(In::quant::scale, In::quant::zero_point, input, out, In::size);
        }
        static void run_reference(const std::int8_t* input, float* out) { run(input, out); }
    };
};

}  // namespace ctnn::layers
