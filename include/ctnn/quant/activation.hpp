// Fused activation functions and the int8 clamp range TFLite derives for each
// (CalculateActivationRangeQuantized: the real bound divided by the output scale in float,
// rounded half away from zero, plus the zero point, intersected with [-128, 127]).
#pragma once

#include <concepts>
#include <cstdint>

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
constexpr std::int32_t max_of(std::int32_t a, std::int32_t b) noexcept { return a > b ? a : b; }
constexpr std::int32_t min_of(std::int32_t a, std::int32_t b) noexcept { return a < b ? a : b; }
}  // namespace detail

namespace act {

struct none {
    static constexpr activation_range range(float, std::int32_t) noexcept { return {}; }
};
struct relu {
    static constexpr activation_range range(float scale, std::int32_t zp) noexcept {
        return {detail::max_of(-128, detail::quantize_bound(0.0f, scale, zp)), 127};
    }
};
struct relu6 {
    static constexpr activation_range range(float scale, std::int32_t zp) noexcept {
        return {detail::max_of(-128, detail::quantize_bound(0.0f, scale, zp)),
                detail::min_of(127, detail::quantize_bound(6.0f, scale, zp))};
    }
};
struct relu_n1_to_1 {
    static constexpr activation_range range(float scale, std::int32_t zp) noexcept {
        return {detail::max_of(-128, detail::quantize_bound(-1.0f, scale, zp)),
                detail::min_of(127, detail::quantize_bound(1.0f, scale, zp))};
    }
};

}  // namespace act

template <class A>
concept Activation = requires { { A::range(1.0f, 0) } -> std::same_as<activation_range>; };

}  // namespace ctnn
