// MEAN over H and W of a 1xHxWxC int8 tensor (global average pooling as TFLite emits it),
// with requantization when the output's quantization differs from the input's.
#pragma once

#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/portable/mean_s8.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::layers {

template <QuantParams OutQ, bool KeepDims = true>
struct mean {
    template <class In>
    struct bind : bound_layer_defaults {
        using s = typename In::shape;
        static_assert(Int8Tensor<In> && s::rank == 4 && s::dims[0] == 1,
                      "ctnn: mean reduces H and W of a 1xHxWxC int8 tensor");
        static_assert(valid_quantization<OutQ>);
        static constexpr kernels::mean_params params = [] {
            kernels::mean_params p;
            p.in_h = s::dims[1];
            p.in_w = s::dims[2];
            p.channels = s::dims[3];
            p.input_zero_point = In::quant::zero_point;
            p.output_zero_point = OutQ::zero_point;
            p.same_quantization = In::quant::zero_point == OutQ::zero_point && In::quant::scale == OutQ::scale;
            p.multiplier = quantize_multiplier(static_cast<double>(In::quant::scale) / static_cast<double>(OutQ::scale));
            return p;
        }();
        using output = tensor_type<std::conditional_t<KeepDims, shape<1, 1, 1, s::dims[3]>, shape<1, s::dims[3]>>, OutQ>;

        static void run(const std::int8_t* input, std::int8_t* out) { kernels::portable::mean_s8<params>(input, out); }
        static void run_reference(const std::int8_t* input, std::int8_t* out) { kernels::reference::mean_s8(kernels::reference::runtime_value(params), input, out); }
    };
};

}  // namespace ctnn::layers
