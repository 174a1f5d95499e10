// SOFTMAX int8 -> int8 over the last dimension, TFLite's fixed-point algorithm, any row length
// (kernels/reference/softmax_s8.hpp; the portable kernel reads the exps from a 1 KB table in
// layers of 256 elements or more).
#pragma once

#include <concepts>
#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/softmax_s8.hpp"
#include "ctnn/kernels/reference/softmax_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/kernels/softmax_params.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <class Beta, class InputQuant, bool InRange>
struct softmax_beta_out_of_range {
    static_assert(InRange, "ctnn: softmax beta x input scale must exceed 2^-26 (TFLite's input multiplier must be "
                           "greater than one) and beta must be finite (template arguments: beta, the input's quantization)");
};
}  // namespace diag
}  // namespace ctnn

namespace ctnn::layers {

struct beta_one {
    static constexpr float value = 1.0f;
};

// SOFTMAX's beta, as a tag type like the quantization tags: `static constexpr float value`
// (positive and finite: checked where the layer is bound).
template <class B>
concept Beta = requires {
    { B::value } -> std::convertible_to<float>;
};

inline constexpr operator_traits softmax_traits = in_place_elementwise;

template <QuantParams OutQ, Beta B = beta_one>
struct softmax : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: softmax takes an int8 tensor");
        static_assert(OutQ::scale == 1.0f / 256.0f && OutQ::zero_point == -128,
                      "ctnn: softmax int8 output must have scale 1/256 and zero point -128 (as TFLite requires)");
        static_assert(B::value > 0.0f, "ctnn: softmax beta must be positive");
        static_assert(sizeof(diag::softmax_beta_out_of_range<B, typename In::quant,
                                                             kernels::softmax_beta_in_range(B::value, In::quant::scale)>));
        using output = tensor_type<typename In::shape, OutQ>;
        static constexpr int depth = In::shape::inner;
        static constexpr kernels::softmax_params params = kernels::make_softmax_params(
            static_cast<int>(In::size / depth), depth, B::value, In::quant::scale);

        using kernel = kernels::kernel_for<kernels::op::softmax>;
        // In place: statistics of a row are taken before any output of it is written.
        static constexpr layer_facts facts = unweighted_facts(softmax_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) { kernels::reference::softmax_s8(params, input, out); }
    };
};

}  // namespace ctnn::layers
