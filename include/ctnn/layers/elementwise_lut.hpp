// One layer for every int8 -> int8 operator whose output depends on one input value only
// (RELU, RELU6, LEAKY_RELU, ELU, LOGISTIC, TANH, ABS, RSQRT: layers/activations.hpp names
// them). `F` is the operator: its Prepare (`make`), its rules and its reference kernel on one
// value (`apply`). The layer runs the reference kernel on all 256 inputs at compile time; the
// fast path is that table (kernels/portable/lut_s8.hpp), 256 bytes of flash; run_reference
// runs the operator's arithmetic on each element. Element-wise: in place when the input dies.
// int16 tensors (RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH: F::make_s16, F::apply_s16) compute
// every element (kernels/portable/unary_s16.hpp): no 65536-entry table. An operator may add
// F::output_ok_s16(s_out), F::scales_ok_s16(s_in, s_out) (its int16 rules, where they differ
// from int8) and F::table_s16 (a constant its arithmetic reads, linked shared).
//
//   struct F {
//       static constexpr bool output_ok(float s_out, std::int32_t zp_out);  // a fixed output quantization
//       static constexpr bool scales_ok(float s_in, float s_out);       // the derived multipliers' range
//       static constexpr P make(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out);
//       static constexpr std::int8_t apply(const P&, std::int8_t);
//   };
#pragma once

#include <cstdint>
#include <type_traits>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/lut_s8.hpp"
#include "ctnn/kernels/portable/unary_s16.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <class Operator, class OutputQuant, bool Ok>
struct elementwise_output_quantization_fixed {
    static_assert(Ok, "ctnn: this operator's int8 output quantization is fixed by TFLite: LOGISTIC scale 1/256 zero point -128, "
                      "TANH scale 1/128 zero point 0 (template arguments: the operator, the output's quantization)");
};
template <class Operator, class InputQuant, class OutputQuant, bool Ok>
struct elementwise_scales_out_of_range {
    static_assert(Ok, "ctnn: this operator's scales are out of range: every multiplier derived from them must be finite "
                      "with a left shift of at most 30 bits; LOGISTIC and TANH need an input scale in [2^-28, 2^35), ELU "
                      "an input scale / output scale below 2^22 (template arguments: the operator, the input's and the "
                      "output's quantization)");
};
template <class Operator, class OutputQuant, bool Ok>
struct elementwise_operator_int16 {
    static_assert(Ok, "ctnn: an int16 RELU, RELU6, LEAKY_RELU, LOGISTIC or TANH gives an int16 output (template arguments: "
                      "the operator, the output's quantization)");
};
template <class Operator, class OutputQuant, bool Ok>
struct elementwise_int16_output_quantization_fixed {
    static_assert(Ok, "ctnn: an int16 LOGISTIC or TANH needs the output scale 2^-15 (1/32768, within TFLite's CheckedLog2 "
                      "tolerance of 0.001 in log2) (template arguments: the operator, the output's quantization)");
};
template <class Operator, class InputQuant, bool Ok>
struct elementwise_int16_scales_out_of_range {
    static_assert(Ok, "ctnn: an int16 LOGISTIC or TANH needs an input multiplier trunc(s_in x 12288 x 2^k) of at most 32767 "
                      "(an input scale up to about 2.67) and above 0 (a scale above about 4e-14) (template arguments: the "
                      "operator, the input's quantization)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits elementwise_lut_traits = in_place_elementwise;

// An operator that also runs on int16 (16x8 mode) gives F::make_s16(s_in, s_out) and
// F::apply_s16(params, std::int16_t) (RELU, RELU6, LEAKY_RELU).
template <class F>
concept takes_int16 = requires { F::apply_s16(F::make_s16(1.0f, 1.0f), std::int16_t{0}); };

// The int16 rules of F: its own where it states them, else the int8 scale rule and any output.
template <class F>
constexpr bool s16_output_ok(float s_out) noexcept {
    if constexpr (requires { F::output_ok_s16(s_out); }) return F::output_ok_s16(s_out);
    else return true;
}
template <class F>
constexpr bool s16_scales_ok(float s_in, float s_out) noexcept {
    if constexpr (requires { F::scales_ok_s16(s_in, s_out); }) return F::scales_ok_s16(s_in, s_out);
    else return F::scales_ok(s_in, s_out);
}
template <class F>
inline constexpr bool s16_own_scale_rule = requires { F::scales_ok_s16(1.0f, 1.0f); };

template <class F, QuantParams OutQ>
struct elementwise_lut : layer {
    // int16 -> int16: each element computed (a table would have 65536 entries).
    template <class In>
    struct s16_bind {
        static_assert(sizeof(diag::elementwise_operator_int16<F, OutQ, Int16Tensor<In> && std::is_same_v<quant_element_t<OutQ>, std::int16_t>>));
        static_assert(valid_quantization<OutQ>);
        static_assert(sizeof(diag::elementwise_int16_output_quantization_fixed<F, OutQ, s16_output_ok<F>(OutQ::scale)>));
        static constexpr bool scales_ok = s16_scales_ok<F>(In::quant::scale, OutQ::scale);
        static_assert(sizeof(diag::elementwise_scales_out_of_range<F, typename In::quant, OutQ, s16_own_scale_rule<F> || scales_ok>));
        static_assert(sizeof(diag::elementwise_int16_scales_out_of_range<F, typename In::quant, !s16_own_scale_rule<F> || scales_ok>));
        using output = tensor_type<typename In::shape, OutQ>;
        static constexpr auto params = F::make_s16(In::quant::scale, OutQ::scale);

        using kernel = kernels::kernel_for<kernels::op::unary_s16>;
        static constexpr layer_facts facts = unweighted_facts(elementwise_lut_traits, 0);

        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<F, params>(); }
        template <kernel_options>
        static void run(const std::int16_t* input, std::int16_t* out, std::byte*) {
            kernel::template run<F, params>(input, out, static_cast<int>(In::size));
        }
        static void run_reference(const std::int16_t* input, std::int16_t* out) {
            const auto p = kernels::reference::runtime_value(params);
            for (std::size_t i = 0; i < In::size; ++i) out[i] = F::apply_s16(p, input[i]);
        }
    };

    template <class In>
    struct s8_bind {
        static_assert(Int8Tensor<In>, "ctnn: this element-wise operator takes an int8 tensor (int16 too: RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH)");
        static_assert(valid_quantization<OutQ>);
        static_assert(sizeof(diag::elementwise_output_quantization_fixed<F, OutQ, F::output_ok(OutQ::scale, OutQ::zero_point)>));
        static_assert(sizeof(diag::elementwise_scales_out_of_range<F, typename In::quant, OutQ,
                                                                   F::scales_ok(In::quant::scale, OutQ::scale)>));
        using output = tensor_type<typename In::shape, OutQ>;
        static constexpr auto params = F::make(In::quant::scale, In::quant::zero_point, OutQ::scale, OutQ::zero_point);
        // Entry i: the reference kernel's output for input i - 128.
        static constexpr kernels::lut_s8_table table = kernels::make_lut_s8([](std::int8_t x) { return F::apply(params, x); });

        using kernel = kernels::kernel_for<kernels::op::lut_s8>;
        static constexpr layer_facts facts = unweighted_facts(elementwise_lut_traits, sizeof(table));

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<table>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<table>(input, out, static_cast<int>(In::size));
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            const auto p = kernels::reference::runtime_value(params);
            for (std::size_t i = 0; i < In::size; ++i) out[i] = F::apply(p, input[i]);
        }
    };

    template <class In>
    struct bind : std::conditional_t<takes_int16<F> && Int16Tensor<In>, s16_bind<In>, s8_bind<In>> {};
};

}  // namespace layers
}  // namespace ctnn
