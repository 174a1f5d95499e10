// Arm DSP MUL, int8, with broadcasting; bit-exact with reference::binary_element(mul_params).
//
// Contiguous runs (both inputs the output's shape, or a per-channel row against each row of
// the other) take four elements per step: one word of each input, SXTAB16 subtracts the zero
// point from two bytes at once into halfwords (x - zp fits in 16 bits), SMULBB / SMULTT form
// the four products, and each product is requantized by the Arm kernels' SMMLAR sequence
// (detail/requantize.hpp: its constants from the product's range |x1 - zp1| |x2 - zp2|, folded
// into immediates: no table in flash). A scalar operand or any other broadcast runs the
// portable driver with the same requantization per element.
#pragma once

#include <cstdint>

#include "ctnn/core/broadcast.hpp"
#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/binary_s8.hpp"
#include "ctnn/kernels/reference/binary_s8.hpp"

namespace ctnn::kernels::arm_dsp {
namespace detail {

// |x - zp| at most, for an int8 x.
constexpr std::int64_t max_offset(std::int32_t zp) noexcept { return zp < 0 ? 127 - zp : 128 + zp; }

template <mul_params P>
inline constexpr requant_table<1> mul_requant = make_requant_table<1>(
    1, [](int) { return P.output; },
    [](int) { return acc_range{0, max_offset(P.input1_zero_point) * max_offset(P.input2_zero_point)}; }, P.output_zero_point,
    P.act_min, P.act_max);

// Two halfwords of -zp (SXTAB16 adds them to two sign-extended bytes).
constexpr std::uint32_t packed_offset(std::int32_t zp) noexcept {
    const auto h = static_cast<std::uint32_t>(-zp) & 0xffffu;
    return h | (h << 16);
}

template <mul_params P>
[[gnu::always_inline]] inline std::int8_t mul_one(std::int8_t x, std::int8_t y) noexcept {
    constexpr requant_mode mode = mul_requant<P>.mode;
    constexpr requant_entry q = mul_requant<P>.entry[0];
    return requantize<mode>((std::int32_t{x} - P.input1_zero_point) * (std::int32_t{y} - P.input2_zero_point), q);
}

// out[i] = MUL(a[i], b[i]) for n elements; out may be a or b.
template <mul_params P>
CTNN_ARM_KERNEL_BODY void mul_run(const std::int8_t* a, const std::int8_t* b, std::int8_t* out, int n) {
    constexpr requant_mode mode = mul_requant<P>.mode;
    constexpr requant_entry q = mul_requant<P>.entry[0];
    constexpr std::uint32_t off1 = packed_offset(P.input1_zero_point), off2 = packed_offset(P.input2_zero_point);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        const std::uint32_t wa = load_word(a + i), wb = load_word(b + i);
        const std::uint32_t a02 = __sxtab16(off1, wa), b02 = __sxtab16(off2, wb);  // elements 0 and 2
        const std::uint32_t a13 = sxtab16_ror8(off1, wa), b13 = sxtab16_ror8(off2, wb);  // elements 1 and 3
        const std::int8_t o0 = requantize<mode>(smulbb(a02, b02), q);
        const std::int8_t o1 = requantize<mode>(smulbb(a13, b13), q);
        const std::int8_t o2 = requantize<mode>(smultt(a02, b02), q);
        const std::int8_t o3 = requantize<mode>(smultt(a13, b13), q);
        out[i] = o0;
        out[i + 1] = o1;
        out[i + 2] = o2;
        out[i + 3] = o3;
    }
    for (; i < n; ++i) out[i] = mul_one<P>(a[i], b[i]);
}

}  // namespace detail

template <mul_params P, broadcast_geometry G>
void mul_s8(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) {
    if constexpr (G.kind == broadcast_kind::same) {
        detail::mul_run<P>(a, b, out, G.size);
    } else if constexpr (G.kind == broadcast_kind::row1) {
        for (int o = 0; o < G.size; o += G.row) detail::mul_run<P>(a, b + o, out + o, G.row);
    } else if constexpr (G.kind == broadcast_kind::row2) {
        for (int o = 0; o < G.size; o += G.row) detail::mul_run<P>(a + o, b, out + o, G.row);
    } else {
        portable::broadcast_s8<G>(a, b, out, [](std::int8_t x, std::int8_t y) { return detail::mul_one<P>(x, y); });
    }
}

}  // namespace ctnn::kernels::arm_dsp

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::mul> : provided_kernel {
    template <mul_params P, broadcast_geometry G>
    static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) { arm_dsp::mul_s8<P, G>(a, b, out); }
    // The requantization constants are immediates in the code.
    template <mul_params P, broadcast_geometry G>
    static constexpr linked_constants constants() { return {}; }
};
}  // namespace ctnn::kernels
