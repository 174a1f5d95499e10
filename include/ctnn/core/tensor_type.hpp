// What the graph knows about a tensor: its shape, its quantization (or float32, or raw int32/int64)
// and so its element type and size in bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/quant/qparams.hpp"

namespace ctnn {

template <Shape S, class Q>
struct tensor_type {
    static_assert(std::is_same_v<Q, float32> || std::is_same_v<Q, int32> || std::is_same_v<Q, int64> || QuantParams<Q>,
                  "ctnn: a tensor's quantization must be ctnn::float32, ctnn::int32, ctnn::int64 or a type with "
                  "static constexpr float scale and std::int32_t zero_point");
    using shape = S;
    using quant = Q;
    static constexpr bool is_float = std::is_same_v<Q, float32>;
    static constexpr bool is_quantized = QuantParams<Q>;
    static_assert(!is_quantized || QuantizedElement<quant_element_t<Q>>,
                  "ctnn: a quantization tag's element must be std::int8_t, std::uint8_t or std::int16_t (or none: int8)");
    // float, std::int32_t, std::int64_t, or the quantized type the tag names (int8 by default).
    using element = std::conditional_t<
        is_float, float,
        std::conditional_t<is_quantized, quant_element_t<Q>, std::conditional_t<std::is_same_v<Q, int64>, std::int64_t, std::int32_t>>>;
    static constexpr std::size_t size = S::size;
    static constexpr std::size_t bytes = S::size * sizeof(element);
    static_assert(bytes <= max_tensor_bytes, "ctnn: a tensor may have at most 2^31 - 1 bytes");
};

namespace detail {
template <class T>
inline constexpr bool is_tensor_type = false;
template <class S, class Q>
inline constexpr bool is_tensor_type<tensor_type<S, Q>> = true;
}  // namespace detail

template <class T>
concept TensorType = detail::is_tensor_type<T>;

template <class T>
concept QuantizedTensor = T::is_quantized;
template <class T>
concept Int8Tensor = T::is_quantized && std::is_same_v<typename T::element, std::int8_t>;
template <class T>
concept Uint8Tensor = T::is_quantized && std::is_same_v<typename T::element, std::uint8_t>;
// int16 as TFLite's 16x8 mode has it: symmetric. Every int16 layer takes these.
template <class T>
concept Int16Tensor = T::is_quantized && std::is_same_v<typename T::element, std::int16_t> && T::quant::zero_point == 0;
// The one asymmetric int16 form: an int8 SOFTMAX's int16 output (zero point -32768).
template <class T>
concept Int16OffsetTensor = T::is_quantized && std::is_same_v<typename T::element, std::int16_t> && T::quant::zero_point == -32768;

// The element's name in messages and reports: "int8", "uint8", "int16", "int32", "int64", "float32".
template <class E>
constexpr const char* element_name() noexcept {
    if constexpr (std::is_same_v<E, float>) return "float32";
    else if constexpr (std::is_same_v<E, std::int32_t>) return "int32";
    else if constexpr (std::is_same_v<E, std::int64_t>) return "int64";
    else return quantized_element<E>.name;
}

}  // namespace ctnn
