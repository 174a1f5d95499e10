// QUANTIZE from one quantized type to another (int8 -> int8, uint8 -> int8, int8 -> uint8):
// TFLite's Requantize. Prepare: QuantizeMultiplier((double)s_in / (double)s_out); each value:
// MultiplyByQuantizedMultiplier(q - zp_in) + zp_out, clamped to the output type. (TFLite's
// shortcut for equal scales and zero points 128 apart, q ^ 0x80, gives the same bytes: the
// multiplier is then exactly 1.)
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/qparams.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

struct requantize_params {
    std::int32_t input_zero_point = 0, output_zero_point = 0;
    quantized_multiplier multiplier;
    std::int32_t output_min = -128, output_max = 127;  // the output type's range

    friend constexpr bool operator==(const requantize_params&, const requantize_params&) = default;
};

constexpr requantize_params make_requantize_params(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out,
                                                   quantized_element_facts output) noexcept {
    return {zp_in, zp_out, quantize_multiplier(static_cast<double>(s_in) / static_cast<double>(s_out)), output.min, output.max};
}

// The pairs TFLM's QUANTIZE runs between 8-bit types (micro/kernels/quantize_common.cc).
constexpr bool requantize_supported(quantized_element_facts in, quantized_element_facts out) noexcept {
    const auto eight_bit = [](quantized_element_facts f) { return f.max - f.min == 255; };
    return eight_bit(in) && eight_bit(out) && (in.min < 0 || out.min < 0);  // int8 or uint8, not uint8 -> uint8
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

template <class Out, class In>
constexpr Out requantize(const requantize_params& p, In q) noexcept {
    const std::int32_t scaled = multiply_by_quantized_multiplier(std::int32_t{q} - p.input_zero_point, p.multiplier.multiplier, p.multiplier.shift);
    return static_cast<Out>(clamp(scaled + p.output_zero_point, p.output_min, p.output_max));
}

template <class In, class Out>
constexpr void requantize(const requantize_params& p, const In* input, Out* output, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i) output[i] = requantize<Out>(p, input[i]);
}

}  // namespace ctnn::kernels::reference
