// QUANTIZE (float32 -> int8 or int16; requantization between int8, uint8, int16 and int32, the
// pairs TFLM runs) and DEQUANTIZE (int8, uint8 or int16 -> float32), for the float, uint8 and
// int32 tensors a model may have at its edges and the scale and type changes inside it. Between
// 8-bit types a requantization depends on one byte only: the layer runs the reference kernel on
// all 256 inputs into a constexpr table and the fast path is the table lookup
// (kernels/portable/lut_s8.hpp), 256 bytes of flash. The pairs with int16 or int32 run the
// multiplier per value (op::requantize).
//
// int32 tensors are raw in ctnn's types (ctnn::int32): the scale and zero point their values
// carry come as a quantization tag, quantize<OutQ, InScale> for an int32 input and
// quantize_to_int32<OutScale> for an int32 output.
#pragma once

#include <bit>
#include <cstdint>
#include <type_traits>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/lut_s8.hpp"
#include "ctnn/kernels/reference/quantize.hpp"
#include "ctnn/kernels/reference/requantize.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/plan/in_place_rows.hpp"

namespace ctnn {
namespace diag {
template <class InputQuant, class OutputQuant, bool Supported>
struct quantize_between_these_types_is_not_supported {
    static_assert(Supported, "ctnn: quantize converts float32 -> int8 or int16, or requantizes int8 -> int8, uint8, int16 or int32, "
                             "uint8 -> int8, int16 -> int8, int16 or int32, int32 -> int8 or int16, as TFLM does (template "
                             "arguments: the input's and the output's quantization)");
};
template <class Int32Tensor, bool Given>
struct quantize_int32_input_needs_its_scale {
    static_assert(Given, "ctnn: quantize from an int32 tensor needs the scale its values carry: quantize<OutQ, InScale> "
                         "(template argument: the input tensor)");
};
template <class InputQuant, class OutputQuant, bool InRange>
struct quantize_scale_ratio_out_of_range {
    static_assert(InRange, "ctnn: quantize: input scale / output scale must be below 2^30 (a left shift of at most 30 bits) "
                           "(template arguments: the input's and the output's quantization)");
};
}  // namespace diag

namespace layers {

// float in, int8 out (and back): the same bytes only in the smallest-RAM schedule (in_place_rows).
inline constexpr operator_traits quantize_traits = separate_output;
inline constexpr operator_traits dequantize_traits = separate_output;

namespace detail {
// float32 -> int8 or int16 (TFLite's AffineQuantize).
template <class In, class OutQ>
struct quantize_from_float {
    using out_element = quant_element_t<OutQ>;
    static_assert(sizeof(diag::quantize_between_these_types_is_not_supported<
                         typename In::quant, OutQ, std::is_same_v<out_element, std::int8_t> || std::is_same_v<out_element, std::int16_t>>));
    static_assert(valid_quantization<OutQ>);
    using output = tensor_type<typename In::shape, OutQ>;
    using kernel = kernels::kernel_for<kernels::op::quantize>;
    static constexpr layer_facts facts = unweighted_facts(quantize_traits, 0);

    // The constant objects its kernel links (kernels/linked_constants.hpp).
    template <kernel_options>
    static constexpr kernels::linked_constants constants() { return kernel::template constants<OutQ, In::size>(); }
    template <kernel_options>
    static void run(const float* input, out_element* out, std::byte*) {
        kernel::template run<OutQ, In::size>(input, out);
    }
    static void run_reference(const float* input, out_element* out) {
        kernels::reference::quantize_f32(OutQ::scale, OutQ::zero_point, input, out, In::size);
    }
    // The smallest-RAM schedule may write the output over the float input (the kernel goes
    // forward: kernels/reference/quantize.hpp); the reference run is the same arithmetic.
    static constexpr plan::row_band in_place_rows = plan::converting_in_place();
    static void run_over(const float* input, out_element* out) {
        kernels::reference::quantize_f32_over(OutQ::scale, OutQ::zero_point, input, out, In::size);
    }
};

// A pair with int16 or int32 on a side (TFLite's Requantize), per value: In's values carry
// InQ's scale and zero point, the output's OutScaleQ's; the output tensor is quantized by OutQ
// (OutScaleQ itself, or ctnn::int32 for an int32 output).
template <class In, class InQ, class OutScaleQ, class OutQ>
struct requantize_per_value {
    using in_element = typename In::element;
    using output = tensor_type<typename In::shape, OutQ>;
    using out_element = typename output::element;
    static_assert(sizeof(diag::quantize_between_these_types_is_not_supported<
                         typename In::quant, OutQ, kernels::requantize_pair_supported<in_element, out_element>()>));
    static_assert(QuantParams<InQ> && QuantParams<OutScaleQ> && valid_scale(InQ::scale) && valid_scale(OutScaleQ::scale),
                  "ctnn: quantize: both sides' scales must be positive and finite");
    static constexpr bool valid_output = [] {
        if constexpr (std::is_same_v<OutQ, int32>) return true;
        else return valid_quantization<OutQ>;
    }();
    static_assert(valid_output);
    static_assert(sizeof(diag::quantize_scale_ratio_out_of_range<
                         InQ, OutScaleQ, multiplier_in_range(static_cast<double>(InQ::scale) / static_cast<double>(OutScaleQ::scale))>));
    static constexpr kernels::requantize_params params = kernels::make_requantize_params_for<out_element>(
        InQ::scale, InQ::zero_point, OutScaleQ::scale, OutScaleQ::zero_point);
    using kernel = kernels::kernel_for<kernels::op::requantize>;
    static constexpr layer_facts facts = unweighted_facts(quantize_traits, 0);

    template <kernel_options>
    static constexpr kernels::linked_constants constants() { return kernel::template constants<params, In::size>(); }
    template <kernel_options>
    static void run(const in_element* input, out_element* out, std::byte*) {
        kernel::template run<params, In::size>(input, out);
    }
    static void run_reference(const in_element* input, out_element* out) {
        kernels::reference::requantize(kernels::reference::runtime_value(params), input, out, In::size);
    }
};

// Between 8-bit quantized types (TFLite's Requantize), through a table of all 256 inputs.
template <class In, class OutQ>
struct requantize {
    using in_element = typename In::element;
    using out_element = quant_element_t<OutQ>;
    static_assert(sizeof(diag::quantize_between_these_types_is_not_supported<
                         typename In::quant, OutQ,
                         QuantizedElement<out_element> && kernels::requantize_supported(quantized_element<in_element>, quantized_element<out_element>)>));
    static_assert(valid_quantization<OutQ>);
    static_assert(sizeof(diag::quantize_scale_ratio_out_of_range<
                         typename In::quant, OutQ, multiplier_in_range(static_cast<double>(In::quant::scale) / static_cast<double>(OutQ::scale))>));
    using output = tensor_type<typename In::shape, OutQ>;
    static constexpr kernels::requantize_params params = kernels::make_requantize_params(
        In::quant::scale, In::quant::zero_point, OutQ::scale, OutQ::zero_point, quantized_element<out_element>);
    // Entry i: the output byte for the input byte of int8 value i - 128 (the table kernel reads
    // bytes as int8; a uint8 value b is the int8 value of the same byte).
    static constexpr kernels::lut_s8_table table = kernels::make_lut_s8([](std::int8_t byte) {
        const auto q = std::bit_cast<in_element>(byte);
        return std::bit_cast<std::int8_t>(kernels::reference::requantize<out_element>(params, q));
    });
    using kernel = kernels::kernel_for<kernels::op::lut_s8>;
    static constexpr layer_facts facts = unweighted_facts(quantize_traits, sizeof(table));

    template <kernel_options>
    static constexpr kernels::linked_constants constants() { return kernel::template constants<table>(); }
    template <kernel_options>
    static void run(const in_element* input, out_element* out, std::byte*) {
        // Char types: viewing the bytes as int8 is allowed.
        kernel::template run<table>(reinterpret_cast<const std::int8_t*>(input), reinterpret_cast<std::int8_t*>(out), static_cast<int>(In::size));
    }
    static void run_reference(const in_element* input, out_element* out) {
        kernels::reference::requantize(kernels::reference::runtime_value(params), input, out, In::size);
    }
};

// What QUANTIZE<OutQ, InScale> binds to for input In: from float, the 256-entry table between
// 8-bit types, or the per-value multiplier (an int32 input's values at InScale).
template <class In>
inline constexpr bool eight_bit_tensor = Int8Tensor<In> || Uint8Tensor<In>;
template <class Q>
inline constexpr bool eight_bit_quant = std::is_same_v<quant_element_t<Q>, std::int8_t> || std::is_same_v<quant_element_t<Q>, std::uint8_t>;

template <class In, class OutQ, class InScale>
struct quantize_of {
    static_assert(sizeof(diag::quantize_int32_input_needs_its_scale<In, !std::is_same_v<typename In::quant, int32> || QuantParams<InScale>>));
    using type = requantize_per_value<In, InScale, OutQ, OutQ>;
};
template <class In, class OutQ, class InScale>
    requires In::is_float
struct quantize_of<In, OutQ, InScale> {
    using type = quantize_from_float<In, OutQ>;
};
template <class In, class OutQ, class InScale>
    requires(In::is_quantized && !(eight_bit_tensor<In> && eight_bit_quant<OutQ>))
struct quantize_of<In, OutQ, InScale> {
    using type = requantize_per_value<In, typename In::quant, OutQ, OutQ>;
};
template <class In, class OutQ, class InScale>
    requires(eight_bit_tensor<In> && eight_bit_quant<OutQ>)
struct quantize_of<In, OutQ, InScale> {
    using type = requantize<In, OutQ>;
};
}  // namespace detail

// InScale: for an int32 input only, the scale and zero point its values carry.
template <QuantParams OutQ, class InScale = void>
struct quantize : layer {
    template <class In>
    struct bind : detail::quantize_of<In, OutQ, InScale>::type {};
};

// A quantized tensor requantized to int32 values at OutScale (the output tensor is ctnn::int32).
template <QuantParams OutScale>
struct quantize_to_int32 : layer {
    template <class In>
    struct bind : detail::requantize_per_value<In, typename In::quant, OutScale, int32> {};
};

struct dequantize : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In> || Uint8Tensor<In> || Int16Tensor<In>, "ctnn: dequantize takes an int8, uint8 or int16 tensor");
        using element = typename In::element;
        using output = tensor_type<typename In::shape, float32>;
        using kernel = kernels::kernel_for<kernels::op::dequantize>;
        static constexpr layer_facts facts = unweighted_facts(dequantize_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<typename In::quant, In::size>(); }
        template <kernel_options>
        static void run(const element* input, float* out, std::byte*) {
            kernel::template run<typename In::quant, In::size>(input, out);
        }
        static void run_reference(const element* input, float* out) {
            kernels::reference::dequantize_s8_f32(In::quant::scale, In::quant::zero_point, input, out, In::size);
        }
        // The smallest-RAM schedule may write the float output over its input, from its first
        // byte on (the kernel goes backward).
        static constexpr plan::row_band in_place_rows = plan::converting_in_place();
        static void run_over(const element* input, float* out) {
            kernels::reference::dequantize_over(In::quant::scale, In::quant::zero_point, input, out, In::size);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
