// Portable ADD, int8, same shapes, specialised at compile time; bit-exact with reference::add_s8.
//
//   template <add_params P> void add_s8(const std::int8_t* input1, const std::int8_t* input2,
//                                       std::int8_t* output, int count = P.size);
//
// The parameters are the template argument itself (a valid NTTP). output may be input1 or
// input2 (in place: each element is read before it is written); no alignment needed.
//
// How: the rescaled value of an input, MBQM((x - zp) * 2^left_shift, m, shift), depends on the
// int8 x alone, so both are looked up in 256-entry int32 tables built at compile time (2 KiB of
// constants instead of two 64-bit multiplies per element); only the output MBQM stays per element,
// with its multiplier and shift as compile-time constants.
// On x86-64 hosts compiled for AVX-512 (with VNNI, the same switch as x86_vnni/tile.hpp) the
// tables are slower than arithmetic (g++ turns the lookups into byte extracts): blocks of 16
// elements compute all three MBQMs in zmm lanes instead (x86_vnni/add.hpp), the tail uses the tables.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {
namespace detail {

// table[x + 128] = MBQM((x - zero_point) * 2^left_shift, q)
constexpr std::array<std::int32_t, 256> rescale_table(std::int32_t zero_point, int left_shift,
                                                      quantized_multiplier q) noexcept {
    std::array<std::int32_t, 256> t{};
    for (int x = -128; x < 128; ++x) {
        const std::int32_t shifted = (x - zero_point) * (1 << left_shift);
        t[static_cast<std::size_t>(x + 128)] = multiply_by_quantized_multiplier(shifted, q.multiplier, q.shift);
    }
    return t;
}

template <add_params P>
inline constexpr auto add_table1 = rescale_table(P.input1_zero_point, P.left_shift, P.input1);
template <add_params P>
inline constexpr auto add_table2 = rescale_table(P.input2_zero_point, P.left_shift, P.input2);

}  // namespace detail

// count: elements to add, P.size for the whole tensor (less for a chunk of it).
template <add_params P>
void add_s8(const std::int8_t* input1, const std::int8_t* input2, std::int8_t* output, int count = P.size) {
    static_assert(P.size >= 0, "ctnn: add_s8 needs a non-negative size");
    constexpr const auto& t1 = detail::add_table1<P>;
    constexpr const auto& t2 = detail::add_table2<P>;
    for (int i = 0; i < count; ++i) {
        const std::int32_t sum = t1[static_cast<std::uint8_t>(input1[i] + 128)] + t2[static_cast<std::uint8_t>(input2[i] + 128)];
        output[i] = detail::requantize(sum, P.output, P.output_zero_point, P.act_min, P.act_max);
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::add> : provided_kernel {
    // The first n elements (residual fusion hands it a chunk of rows at a time).
    template <add_params P>
    static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* output, int n) { portable::add_s8<P>(a, b, output, n); }
    // Its two rescaling tables, read at the input values: never folded.
    template <add_params P>
    static constexpr linked_constants constants() { return linked_constants::of(portable::detail::add_table1<P>, portable::detail::add_table2<P>); }
};
}  // namespace ctnn::kernels
