// SOFTMAX int8 -> int8 over the last dimension, TFLite's fixed-point algorithm, any row length
// (kernels/reference/softmax_s8.hpp; the portable kernel reads the exps from a 1 KB table in
// layers of 256 elements or more). int16 -> int16 (16x8 mode) takes TFLM's int16 algorithm with
// its two 513-entry tables (kernels/reference/softmax_s16.hpp).
#pragma once

#include <concepts>
#include <cstdint>
#include <type_traits>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/softmax_s16.hpp"
#include "ctnn/kernels/portable/softmax_s8.hpp"
#include "ctnn/kernels/reference/softmax_s16.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
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
template <class OutputQuant, bool Ok>
struct softmax_int16_output {
    static_assert(Ok, "ctnn: an int16 softmax gives int16 with scale 1/32768 (within 0.1%) and zero point 0, as TFLite requires "
                      "(template argument: the output's quantization)");
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
    // int16 -> int16 (16x8 mode): TFLM's int16 algorithm and tables (kernels/reference/softmax_s16.hpp).
    template <class In>
    struct s16_bind {
        static_assert(sizeof(diag::softmax_int16_output<OutQ, std::is_same_v<quant_element_t<OutQ>, std::int16_t> &&
                                                                   kernels::softmax_s16_output_ok(OutQ::scale, OutQ::zero_point)>));
        static_assert(B::value > 0.0f, "ctnn: softmax beta must be positive");
        static_assert(sizeof(diag::softmax_beta_out_of_range<B, typename In::quant,
                                                             kernels::softmax_s16_beta_in_range(B::value, In::quant::scale)>));
        using output = tensor_type<typename In::shape, OutQ>;
        static constexpr int depth = In::shape::inner;
        static constexpr kernels::softmax_s16_params params =
            kernels::make_softmax_s16_params(static_cast<int>(In::size / depth), depth, B::value, In::quant::scale);

        using kernel = kernels::kernel_for<kernels::op::softmax_s16>;
        static constexpr layer_facts facts = unweighted_facts(softmax_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int16_t* input, std::int16_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int16_t* input, std::int16_t* out) {
            kernels::reference::softmax_s16(kernels::reference::runtime_value(params), kernels::softmax_s16_exp_lut,
                                            kernels::softmax_s16_reciprocal_lut, input, out);
        }
    };

    template <class In>
    struct s8_bind {
        static_assert(Int8Tensor<In>, "ctnn: softmax takes an int8 tensor (or int16, giving int16)");
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

    template <class In>
    struct bind : std::conditional_t<Int16Tensor<In>, s16_bind<In>, s8_bind<In>> {};
};

}  // namespace ctnn::layers
