// The int16 clamp of a fused activation: TFLite's CalculateActivationRangeQuantized for an int16
// output (zero point 0), the real bounds over the scale rounded as for int8 (quant/activation.hpp),
// intersected with [-32768, 32767] instead of int8's range.
#pragma once

#include <cstdint>
#include <type_traits>

#include "ctnn/quant/activation.hpp"

namespace ctnn {

template <Activation Act>
constexpr activation_range int16_activation_range(float scale) noexcept {
    constexpr std::int32_t lo = -32768, hi = 32767;
    if constexpr (std::is_same_v<Act, act::relu>) {
        return {detail::max_of(lo, detail::quantize_bound(0.0f, scale, 0)), hi};
    } else if constexpr (std::is_same_v<Act, act::relu6>) {
        return {detail::max_of(lo, detail::quantize_bound(0.0f, scale, 0)), detail::min_of(hi, detail::quantize_bound(6.0f, scale, 0))};
    } else if constexpr (std::is_same_v<Act, act::relu_n1_to_1>) {
        return {detail::max_of(lo, detail::quantize_bound(-1.0f, scale, 0)), detail::min_of(hi, detail::quantize_bound(1.0f, scale, 0))};
    } else {
        static_assert(std::is_same_v<Act, act::none>, "ctnn: an int16 layer takes act::none, relu, relu6 or relu_n1_to_1");
        return {lo, hi};
    }
}

}  // namespace ctnn
