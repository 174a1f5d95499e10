// QUANTIZE from one quantized type to another (int8 -> int8, uint8 -> int8, int8 -> uint8, and
// the int16 and int32 pairs: int8 <-> int16, int8 <-> int32, int16 <-> int32, int16 -> int16):
// TFLite's Requantize. Prepare: QuantizeMultiplier((double)s_in / (double)s_out); each value:
// MultiplyByQuantizedMultiplier(q - zp_in) + zp_out, clamped to the output type. (TFLite's
// shortcut for equal scales and zero points 128 apart, q ^ 0x80, gives the same bytes: the
// multiplier is then exactly 1.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "ctnn/kernels/kernel_set.hpp"
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

// Every stored-type pair TFLM's QUANTIZE requantizes (In, Out: std::int8_t, std::uint8_t,
// std::int16_t or std::int32_t; int32 values carry a scale of their own).
template <class In, class Out, class A, class B>
inline constexpr bool is_type_pair = std::is_same_v<In, A> && std::is_same_v<Out, B>;
template <class In, class Out>
constexpr bool requantize_pair_supported() noexcept {
    using i8 = std::int8_t;
    using u8 = std::uint8_t;
    using i16 = std::int16_t;
    using i32 = std::int32_t;
    return is_type_pair<In, Out, i8, i8> || is_type_pair<In, Out, i8, u8> || is_type_pair<In, Out, u8, i8> ||
           is_type_pair<In, Out, i8, i16> || is_type_pair<In, Out, i8, i32> || is_type_pair<In, Out, i16, i8> ||
           is_type_pair<In, Out, i16, i16> || is_type_pair<In, Out, i16, i32> || is_type_pair<In, Out, i32, i8> ||
           is_type_pair<In, Out, i32, i16>;
}

// The stored range of a requantization's output type (int32's included).
template <class Out>
constexpr requantize_params make_requantize_params_for(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out) noexcept {
    return {zp_in, zp_out, quantize_multiplier(static_cast<double>(s_in) / static_cast<double>(s_out)),
            std::numeric_limits<Out>::min(), std::numeric_limits<Out>::max()};
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

// int32 arithmetic as TFLite's (int32 values and zero points may wrap it: two's complement, as
// TFLM's build does).
template <class Out, class In>
constexpr Out requantize(const requantize_params& p, In q) noexcept {
    const auto wrap = [](std::uint32_t v) { return static_cast<std::int32_t>(v); };
    const std::int32_t centred = wrap(static_cast<std::uint32_t>(std::int32_t{q}) - static_cast<std::uint32_t>(p.input_zero_point));
    const std::int32_t scaled = multiply_by_quantized_multiplier(centred, p.multiplier.multiplier, p.multiplier.shift);
    return static_cast<Out>(clamp(wrap(static_cast<std::uint32_t>(scaled) + static_cast<std::uint32_t>(p.output_zero_point)), p.output_min, p.output_max));
}

template <class In, class Out>
constexpr void requantize(const requantize_params& p, const In* input, Out* output, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i) output[i] = requantize<Out>(p, input[i]);
}

}  // namespace ctnn::kernels::reference

// The pairs without a 256-entry table (int16 or int32 on either side): per value, the
// parameters constant.
namespace ctnn::kernels {
template <>
struct kernel<reference_set, op::requantize> : provided_kernel {
    template <requantize_params P, std::size_t Count, class In, class Out>
    static void run(const In* input, Out* output) {
        for (std::size_t i = 0; i < Count; ++i) output[i] = reference::requantize<Out>(P, input[i]);
    }
    template <requantize_params P, std::size_t Count>
    static constexpr linked_constants constants() { return {}; }
};
}  // namespace ctnn::kernels
