// What the graph knows about a tensor: its shape, its quantization (or float32) and so its
// element type and size in bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/quant/qparams.hpp"

namespace ctnn {

template <Shape S, class Q>
struct tensor_type {
    static_assert(std::is_same_v<Q, float32> || QuantParams<Q>,
                  "ctnn: a tensor's quantization must be ctnn::float32 or a type with "
                  "static constexpr float scale and std::int32_t zero_point");
    using shape = S;
    using quant = Q;
    static constexpr bool is_float = std::is_same_v<Q, float32>;
    using element = std::conditional_t<is_float, float, std::int8_t>;
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
concept Int8Tensor = !T::is_float;

}  // namespace ctnn
