// HARD_SWISH: hand-worked values of the reference kernel, its parameters, and the layer's table
// and lookup kernel against the reference on every int8 value.
//
// The expected outputs below come from the real formula y = x * relu6(x + 3) / 6, quantized
// (q_out = round(y / s_out) + zp_out, clamped); each was also checked against TFLM's reference
// kernel (../shared/tools/tflm-ref, one 1xN HARD_SWISH model per case), which agrees, except in
// the last case, where TFLite's 16-bit rounding differs from the formula on purpose.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/portable/lut_s8.hpp"
#include "ctnn/kernels/reference/hard_swish_s8.hpp"
#include "ctnn/layers/hard_swish.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using bytes = std::vector<std::int8_t>;

bytes reference_of(const hard_swish_params& p, const bytes& in) {
    bytes out(in.size());
    reference::hard_swish_s8(p, in.data(), out.data(), static_cast<int>(in.size()));
    return out;
}

}  // namespace

// s_in = 1/16, zp_in = 0; s_out = 1/32, zp_out = -64. Then
//   hires = 2^-11; output real = 2^-11 / 2^-5 = 2^-6 = 0.5 * 2^-5: Q0.31 2^30 -> Q0.15 2^14, exponent -5
//   reluish real = 2^-11 / (3 * 2^-15) = 16/3 = (2/3) * 2^3: round(2/3 * 2^31) = 1431655765 -> Q0.15
//   (1431655765 + 2^15) >> 16 = 21845, exponent 3.
TEST_CASE("hard_swish: parameters as TFLite's Prepare derives them") {
    constexpr hard_swish_params p = make_hard_swish_params(0.0625f, 0, 0.03125f, -64);
    static_assert(p.output_multiplier_fixedpoint_int16 == 16384 && p.output_multiplier_exponent == -5);
    static_assert(p.reluish_multiplier_fixedpoint_int16 == 21845 && p.reluish_multiplier_exponent == 3);
    static_assert(p.input_zero_point == 0 && p.output_zero_point == -64);
    // Q0.31 values in the top 2^15 of the range saturate to 2^15 - 1 instead of rounding to 2^15.
    static_assert(downscale_multiplier_to_int16(2147483647) == 32767);
    static_assert(downscale_multiplier_to_int16(2147483647 - 32768) == 32767);
    static_assert(downscale_multiplier_to_int16(2147483647 - 32769) == 32767);  // rounded: (2^31 - 2) >> 16
    static_assert(downscale_multiplier_to_int16(1 << 30) == 16384);
    static_assert(downscale_multiplier_to_int16(0) == 0);
}

TEST_CASE("hard_swish: TFLite's scale rule, (s_in / 128) / s_out below 1") {
    static_assert(!hard_swish_output_multiplier_in_range(1.0f, 1.0f / 128.0f));  // exactly 1
    static_assert(hard_swish_output_multiplier_in_range(1.0f, 1.0f / 127.0f));
    static_assert(!hard_swish_output_multiplier_in_range(1.0f, 1.0f / 256.0f));
    static_assert(hard_swish_output_multiplier_in_range(0x1.0p-12f, 4.0f));
    static_assert(hard_swish_reluish_multiplier_in_range(4.0f));
    static_assert(!hard_swish_reluish_multiplier_in_range(1e8f));  // 1e8 / 128 * 32768 / 3 > 2^30
}

TEST_CASE("hard_swish_s8: hand-worked values, s_in 1/16 zp 0, s_out 1/32 zp -64") {
    constexpr hard_swish_params p = make_hard_swish_params(0.0625f, 0, 0.03125f, -64);
    // x = q / 16:     -8    -3   -1.5    -0.5     0      1      1.5    3     7.9375
    // y:               0     0   -0.375  -0.2083  0      0.6667 1.125  3     7.9375
    // y * 32 - 64:   -64   -64   -76     -70.67  -64    -42.67  -28    32    190 -> 127
    const bytes in{-128, -48, -24, -8, 0, 16, 24, 48, 127};
    const bytes expected{-64, -64, -76, -71, -64, -43, -28, 32, 127};
    CHECK(reference_of(p, in) == expected);
}

// Worked through the fixed point for q = 48 (x = 3): v = 48 * 2^7 = 6144;
// on_output = (6144 * 16384 + 2^14) / 2^15 = 3072 (truncated); reluish: 6144 << 2 = 24576,
// (24576 * 21845 + 2^14) / 2^15 = 16384, << 1 = 32768 -> saturates to 32767, (32767 + 2^15) >> 1
// = 32767; 32767 * 3072 / 2^15 = 3071 (toward zero); 3071 / 2^5 rounded = 96; 96 - 64 = 32.
TEST_CASE("hard_swish_s8: x = 3 through the fixed point, and saturation of the reluish factor") {
    constexpr hard_swish_params p = make_hard_swish_params(0.0625f, 0, 0.03125f, -64);
    static_assert(reference::hard_swish_s8(p, 48) == 32);
    static_assert(reference::hard_swish_s8(p, -48) == -64);
}

TEST_CASE("hard_swish_s8: zero points at the int8 ends, s_in = s_out = 0.05, zp -128") {
    constexpr hard_swish_params p = make_hard_swish_params(0.05f, -128, 0.05f, -128);
    // x = (q + 128) / 20:  0     1        2        3     6.4   12.75
    // y / 0.05 - 128:   -128  -114.67  -94.67   -68     0     127
    const bytes in{-128, -108, -88, -68, 0, 127};
    const bytes expected{-128, -115, -95, -68, 0, 127};
    CHECK(reference_of(p, in) == expected);
}

// s_in = 2^-8, s_out = 3: output real 2^-15 / 3 -> exponent -16. TFLite divides the int16
// result by 2^16 with gemmlowp's int16 RoundingDivideByPOT, whose mask overflows int16: every
// output is zp_out + 1 at or above the input zero point and zp_out - 1 below it, where the
// formula gives zp_out (10) throughout. TFLM's outputs: 9 9 11 11 11.
TEST_CASE("hard_swish_s8: TFLite's 16-bit rounding at an output exponent of -16") {
    constexpr hard_swish_params p = make_hard_swish_params(0x1.0p-8f, -3, 3.0f, 10);
    static_assert(p.output_multiplier_exponent == -16);
    const bytes in{-128, -4, -3, -2, 127};
    const bytes expected{9, 9, 11, 11, 11};
    CHECK(reference_of(p, in) == expected);
}

namespace {
struct in_q { static constexpr float scale = 0.0625f; static constexpr std::int32_t zero_point = 0; };
struct out_q { static constexpr float scale = 0.03125f; static constexpr std::int32_t zero_point = -64; };
using bound = layers::hard_swish<out_q>::bind<tensor_type<shape<1, 3, 3>, in_q>>;
}  // namespace

TEST_CASE("hard_swish layer: the table is the reference kernel, and the lookup kernel runs it in place") {
    static_assert(bound::facts.param_bytes == 256);
    static_assert(bound::facts.in_place_input == 0);
    static_assert(bound::table[48 + 128] == 32 && bound::table[0] == -64 && bound::table[255] == 127);
    bytes all(256);
    for (int i = 0; i < 256; ++i) all[static_cast<std::size_t>(i)] = static_cast<std::int8_t>(i - 128);
    const bytes want = reference_of(bound::params, all);
    for (int i = 0; i < 256; ++i) CHECK(bound::table[static_cast<std::size_t>(i)] == want[static_cast<std::size_t>(i)]);

    // Every length up to 11 (groups of four and each tail), out of place and in place.
    for (int n = 0; n <= 11; ++n) {
        bytes in(all.begin() + 40, all.begin() + 40 + n), out(static_cast<std::size_t>(n), 0);
        portable::lut_s8<bound::table>(in.data(), out.data(), n);
        const bytes expected = reference_of(bound::params, in);
        CHECK(out == expected);
        portable::lut_s8<bound::table>(in.data(), in.data(), n);
        CHECK(in == expected);
    }

    const bytes x{-128, -48, -24, -8, 0, 16, 24, 48, 127};
    bytes fast(9), ref(9);
    bound::run<kernel_options{}>(x.data(), fast.data(), nullptr);
    bound::run_reference(x.data(), ref.data());
    const bytes expected{-64, -64, -76, -71, -64, -43, -28, 32, 127};
    CHECK(fast == expected);
    CHECK(ref == expected);
}
