// Quantization parameters as types. A tensor's scale and zero point are static members of a
// named tag type (float template arguments are not portable to clang 14):
//
//   struct conv1_out { static constexpr float scale = 0.0787253976f;
//                      static constexpr std::int32_t zero_point = -128; };
//
// The values are int8 unless the tag names another quantized element type:
//
//   struct image_in { using element = std::uint8_t; static constexpr float scale = 1.0f / 255;
//                     static constexpr std::int32_t zero_point = 0; };
//
// int16 tensors are symmetric (zero point 0), as TFLite's 16x8 mode requires (the one exception,
// zero point -32768, is the int16 output of an int8 SOFTMAX, and what reads it):
//
//   struct audio_in { using element = std::int16_t; static constexpr float scale = 1.0f / 32768;
//                     static constexpr std::int32_t zero_point = 0; };
//
// `ctnn::float32` marks the float tensors a model may have at its edges; `ctnn::int32` and
// `ctnn::int64` raw, unquantized integers (ARG_MAX's indices, shape operands, int64 constants).
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace ctnn {

struct float32 {};
struct int32 {};
struct int64 {};

template <class Q>
concept QuantParams = requires {
    { Q::scale } -> std::convertible_to<float>;
    { Q::zero_point } -> std::convertible_to<std::int32_t>;
};

// What a quantized element type holds and which zero points it allows: one line per type
// (int16: 0, or -32768, the int8 SOFTMAX's int16 output; nothing in between). Any other type has
// min > max.
struct quantized_element_facts {
    std::int32_t min = 1, max = 0;
    std::int32_t zero_point_min = 1, zero_point_max = 0;
    const char* name = "";
};
template <class E>
inline constexpr quantized_element_facts quantized_element{};
template <>
inline constexpr quantized_element_facts quantized_element<std::int8_t>{-128, 127, -128, 127, "int8"};
template <>
inline constexpr quantized_element_facts quantized_element<std::uint8_t>{0, 255, 0, 255, "uint8"};
template <>
inline constexpr quantized_element_facts quantized_element<std::int16_t>{-32768, 32767, -32768, 0, "int16"};

// int16's zero points: symmetric, or TFLite's one offset form.
constexpr bool valid_int16_zero_point(std::int32_t zero_point) noexcept { return zero_point == 0 || zero_point == -32768; }

template <class E>
concept QuantizedElement = quantized_element<E>.min <= quantized_element<E>.max;

namespace detail {
template <class Q>
struct quant_element {
    using type = std::int8_t;
};
template <class Q>
    requires requires { typename Q::element; }
struct quant_element<Q> {
    using type = typename Q::element;
};
}  // namespace detail

// The stored type of a tensor quantized by tag Q: Q::element, int8 when the tag names none.
template <class Q>
using quant_element_t = typename detail::quant_element<Q>::type;

// A usable scale: positive and finite (denormals included; what they lead to is checked where
// a multiplier or a clamp is derived from them).
constexpr bool valid_scale(float scale) noexcept { return scale > 0.0f && scale <= std::numeric_limits<float>::max(); }

namespace diag {

// Each check is its own template so that the failing instantiation names the offending tag.
template <class Q, bool Valid>
struct quantization_scale_must_be_positive_and_finite {
    static_assert(Valid, "ctnn: quantization scale must be positive and finite (template argument: the quantization tag)");
};
template <class Q, std::int32_t ZeroPoint, bool InRange>
struct int8_zero_point_out_of_range {
    static_assert(InRange, "ctnn: int8 zero point must lie in [-128, 127] (template arguments: the quantization tag, "
                           "its zero point)");
};
template <class Q, std::int32_t ZeroPoint, std::int32_t Min, std::int32_t Max, bool InRange>
struct zero_point_out_of_range {
    static_assert(InRange, "ctnn: the zero point must lie in [min, max] of the tag's element type (template arguments: the "
                           "quantization tag, its zero point, min, max)");
};
template <class Q, class Element, bool Known>
struct quantized_element_must_be_int8_uint8_or_int16 {
    static_assert(Known, "ctnn: a quantization tag's element must be std::int8_t, std::uint8_t or std::int16_t (template arguments: the "
                         "quantization tag, its element type)");
};
template <class Q, class E = quant_element_t<Q>>
struct zero_point_check {
    static constexpr quantized_element_facts f = quantized_element<E>;
    static constexpr bool ok = sizeof(quantized_element_must_be_int8_uint8_or_int16<Q, E, QuantizedElement<E>>) &&
                               sizeof(zero_point_out_of_range<Q, Q::zero_point, f.zero_point_min, f.zero_point_max,
                                                              Q::zero_point >= f.zero_point_min && Q::zero_point <= f.zero_point_max>);
};
template <class Q, std::int32_t ZeroPoint, bool Valid>
struct int16_zero_point_must_be_0_or_minus_32768 {
    static_assert(Valid, "ctnn: an int16 zero point must be 0 (symmetric, TFLite's 16x8 rule) or -32768 (an int8 SOFTMAX's int16 "
                         "output) (template arguments: the quantization tag, its zero point)");
};
template <class Q>
struct zero_point_check<Q, std::int16_t> {
    static constexpr bool ok = sizeof(int16_zero_point_must_be_0_or_minus_32768<Q, Q::zero_point, valid_int16_zero_point(Q::zero_point)>);
};
template <class Q>
struct zero_point_check<Q, std::int8_t> {  // int8 keeps its own words
    static constexpr bool ok = sizeof(int8_zero_point_out_of_range<Q, Q::zero_point, Q::zero_point >= -128 && Q::zero_point <= 127>);
};
template <class Q>
struct invalid_quantization {
    static constexpr bool ok = sizeof(quantization_scale_must_be_positive_and_finite<Q, valid_scale(Q::scale)>) &&
                               zero_point_check<Q>::ok;
};

}  // namespace diag

template <class Q>
inline constexpr bool valid_quantization = diag::invalid_quantization<Q>::ok;

}  // namespace ctnn
