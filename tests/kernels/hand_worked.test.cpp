// Hand-worked cases: every expected value below was computed by hand from the TFLite int8
// semantics (see the comments), and both the reference and the portable kernels must give it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "ctnn/kernels/portable/add_s8.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/mean_s8.hpp"
#include "ctnn/kernels/portable/pad_s8.hpp"
#include "ctnn/kernels/portable/pool2d_s8.hpp"
#include "ctnn/kernels/reference/add_s8.hpp"
#include "ctnn/kernels/reference/conv2d_s8.hpp"
#include "ctnn/kernels/reference/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"
#include "ctnn/kernels/reference/pad_s8.hpp"
#include "ctnn/kernels/reference/pool2d_s8.hpp"
#include "support/random_specs.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using bytes = std::vector<std::int8_t>;

constexpr quantized_multiplier half{1 << 30, 0};  // x 0.5: SRDHM(x, 2^30)
constexpr quantized_multiplier one{1 << 30, 1};   // x 1 exactly: SRDHM(2x, 2^30) = x

// 3x3x1 input 1..9 with zp_in = 1, so x - zp = 0..8:
//   0 1 2
//   3 4 5
//   6 7 8
// 3x3 kernel, SAME, stride 1 (pad 1 all round). Channel 0 has all weights +1, channel 1 all -1.
// Each output sums the centred values of the in-bounds part of its window, then x 0.5 through
// SRDHM, whose nudge rounds +n.5 up but -n.5 toward zero (nudge 1 - 2^30 for negatives).
struct conv_hand {
    static constexpr conv_geometry geometry = test::make_conv(
        {.in_h = 3, .in_w = 3, .in_c = 1, .out_c = 2, .kernel_h = 3, .kernel_w = 3, .input_zero_point = 1,
         .output_zero_point = -10});
    static constexpr std::int8_t weights[18] = {1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    static constexpr std::int32_t bias[2] = {0, 0};
    static constexpr std::array<quantized_multiplier, 2> requant{half, half};
};

TEST_CASE("conv2d_s8: 3x3 SAME on 3x3, padding skipped, SRDHM rounding") {
    const bytes input{1, 2, 3, 4, 5, 6, 7, 8, 9};
    // window sums: corners 8, 12, 20, 24; edges 15, 21, 27, 33; centre 36.
    // channel 0: 8->4, 15->7.5->8, 12->6, 21->10.5->11, 36->18, 27->13.5->14, 20->10, 33->16.5->17, 24->12
    // channel 1: -8->-4, -15->-7.5->-7, -12->-6, -21->-10, -36->-18, -27->-13, -20->-10, -33->-16, -24->-12
    // then + zp_out (-10).
    const bytes expected{-6, -14, -2, -17, -4, -16, 1, -20, 8, -28, 4, -23, 0, -20, 7, -26, 2, -22};
    bytes ref(18), fast(18);
    reference::conv2d_s8(conv_hand::geometry, input.data(), conv_hand::weights, conv_hand::bias,
                         conv_hand::requant.data(), ref.data());
    portable::conv2d_s8<conv_hand>(input.data(), fast.data());
    CHECK(ref == expected);
    CHECK(fast == expected);
}

// 2x2x2 input, 2x2 kernel, VALID, depth multiplier 2 -> 1x1x4; zp_in = 5.
// centred channel 0 = {1, 2, 3, 4}, channel 1 = {10, 20, 30, 40} (pixels in raster order).
// 1HWC weights, oc = ic * 2 + m:
//   oc0 (ic0) {1, 1, 1, 1}  -> 1+2+3+4           = 10
//   oc1 (ic0) {1, 0, 0, -1} -> 1-4               = -3
//   oc2 (ic1) {1, 1, 1, 1}  -> 100, bias -100    = 0
//   oc3 (ic1) {0, 0, 0, 2}  -> 80
// requant x1 exactly, zp_out 0.
struct depthwise_hand {
    static constexpr conv_geometry geometry =
        test::make_conv({.in_h = 2, .in_w = 2, .in_c = 2, .out_c = 4, .kernel_h = 2, .kernel_w = 2, .same = false,
                         .depth_multiplier = 2, .input_zero_point = 5});
    // [ky][kx][oc]
    static constexpr std::int8_t weights[16] = {1, 1, 1, 0, /**/ 1, 0, 1, 0, /**/ 1, 0, 1, 0, /**/ 1, -1, 1, 2};
    static constexpr std::int32_t bias[4] = {0, 0, -100, 0};
    static constexpr std::array<quantized_multiplier, 4> requant{one, one, one, one};
};

TEST_CASE("depthwise_conv2d_s8: depth multiplier 2, VALID, zero point folded") {
    const bytes input{6, 15, 7, 25, 8, 35, 9, 45};
    const bytes expected{10, -3, 0, 80};
    bytes ref(4), fast(4);
    reference::depthwise_conv2d_s8(depthwise_hand::geometry, input.data(), depthwise_hand::weights,
                                   depthwise_hand::bias, depthwise_hand::requant.data(), ref.data());
    kernel<portable_set, op::depthwise_conv2d>::run<depthwise_hand, kernel_options{}>(input.data(), fast.data());
    CHECK(ref == expected);
    CHECK(fast == expected);
}

// 3x3x1 input
//   -1 -2  3
//    4 -5  6
//    7  8 -9
// 2x2 window, stride 1, SAME: out 3x3, pad total 1 -> pad_top = pad_left = 0, the extra row and
// column go after, so the last row/column of windows hang over the edge and count fewer taps.
constexpr pool_geometry pool_hand = test::make_pool(3, 3, 1, 2, 2, 1, 1, true, -3, 7);

TEST_CASE("average_pool2d_s8: rounding half away from zero, padding not counted, clamp") {
    const bytes input{-1, -2, 3, 4, -5, 6, 7, 8, -9};
    // sums / counts: -4/4 -> (-4-2)/4 = -1;  2/4 -> (2+2)/4 = 1;   9/2 -> (9+1)/2 = 5;
    //                14/4 -> 16/4 = 4;       0/4 -> (0-2)/4 = 0;  -3/2 -> (-3-1)/2 = -2;
    //                15/2 -> 16/2 = 8 (then clamp 7); -1/2 -> (-1-1)/2 = -1; -9/1 -> -9 (clamp -3)
    const bytes expected{-1, 1, 5, 4, 0, -2, 7, -1, -3};
    bytes ref(9), fast(9);
    reference::average_pool2d(pool_hand, input.data(), ref.data());
    kernel<portable_set, op::average_pool2d>::run<pool_hand>(input.data(), fast.data());
    CHECK(ref == expected);
    CHECK(fast == expected);
}

TEST_CASE("max_pool2d_s8: in-bounds maximum, clamp") {
    const bytes input{-1, -2, 3, 4, -5, 6, 7, 8, -9};
    // maxima: 4 6 6 / 8 8 6 / 8 8 -9, clamped to [-3, 7]
    const bytes expected{4, 6, 6, 7, 7, 6, 7, 7, -3};
    bytes ref(9), fast(9);
    reference::max_pool2d(pool_hand, input.data(), ref.data());
    kernel<portable_set, op::max_pool2d>::run<pool_hand>(input.data(), fast.data());
    CHECK(ref == expected);
    CHECK(fast == expected);
}

// s1 = 0.5 (zp 0), s2 = 0.25 (zp 2), s_out = 1 (zp -3), clamp [-128, 90].
// twice_max = 1: input1 x0.5 = (2^30, 0), input2 x0.25 = (2^30, -1), output 2^-20 = (2^30, -19).
// All products below are exact in the 2^20 fixed point, so out = round(real) + zp_out with the
// final RoundingDivideByPOT rounding halves away from zero.
constexpr add_params add_hand = test::make_add(6, 0.5f, 0, 0.25f, 2, 1.0f, -3, -128, 90);
static_assert(add_hand.input1 == quantized_multiplier{1 << 30, 0});
static_assert(add_hand.input2 == quantized_multiplier{1 << 30, -1});
static_assert(add_hand.output == quantized_multiplier{1 << 30, -19});

TEST_CASE("add_s8: requantized sum, rounding, clamp, in place") {
    const bytes input1{10, -3, 1, 3, -3, 127};
    const bytes input2{6, 3, 3, 2, 2, 127};
    // real: 5+1 = 6; -1.5+0.25 = -1.25 -> -1; 0.5+0.25 = 0.75 -> 1; 1.5+0 -> 2; -1.5+0 -> -2;
    //       63.5+31.25 = 94.75 -> 95.   Then + zp_out (-3), and the last (92) is clamped to 90.
    const bytes expected{3, -4, -2, -1, -5, 90};
    bytes ref(6), fast(6);
    reference::add_s8(add_hand, input1.data(), input2.data(), ref.data());
    portable::add_s8<add_hand>(input1.data(), input2.data(), fast.data());
    CHECK(ref == expected);
    CHECK(fast == expected);
    bytes in_place = input1;
    portable::add_s8<add_hand>(in_place.data(), input2.data(), in_place.data());
    CHECK(in_place == expected);
}

// 1x2x2x1 input {1, 2; 3, 4}, one row before, two columns after, filled with zp -5.
constexpr pad_params pad_hand{.in_shape = {1, 2, 2, 1}, .before = {0, 1, 0, 0}, .after = {0, 0, 2, 0}, .pad_value = -5};

TEST_CASE("pad_s8: fills with the zero point") {
    const bytes input{1, 2, 3, 4};
    const bytes expected{-5, -5, -5, -5, 1, 2, -5, -5, 3, 4, -5, -5};
    bytes ref(12), fast(12);
    reference::pad(pad_hand, input.data(), ref.data());
    kernel<portable_set, op::pad>::run<pad_hand>(input.data(), fast.data());
    CHECK(ref == expected);
    CHECK(fast == expected);
}

// 1x2x2x2 input; channel 0 = {1, 2, 3, -7} (sum -1), channel 1 = {5, 6, 7, 9} (sum 27).
constexpr mean_params mean_same = test::make_mean(2, 2, 2, 0.5f, 1, 0.5f, 1);
// s_in / s_out = 1 -> (2^30, 1); count 4 folds to (2^30 * 4 / 4, 1 - 2) = x0.25.
static_assert(reference::mean_multiplier(mean_same.multiplier, 4) == quantized_multiplier{1 << 30, -1});
// s_in / s_out = 2 -> (2^30, 2); count 4 folds to (2^30 * 4 / 4, 2 - 2) = x0.5.
constexpr mean_params mean_diff = test::make_mean(2, 2, 2, 0.5f, 1, 0.25f, -2);
static_assert(reference::mean_multiplier(mean_diff.multiplier, 4) == quantized_multiplier{1 << 30, 0});

TEST_CASE("mean_s8: equal and different quantization both requantize with rounding (TFLM's QuantizedMeanOrSum)") {
    const bytes input{1, 5, 2, 6, 3, 7, -7, 9};
    // same: (sum - zp_in * 4) x 0.25 = SRDHM by 2^30, then a rounding shift by 1:
    // -5 -> SRDHM -2 (negative half toward zero) -> -1, + zp_out 1 -> 0;
    // 23 -> SRDHM 12 -> 6, + 1 -> 7 (a truncating 27 / 4 would give 6: the old, wrong path)
    const bytes expected_same{0, 7};
    // different: (sum - zp_in * 4) x 0.5: -5 -> -2.5 -> -2 (SRDHM: negative half toward zero),
    // 23 -> 11.5 -> 12; + zp_out (-2)
    const bytes expected_diff{-4, 10};
    bytes ref(2), fast(2);
    reference::mean(mean_same, input.data(), ref.data());
    kernel<portable_set, op::mean>::run<mean_same>(input.data(), fast.data());
    CHECK(ref == expected_same);
    CHECK(fast == expected_same);
    reference::mean(mean_diff, input.data(), ref.data());
    kernel<portable_set, op::mean>::run<mean_diff>(input.data(), fast.data());
    CHECK(ref == expected_diff);
    CHECK(fast == expected_diff);
}

}  // namespace
