// Quantization parameters as types. A tensor's scale and zero point are static members of a
// named tag type (float template arguments are not portable to clang 14):
//
//   struct conv1_out { static constexpr float scale = 0.0787253976f;
//                      static constexpr std::int32_t zero_point = -128; };
//
// `ctnn::float32` marks the float tensors a model may have at its edges.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>

namespace ctnn {

struct float32 {};

template <class Q>
concept QuantParams = requires {
    { Q::scale } -> std::convertible_to<float>;
    { Q::zero_point } -> std::convertible_to<std::int32_t>;
};

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
template <class Q>
struct invalid_quantization {
    static constexpr bool ok = sizeof(quantization_scale_must_be_positive_and_finite<Q, valid_scale(Q::scale)>) &&
                               sizeof(int8_zero_point_out_of_range<Q, Q::zero_point, Q::zero_point >= -128 && Q::zero_point <= 127>);
};

}  // namespace diag

template <class Q>
inline constexpr bool valid_quantization = diag::invalid_quantization<Q>::ok;

}  // namespace ctnn
