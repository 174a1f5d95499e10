// LOG_SOFTMAX int8 -> int8 over the last dimension, TFLite's fixed-point algorithm
// (kernels/reference/log_softmax_s8.hpp; the portable kernel, kernels/portable/log_softmax_s8.hpp,
// reads its exps from SOFTMAX's 1 KB table in layers of 256 elements or more). In place: a
// row's statistics are taken before any output of it is written.
#pragma once

#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/log_softmax_s8.hpp"
#include "ctnn/kernels/reference/log_softmax_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <class InputQuant, bool InRange>
struct log_softmax_input_scale_too_small {
    static_assert(InRange, "ctnn: log_softmax needs input scale x 2^26 greater than 1 (TFLite's input multiplier must "
                           "exceed one) (template argument: the input's quantization)");
};
}  // namespace diag
}  // namespace ctnn

namespace ctnn::layers {

inline constexpr operator_traits log_softmax_traits = in_place_elementwise;

template <QuantParams OutQ>
struct log_softmax : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: log_softmax takes an int8 tensor");
        static_assert(kernels::log_softmax_output_quantization_ok(OutQ::scale, OutQ::zero_point),
                      "ctnn: log_softmax int8 output must have scale 16/256 and zero point 127 (as TFLite requires)");
        static_assert(sizeof(diag::log_softmax_input_scale_too_small<typename In::quant,
                                                                     kernels::log_softmax_input_scale_in_range(In::quant::scale)>));
        using output = tensor_type<typename In::shape, OutQ>;
        static constexpr int depth = In::shape::inner;
        static constexpr kernels::log_softmax_params params =
            kernels::make_log_softmax_params(static_cast<int>(In::size / depth), depth, In::quant::scale);

        using kernel = kernels::kernel_for<kernels::op::log_softmax>;
        static constexpr layer_facts facts = unweighted_facts(log_softmax_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) { kernel::run<params>(input, out); }
        static void run_reference(const std::int8_t* input, std::int8_t* out) { kernels::reference::log_softmax_s8(params, input, out); }
    };
};

}  // namespace ctnn::layers
