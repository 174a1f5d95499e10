// HARD_SWISH int8 -> int8: x * relu6(x + 3) / 6 with TFLite's fixed-point arithmetic
// (kernels/reference/hard_swish_s8.hpp). The output depends on one input value only, so the
// layer runs the reference kernel on all 256 int8 values at compile time and the fast path is
// a table lookup (kernels/portable/lut_s8.hpp): 256 bytes of flash. Element-wise, so the
// output may be written over the input when the input dies here.
#pragma once

#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/lut_s8.hpp"
#include "ctnn/kernels/reference/hard_swish_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <class InputQuant, class OutputQuant, bool InRange>
struct hard_swish_output_scale_too_small {
    static_assert(InRange, "ctnn: hard_swish needs (input scale / 128) / output scale below 1, as TFLite's Prepare does "
                           "(template arguments: the input's and the output's quantization)");
};
template <class InputQuant, bool InRange>
struct hard_swish_input_scale_too_large {
    static_assert(InRange, "ctnn: hard_swish needs (input scale / 128) / (3 / 32768) below 2^30 (a left shift of at most "
                           "30 bits) (template argument: the input's quantization)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits hard_swish_traits = in_place_elementwise;

template <QuantParams OutQ>
struct hard_swish : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: hard_swish takes an int8 tensor");
        static_assert(valid_quantization<OutQ>);
        static_assert(sizeof(diag::hard_swish_output_scale_too_small<
                             typename In::quant, OutQ, kernels::hard_swish_output_multiplier_in_range(In::quant::scale, OutQ::scale)>));
        static_assert(sizeof(diag::hard_swish_input_scale_too_large<
                             typename In::quant, kernels::hard_swish_reluish_multiplier_in_range(In::quant::scale)>));
        using output = tensor_type<typename In::shape, OutQ>;
        static constexpr kernels::hard_swish_params params =
            kernels::make_hard_swish_params(In::quant::scale, In::quant::zero_point, OutQ::scale, OutQ::zero_point);
        // Entry i: the reference kernel's output for input i - 128.
        static constexpr kernels::lut_s8_table table =
            kernels::make_lut_s8([](std::int8_t x) { return kernels::reference::hard_swish_s8(params, x); });

        using kernel = kernels::kernel_for<kernels::op::lut_s8>;
        static constexpr layer_facts facts = unweighted_facts(hard_swish_traits, sizeof(table));

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<table>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<table>(input, out, static_cast<int>(In::size));
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::hard_swish_s8(kernels::reference::runtime_value(params), input, out, static_cast<int>(In::size));
        }
    };
};

}  // namespace layers
}  // namespace ctnn
