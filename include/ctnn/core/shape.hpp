// Tensor shapes as types: the dimensions are template arguments, so every size the model
// needs is a compile-time constant and a mismatch is a type error that names both shapes.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace ctnn {

// The largest tensor, in bytes (and so in int8 elements): the kernels index and count with int,
// and a 32-bit target could not address more anyway. The converter checks every tensor with it.
inline constexpr std::size_t max_tensor_bytes = 2147483647;

template <int... Dims>
struct shape {
    static_assert(sizeof...(Dims) >= 1, "ctnn: a shape needs at least one dimension");
    static_assert(((Dims > 0) && ...), "ctnn: every dimension of a shape must be positive");

    static constexpr int rank = sizeof...(Dims);
    static constexpr std::array<int, sizeof...(Dims)> dims{Dims...};
    static constexpr std::size_t size = (std::size_t{1} * ... * static_cast<std::size_t>(Dims));
    static_assert(size <= max_tensor_bytes, "ctnn: a shape may have at most 2^31 - 1 elements");

    // The last dimension: channels for NHWC, features for [batch, features].
    static constexpr int inner = dims[sizeof...(Dims) - 1];
};

namespace detail {
template <class T>
struct is_shape_impl : std::false_type {};
template <int... D>
struct is_shape_impl<shape<D...>> : std::true_type {};

template <class Shape, std::size_t... I>
auto shape_from_dims(std::index_sequence<I...>) -> shape<Shape::value[I]...>;
}  // namespace detail

template <class T>
concept Shape = detail::is_shape_impl<T>::value;

// Build a shape type from a constexpr std::array of dimensions (layers compute their output
// dimensions with ordinary constexpr code and turn them into a type once, here).
template <auto Dims>
struct dims_holder {
    static constexpr auto value = Dims;
};
template <auto Dims>
using shape_from = decltype(detail::shape_from_dims<dims_holder<Dims>>(std::make_index_sequence<Dims.size()>{}));

}  // namespace ctnn
