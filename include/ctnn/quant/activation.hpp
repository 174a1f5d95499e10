// Fused activation functions and the int8 clamp range TFLite derives for each
// (CalculateActivationRangeQuantized: the real bound divided by the output scale in float,
// rounded half away from zero, plus the zero point, intersected with [-128, 127]).
#pragma once

#include <concepts>
#include <cstdint>
#include <type_traits>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn {

struct activation_range {
    std::int32_t min = -128;
    std::int32_t max = 127;
};

namespace detail {
constexpr std::int32_t quantize_bound(float real, float scale, std::int32_t zero_point) noexcept {
    return zero_point + round_half_away(real / scale);
}
// TFLite's Quantize() rejects a bound whose real / scale (in float) leaves int32; ctnn keeps a
// margin for the zero point, so zero_point + round(real / scale) is always an int32.
constexpr bool quantized_bound_fits(float real, float scale) noexcept {
    const float q = real / scale;
    return q > -2147483392.0f && q < 2147483392.0f;  // 2^31 - 256, exact in float
}
constexpr std::int32_t max_of(std::int32_t a, std::int32_t b) noexcept { return a > b ? a : b; }
constexpr std::int32_t min_of(std::int32_t a, std::int32_t b) noexcept { return a < b ? a : b; }
}  // namespace detail

namespace act {

struct none {
    static constexpr activation_range range(float, std::int32_t) noexcept { return {}; }
    static constexpr bool representable(float) noexcept { return true; }
};
struct relu {
    static constexpr bool representable(float scale) noexcept { return detail::quantized_bound_fits(0.0f, scale); }
    static constexpr activation_range range(float scale, std::int32_t zp) noexcept {
        return {detail::max_of(-128, detail::quantize_bound(0.0f, scale, zp)), 127};
    }
};
struct relu6 {
    static constexpr bool representable(float scale) noexcept { return detail::quantized_bound_fits(6.0f, scale); }
    static constexpr activation_range range(float scale, std::int32_t zp) noexcept {
        return {detail::max_of(-128, detail::quantize_bound(0.0f, scale, zp)),
                detail::min_of(127, detail::quantize_bound(6.0f, scale, zp))};
    }
};
struct relu_n1_to_1 {
    static constexpr bool representable(float scale) noexcept {
        return detail::quantized_bound_fits(-1.0f, scale) && detail::quantized_bound_fits(1.0f, scale);
    }
    static constexpr activation_range range(float scale, std::int32_t zp) noexcept {
        return {detail::max_of(-128, detail::quantize_bound(-1.0f, scale, zp)),
                detail::min_of(127, detail::quantize_bound(1.0f, scale, zp))};
    }
};

}  // namespace act

template <class A>
concept Activation = requires { { A::range(1.0f, 0) } -> std::same_as<activation_range>; };

// A's clamp range for an output of element type E (int8 as A::range; int16: the same bounds
// intersected with [-32768, 32767], as CalculateActivationRangeQuantized does for int16).
template <Activation A, class E>
constexpr activation_range activation_range_of(float scale, std::int32_t zero_point) noexcept {
    if constexpr (sizeof(E) == 1) {
        return A::range(scale, zero_point);
    } else {
        constexpr std::int32_t lo = -32768, hi = 32767;
        if constexpr (std::is_same_v<A, act::relu>) {
            return {detail::max_of(lo, detail::quantize_bound(0.0f, scale, zero_point)), hi};
        } else if constexpr (std::is_same_v<A, act::relu6>) {
            return {detail::max_of(lo, detail::quantize_bound(0.0f, scale, zero_point)),
                    detail::min_of(hi, detail::quantize_bound(6.0f, scale, zero_point))};
        } else if constexpr (std::is_same_v<A, act::relu_n1_to_1>) {
            return {detail::max_of(lo, detail::quantize_bound(-1.0f, scale, zero_point)),
                    detail::min_of(hi, detail::quantize_bound(1.0f, scale, zero_point))};
        } else {
            static_assert(std::is_same_v<A, act::none>, "ctnn: activation_range_of knows none, relu, relu6 and relu_n1_to_1");
            return {lo, hi};
        }
    }
}

// Whether A::range(scale, zero_point) is defined: the real bounds divided by the output scale
// fit in int32 (an activation without a `representable` check is assumed to be fine).
template <class A>
constexpr bool activation_range_representable(float scale) noexcept {
    if constexpr (requires { { A::representable(1.0f) } -> std::convertible_to<bool>; }) {
        return A::representable(scale);
    } else {
        return true;
    }
}

namespace diag {
template <class Act, class OutQ, bool Representable>
struct activation_bounds_overflow {
    static_assert(Representable, "ctnn: the fused activation's bounds divided by the output scale do not fit in int32 "
                                 "(the output scale is too small; TFLite rejects it too) (template arguments: the "
                                 "activation, the output quantization)");
};
}  // namespace diag

}  // namespace ctnn
