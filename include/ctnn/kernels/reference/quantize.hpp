// QUANTIZE float32 -> int8 or int16 and DEQUANTIZE int8, uint8 or int16 -> float32 at a model's edges, with TFLite's
// exact precision: the division by the scale in float, the dequantizing product in double.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::reference {

// std::round's result for the quotient, without a library call whose path depends on the value:
// truncate (one conversion instruction), then step away from zero when the dropped fraction is
// at least one half. Valid for |v| < 2^31, far beyond what saturates to int8 anyway.
inline std::int32_t round_to_int(float v) noexcept {
    const auto truncated = static_cast<std::int32_t>(v);
    const float fraction = v - static_cast<float>(truncated);  // exact
    return truncated + (fraction >= 0.5f ? 1 : 0) - (fraction <= -0.5f ? 1 : 0);
}

// Out: std::int8_t or std::int16_t (TFLite's AffineQuantize, clamped to Out's range).
template <class Out>
void quantize_f32(float scale, std::int32_t zero_point, const float* input, Out* output, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        float v = input[i] / scale;
        // Saturate before converting: out-of-range conversions are undefined in C++.
        v = v > 1.0e6f ? 1.0e6f : (v < -1.0e6f ? -1.0e6f : v);
        if constexpr (sizeof(Out) == 1) output[i] = saturate_to_int8(round_to_int(v) + zero_point);
        else output[i] = saturate_to_int16(round_to_int(v) + zero_point);
    }
}

// TFLite computes (float)((double)scale * (q - zp)). The double product is exact (24-bit
// mantissa times an integer of at most 17 bits), so narrowing it rounds the exact product once, to nearest;
// a float multiply rounds the same exact product the same way. The results are identical, and
// a Cortex-M4 (single-precision FPU) does it in one instruction instead of a soft-double call.
template <class Element>  // std::int8_t, std::uint8_t or std::int16_t
inline void dequantize_s8_f32(float scale, std::int32_t zero_point, const Element* input, float* output,
                              std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        output[i] = scale * static_cast<float>(std::int32_t{input[i]} - zero_point);
    }
}

}  // namespace ctnn::kernels::reference

// No faster set has these: they run once per inference at a model's edges.
namespace ctnn::kernels {
template <>
struct kernel<reference_set, op::quantize> : provided_kernel {
    // Q: the output's quantization tag (scale, zero_point).
    template <class Q, std::size_t Count, class Out>
    static void run(const float* input, Out* output) {
        reference::quantize_f32(Q::scale, Q::zero_point, input, output, Count);
    }
    template <class Q, std::size_t Count>
    static constexpr linked_constants constants() { return {}; }
};
template <>
struct kernel<reference_set, op::dequantize> : provided_kernel {
    // Q: the input's quantization tag.
    template <class Q, std::size_t Count, class Element>
    static void run(const Element* input, float* output) {
        reference::dequantize_s8_f32(Q::scale, Q::zero_point, input, output, Count);
    }
    template <class Q, std::size_t Count>
    static constexpr linked_constants constants() { return {}; }
};
}  // namespace ctnn::kernels
