// Arm DSP ADD (broadcast), SUB, SQUARED_DIFFERENCE and PRELU, int8; bit-exact with
// reference::binary_element. The portable driver and element values (the 256-entry rescaling
// tables of kernels/portable/binary_s8.hpp), with the last step, TFLite's MBQM + zero point +
// clamp, as the Arm kernels' SMMLAR sequence (detail/requantize.hpp) instead of a 64-bit
// multiply: its constants come from the accumulator's range (the tables' largest magnitudes)
// and are immediates in the code. A range too wide for the sequence takes the plain arithmetic
// (requantize's checked fallback).
#pragma once

#include <cstdint>
#include <type_traits>

#include "ctnn/core/broadcast.hpp"
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/binary_s8.hpp"
#include "ctnn/kernels/reference/binary_s8.hpp"

namespace ctnn::kernels::arm_dsp {
namespace detail {

template <class Table>
constexpr std::int64_t largest_magnitude(const Table& t) noexcept {
    std::int64_t m = 0;
    for (const std::int32_t v : t) m = v < 0 && -std::int64_t{v} > m ? -std::int64_t{v} : (v > m ? v : m);
    return m;
}

// The requantization of an accumulator in [-spread, spread] by q, to zp, clamped to [lo, hi].
constexpr requant_table<1> requant_for(quantized_multiplier q, std::int64_t spread, std::int32_t zp, std::int32_t lo, std::int32_t hi) {
    return make_requant_table<1>(1, [q](int) { return q; }, [spread](int) { return acc_range{0, spread}; }, zp, lo, hi);
}

template <auto P>
inline constexpr requant_table<1> binary_requant = [] {
    namespace pd = portable::detail;
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(P)>, add_params>) {
        return requant_for(P.output, largest_magnitude(pd::add_table1<P>) + largest_magnitude(pd::add_table2<P>), P.output_zero_point,
                           P.act_min, P.act_max);
    } else if constexpr (std::is_same_v<std::remove_cvref_t<decltype(P)>, sub_params>) {
        return requant_for(P.output, largest_magnitude(pd::sub_table1<P>) + largest_magnitude(pd::sub_table2<P>), P.output_zero_point,
                           P.act_min, P.act_max);
    } else if constexpr (std::is_same_v<std::remove_cvref_t<decltype(P)>, squared_difference_params>) {
        const std::int64_t d = largest_magnitude(pd::squared_difference_table1<P>) + largest_magnitude(pd::squared_difference_table2<P>);
        return requant_for(P.output, d * d, P.output_zero_point, -128, 127);
    } else {  // prelu_params: the identity side, x - zp_in in [0, 255]
        return requant_for(P.identity, 255, P.output_zero_point, -128, 127);
    }
}();
// PRELU's alpha side: (x - zp_in)(alpha - zp_alpha), |.| <= 255 * 255.
template <prelu_params P>
inline constexpr requant_table<1> prelu_alpha_requant = requant_for(P.alpha, 255 * 255, P.output_zero_point, -128, 127);

// Keyed on the parameters, not on the table (a class template argument holding arrays is what
// GCC 12 may mangle wrongly); alpha: PRELU's alpha side.
template <auto P, bool Alpha = false>
[[gnu::always_inline]] inline std::int8_t requantized(std::int32_t acc) noexcept {
    constexpr const requant_table<1>& t = []() -> const requant_table<1>& {
        if constexpr (Alpha) return prelu_alpha_requant<P>;
        else return binary_requant<P>;
    }();
    constexpr requant_mode mode = t.mode;
    constexpr requant_entry q = t.entry[0];
    return requantize<mode>(acc, q);
}

template <auto P>
[[gnu::always_inline]] inline std::int8_t element(std::int8_t x, std::int8_t y) noexcept {
    namespace pd = portable::detail;
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(P)>, add_params>) {
        return requantized<P>(pd::add_table1<P>[pd::at(x)] + pd::add_table2<P>[pd::at(y)]);
    } else if constexpr (std::is_same_v<std::remove_cvref_t<decltype(P)>, sub_params>) {
        return requantized<P>(pd::sub_table1<P>[pd::at(x)] - pd::sub_table2<P>[pd::at(y)]);
    } else if constexpr (std::is_same_v<std::remove_cvref_t<decltype(P)>, squared_difference_params>) {
        const std::int32_t d = pd::squared_difference_table1<P>[pd::at(x)] - pd::squared_difference_table2<P>[pd::at(y)];
        return requantized<P>(d * d);
    } else {
        const std::int32_t v = std::int32_t{x} - P.input_zero_point;
        if (v >= 0) return requantized<P>(v);
        return requantized<P, true>(v * (std::int32_t{y} - P.alpha_zero_point));
    }
}

}  // namespace detail

// The portable driver with the Arm requantization; the same tables linked.
struct binary_kernel : provided_kernel {
    template <auto P, broadcast_geometry G>
    static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) {
        portable::broadcast_s8<G>(a, b, out, [](std::int8_t x, std::int8_t y) { return detail::element<P>(x, y); });
    }
    template <auto P, broadcast_geometry G>
    static constexpr linked_constants constants() { return portable::element_constants<P>(); }
};

}  // namespace ctnn::kernels::arm_dsp

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::add_broadcast> : arm_dsp::binary_kernel {};
template <>
struct kernel<arm_dsp_set, op::sub> : arm_dsp::binary_kernel {};
template <>
struct kernel<arm_dsp_set, op::squared_difference> : arm_dsp::binary_kernel {};
template <>
struct kernel<arm_dsp_set, op::prelu> : arm_dsp::binary_kernel {};
}  // namespace ctnn::kernels
