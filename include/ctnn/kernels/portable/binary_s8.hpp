// Portable element-wise binary operators with broadcasting, int8, specialised at compile time;
// bit-exact with reference::binary_element / broadcast_binary_s8.
//
//   template <auto P, broadcast_geometry G> void binary_s8(const std::int8_t* a, const std::int8_t* b, std::int8_t* out);
//
// One driver (broadcast_s8) walks the geometry's loop nest: a straight loop when both inputs
// have the output's shape, one value held for a scalar operand, a row re-read for a per-channel
// operand, and merged loops with constant strides otherwise; the element function (element<P>)
// is the operator, on constants. ADD, SUB and SQUARED_DIFFERENCE look each input's rescaled
// value up in a 256-entry table (as portable ADD does: kernels/portable/add_s8.hpp); MUL, PRELU,
// MAXIMUM and MINIMUM compute. out may be a (in place) when a has the output's shape: every
// element of a is read before its own output is written.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/core/broadcast.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/add_s8.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/reference/binary_s8.hpp"

namespace ctnn::kernels::portable {
namespace detail {

template <sub_params P>
inline constexpr auto sub_table1 = rescale_table(P.input1_zero_point, P.left_shift, P.input1);
template <sub_params P>
inline constexpr auto sub_table2 = rescale_table(P.input2_zero_point, P.left_shift, P.input2);
template <squared_difference_params P>
inline constexpr auto squared_difference_table1 = rescale_table(P.input1_zero_point, P.left_shift, P.input1);
template <squared_difference_params P>
inline constexpr auto squared_difference_table2 = rescale_table(P.input2_zero_point, P.left_shift, P.input2);

constexpr std::size_t at(std::int8_t x) noexcept { return static_cast<std::uint8_t>(x + 128); }

}  // namespace detail

// ---- the element functions on compile-time parameters, and the tables each links ----------

template <add_params P>
inline std::int8_t element(std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t sum = detail::add_table1<P>[detail::at(x)] + detail::add_table2<P>[detail::at(y)];
    return detail::requantize(sum, P.output, P.output_zero_point, P.act_min, P.act_max);
}
template <sub_params P>
inline std::int8_t element(std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t difference = detail::sub_table1<P>[detail::at(x)] - detail::sub_table2<P>[detail::at(y)];
    return detail::requantize(difference, P.output, P.output_zero_point, P.act_min, P.act_max);
}
template <squared_difference_params P>
inline std::int8_t element(std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t d = detail::squared_difference_table1<P>[detail::at(x)] - detail::squared_difference_table2<P>[detail::at(y)];
    return detail::requantize(d * d, P.output, P.output_zero_point, -128, 127);
}
template <mul_params P>
inline std::int8_t element(std::int8_t x, std::int8_t y) noexcept {
    const std::int32_t product = (std::int32_t{x} - P.input1_zero_point) * (std::int32_t{y} - P.input2_zero_point);
    return detail::requantize(product, P.output, P.output_zero_point, P.act_min, P.act_max);
}
template <prelu_params P>
inline std::int8_t element(std::int8_t x, std::int8_t alpha) noexcept {
    const std::int32_t v = std::int32_t{x} - P.input_zero_point;
    if (v >= 0) return detail::requantize(v, P.identity, P.output_zero_point, -128, 127);
    return detail::requantize(v * (std::int32_t{alpha} - P.alpha_zero_point), P.alpha, P.output_zero_point, -128, 127);
}
template <maximum_params P>
inline std::int8_t element(std::int8_t x, std::int8_t y) noexcept { return x > y ? x : y; }
template <minimum_params P>
inline std::int8_t element(std::int8_t x, std::int8_t y) noexcept { return x < y ? x : y; }

template <add_params P>
constexpr linked_constants element_constants() noexcept { return linked_constants::of(detail::add_table1<P>, detail::add_table2<P>); }
template <sub_params P>
constexpr linked_constants element_constants() noexcept { return linked_constants::of(detail::sub_table1<P>, detail::sub_table2<P>); }
template <squared_difference_params P>
constexpr linked_constants element_constants() noexcept {
    return linked_constants::of(detail::squared_difference_table1<P>, detail::squared_difference_table2<P>);
}
template <auto P>
    requires(!requires { P.left_shift; })  // MUL, PRELU, MAXIMUM, MINIMUM: no tables
constexpr linked_constants element_constants() noexcept { return {}; }

// ---- the broadcast driver ------------------------------------------------------------------

namespace detail {
// Loop L of the geometry's nest and every loop inside it; the innermost is a straight run.
template <broadcast_geometry G, int L, class T, class F>
inline void broadcast_loops(const T* a, const T* b, T* out, F f) {
    constexpr int extent = G.extent[L], s1 = G.loop_stride1[L], s2 = G.loop_stride2[L];
    if constexpr (L + 1 == G.loops) {
        for (int i = 0; i < extent; ++i) out[i] = f(a[i * s1], b[i * s2]);
    } else {
        constexpr int inner = [] {
            int n = 1;
            for (int k = L + 1; k < G.loops; ++k) n *= G.extent[static_cast<std::size_t>(k)];
            return n;
        }();
        for (int i = 0; i < extent; ++i) broadcast_loops<G, L + 1>(a + i * s1, b + i * s2, out + i * inner, f);
    }
}
}  // namespace detail

// T: the element type (int8; int16 for kernels/portable/binary_s16.hpp).
template <broadcast_geometry G, class T, class F>
inline void broadcast_s8(const T* a, const T* b, T* out, F f) {
    if constexpr (G.kind == broadcast_kind::same) {
        for (int i = 0; i < G.size; ++i) out[i] = f(a[i], b[i]);
    } else if constexpr (G.kind == broadcast_kind::scalar1) {
        const T x = a[0];
        for (int i = 0; i < G.size; ++i) out[i] = f(x, b[i]);
    } else if constexpr (G.kind == broadcast_kind::scalar2) {
        const T y = b[0];
        for (int i = 0; i < G.size; ++i) out[i] = f(a[i], y);
    } else if constexpr (G.kind == broadcast_kind::row1) {
        for (int o = 0; o < G.size; o += G.row)
            for (int i = 0; i < G.row; ++i) out[o + i] = f(a[i], b[o + i]);
    } else if constexpr (G.kind == broadcast_kind::row2) {
        for (int o = 0; o < G.size; o += G.row)
            for (int i = 0; i < G.row; ++i) out[o + i] = f(a[o + i], b[i]);
    } else {
        detail::broadcast_loops<G, 0>(a, b, out, f);
    }
}

template <auto P, broadcast_geometry G>
void binary_s8(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) {
    broadcast_s8<G>(a, b, out, [](std::int8_t x, std::int8_t y) { return element<P>(x, y); });
}

// What every portable binary kernel is: the driver with the operator's element function.
struct binary_kernel : provided_kernel {
    template <auto P, broadcast_geometry G>
    static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) { binary_s8<P, G>(a, b, out); }
    template <auto P, broadcast_geometry G>
    static constexpr linked_constants constants() { return element_constants<P>(); }
};

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::add_broadcast> : portable::binary_kernel {};
template <>
struct kernel<portable_set, op::sub> : portable::binary_kernel {};
template <>
struct kernel<portable_set, op::mul> : portable::binary_kernel {};
template <>
struct kernel<portable_set, op::squared_difference> : portable::binary_kernel {};
template <>
struct kernel<portable_set, op::maximum> : portable::binary_kernel {};
template <>
struct kernel<portable_set, op::minimum> : portable::binary_kernel {};
template <>
struct kernel<portable_set, op::prelu> : portable::binary_kernel {};
}  // namespace ctnn::kernels
