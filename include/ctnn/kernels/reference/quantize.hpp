// QUANTIZE float32 -> int8 or int16 and DEQUANTIZE int8, uint8 or int16 -> float32 at a model's edges, with TFLite's
// exact precision: the division by the scale in float, the dequantizing product in double.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

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

// One value of TFLite's AffineQuantize, clamped to Out's range (std::int8_t or std::int16_t).
template <class Out>
inline Out quantize_value(float scale, std::int32_t zero_point, float x) noexcept {
    float v = x / scale;
    // Saturate before converting: out-of-range conversions are undefined in C++.
    v = v > 1.0e6f ? 1.0e6f : (v < -1.0e6f ? -1.0e6f : v);
    if constexpr (sizeof(Out) == 1) return saturate_to_int8(round_to_int(v) + zero_point);
    else return saturate_to_int16(round_to_int(v) + zero_point);
}

template <class Out>
void quantize_f32(float scale, std::int32_t zero_point, const float* input, Out* output, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) output[i] = quantize_value<Out>(scale, zero_point, input[i]);
}

// TFLite computes (float)((double)scale * (q - zp)). The double product is exact (24-bit
// mantissa times an integer of at most 17 bits), so narrowing it rounds the exact product once, to nearest;
// a float multiply rounds the same exact product the same way. The results are identical, and
// a Cortex-M4 (single-precision FPU) does it in one instruction instead of a soft-double call.
template <class Element>  // std::int8_t, std::uint8_t or std::int16_t
inline float dequantize_value(float scale, std::int32_t zero_point, Element q) noexcept {
    return scale * static_cast<float>(std::int32_t{q} - zero_point);
}

template <class Element>
inline void dequantize_s8_f32(float scale, std::int32_t zero_point, const Element* input, float* output,
                              std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) output[i] = dequantize_value(scale, zero_point, input[i]);
}

// The same conversions where the output may start at the input's first byte (the smallest-RAM
// schedule runs them over their input: plan/in_place_rows.hpp). Quantizing shrinks each element,
// so going forward the bytes of output i cover only input elements up to i; dequantizing grows
// them, so going backward output i covers only input elements from i on. Every element is read
// before any byte over it is written. Byte copies: the compiler must keep that order (the two
// pointers may be the same bytes), and the input and output may also be apart.
template <class Out>
void quantize_f32_over(float scale, std::int32_t zero_point, const float* input, Out* output, std::size_t count) {
    const auto* from = reinterpret_cast<const std::byte*>(input);
    auto* to = reinterpret_cast<std::byte*>(output);
    for (std::size_t i = 0; i < count; ++i) {
        float x;
        std::memcpy(&x, from + i * sizeof(float), sizeof(float));
        const Out q = quantize_value<Out>(scale, zero_point, x);
        std::memcpy(to + i * sizeof(Out), &q, sizeof(Out));
    }
}

template <class Element>
void dequantize_over(float scale, std::int32_t zero_point, const Element* input, float* output, std::size_t count) {
    const auto* from = reinterpret_cast<const std::byte*>(input);
    auto* to = reinterpret_cast<std::byte*>(output);
    for (std::size_t i = count; i-- > 0;) {
        Element q;
        std::memcpy(&q, from + i * sizeof(Element), sizeof(Element));
        const float x = dequantize_value(scale, zero_point, q);
        std::memcpy(to + i * sizeof(float), &x, sizeof(float));
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
