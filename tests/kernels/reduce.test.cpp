// SUM, REDUCE_MAX/MIN, ARG_MAX/MIN and QUANTIZE (between 8-bit types, and the int16/int32 pairs): hand-worked values of the
// reference kernels and the portable ones. Each case was checked once against TFLM's reference
// kernels (../shared/tools/tflm-ref, one tiny model per case), which agree.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "ctnn/kernels/portable/mean_s8.hpp"
#include "ctnn/kernels/portable/reduce_s8.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"
#include "ctnn/kernels/reference/reduce_s8.hpp"
#include "ctnn/kernels/reference/requantize.hpp"
#include "support/random_specs.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using bytes = std::vector<std::int8_t>;

// 2x4, summed over axis 1: rows {3, 5, -1, 7} and {-3, -5, 1, -3}; s_in 0.5 zp 1, s_out 2 zp -3.
constexpr mean_params sum_rows = [] {
    mean_params p = test::make_mean_axes({2, 4, 1, 1, 1, 1}, 2, 0b10u, 0.5f, 1, 2.0f, -3);
    p.sum = true;
    return p;
}();
// s_in / s_out = 0.25 -> (2^30, -1), used as it is: SUM folds no 1/count in.
static_assert(sum_rows.multiplier == quantized_multiplier{1 << 30, -1});
static_assert(reference::sum_multiplier(sum_rows) == sum_rows.multiplier);

constexpr reduce_params extreme_rows(bool max) {
    reduce_params p;
    p.set_axes({2, {2, 4, 1, 1, 1, 1}, {false, true, false, false, false, false}});
    p.max = max;
    return p;
}
constexpr reduce_params max_rows = extreme_rows(true), min_rows = extreme_rows(false);
constexpr arg_params arg_max_rows{.outer = 2, .axis = 4, .inner = 1, .max = true};
constexpr arg_params arg_min_rows{.outer = 2, .axis = 4, .inner = 1, .max = false};

}  // namespace

TEST_CASE("sum_s8: (sum - zp_in * count) x s_in / s_out, rounded as TFLite's MultiplyByQuantizedMultiplier") {
    const bytes input{3, 5, -1, 7, -3, -5, 1, -3};
    // 14 - 4 = 10 -> SRDHM 5 -> 2.5 rounds away from zero to 3, + zp_out -3 -> 0;
    // -10 - 4 = -14 -> SRDHM -7 -> -3.5 -> -4, - 3 -> -7
    const bytes expected{0, -7};
    bytes ref(2), fast(2);
    reference::mean(sum_rows, input.data(), ref.data());
    kernel<portable_set, op::mean>::run<sum_rows>(input.data(), fast.data());
    CHECK(ref == expected);
    CHECK(fast == expected);
}

TEST_CASE("reduce_s8 and arg_s8: extremes and the first index on ties") {
    const bytes input{3, 7, 7, -2, 3, -2, 7, -2};
    bytes ref(2), fast(2);
    reference::reduce_s8(max_rows, input.data(), ref.data());
    kernel<portable_set, op::reduce>::run<max_rows>(input.data(), fast.data());
    CHECK(ref == bytes{7, 7});
    CHECK(fast == bytes{7, 7});
    reference::reduce_s8(min_rows, input.data(), ref.data());
    kernel<portable_set, op::reduce>::run<min_rows>(input.data(), fast.data());
    CHECK(ref == bytes{-2, -2});
    CHECK(fast == bytes{-2, -2});
    std::array<std::int32_t, 2> index{}, fast_index{};
    reference::arg_s8(arg_max_rows, input.data(), index.data());
    kernel<portable_set, op::arg_reduce>::run<arg_max_rows>(input.data(), fast_index.data());
    CHECK(index == std::array<std::int32_t, 2>{1, 2});  // the 7 at 1, not the one at 2
    CHECK(fast_index == index);
    reference::arg_s8(arg_min_rows, input.data(), index.data());
    kernel<portable_set, op::arg_reduce>::run<arg_min_rows>(input.data(), fast_index.data());
    CHECK(index == std::array<std::int32_t, 2>{3, 1});
    CHECK(fast_index == index);
}

TEST_CASE("requantize: int8 -> uint8 (the byte flip) and int8 -> int8 with saturation") {
    constexpr requantize_params to_uint8 = make_requantize_params(0.5f, 0, 0.5f, 128, quantized_element<std::uint8_t>);
    static_assert(to_uint8.multiplier == quantized_multiplier{1 << 30, 1});  // exactly 1
    static_assert(reference::requantize<std::uint8_t>(to_uint8, std::int8_t{-128}) == 0);
    static_assert(reference::requantize<std::uint8_t>(to_uint8, std::int8_t{127}) == 255);
    static_assert(reference::requantize<std::uint8_t>(to_uint8, std::int8_t{-5}) == 123);
    constexpr requantize_params finer = make_requantize_params(0.5f, 0, 0.25f, 3, quantized_element<std::int8_t>);
    const bytes input{5, 100, -5, -128};
    bytes out(4);
    reference::requantize(finer, input.data(), out.data(), input.size());
    CHECK(out == bytes{13, 127, -7, -128});
    CHECK(requantize_supported(quantized_element<std::uint8_t>, quantized_element<std::int8_t>));
    CHECK_FALSE(requantize_supported(quantized_element<std::uint8_t>, quantized_element<std::uint8_t>));
}

TEST_CASE("requantize: the int16 and int32 pairs, rounding half away from zero, saturation and int32 wrap") {
    // int32 at 2^-16 -> int16 at 2^-10: s_in / s_out = 2^-6 -> (2^30, -5).
    constexpr requantize_params narrow = make_requantize_params_for<std::int16_t>(1.0f / 65536, 0, 1.0f / 1024, 0);
    static_assert(narrow.multiplier == quantized_multiplier{1 << 30, -5});
    static_assert(reference::requantize<std::int16_t>(narrow, std::int32_t{96}) == 2);    // 1.5 -> 2
    static_assert(reference::requantize<std::int16_t>(narrow, std::int32_t{-96}) == -2);  // -1.5 -> -2
    static_assert(reference::requantize<std::int16_t>(narrow, std::int32_t{95}) == 2);  // TFLite rounds twice: 47.5 -> 48, 1.5 -> 2
    static_assert(reference::requantize<std::int16_t>(narrow, std::int32_t{94}) == 1);
    static_assert(reference::requantize<std::int16_t>(narrow, std::int32_t{2147483647}) == 32767);
    static_assert(reference::requantize<std::int16_t>(narrow, std::int32_t{-2147483647 - 1}) == -32768);
    // int16 at 2^-10 -> int32 at 2^-16: a left shift by 6, no clamp inside int32.
    constexpr requantize_params wide = make_requantize_params_for<std::int32_t>(1.0f / 1024, 0, 1.0f / 65536, 0);
    static_assert(reference::requantize<std::int32_t>(wide, std::int16_t{-32768}) == -32768 * 64);
    // int8 zp -3 at 0.5 -> int16 at 0.25: (q + 3) * 2.
    constexpr requantize_params up = make_requantize_params_for<std::int16_t>(0.5f, -3, 0.25f, 0);
    static_assert(reference::requantize<std::int16_t>(up, std::int8_t{-128}) == -250);
    // int32 with a zero point: q - zp wraps in int32 as TFLM's build computes it.
    constexpr requantize_params wrapped = make_requantize_params_for<std::int8_t>(0.5f, 1, 1.0f, 0);
    static_assert(wrapped.multiplier == quantized_multiplier{1 << 30, 0});
    static_assert(reference::requantize<std::int8_t>(wrapped, std::int32_t{-2147483647 - 1}) == 127);  // INT32_MIN - 1 = INT32_MAX
    static_assert(requantize_pair_supported<std::int32_t, std::int16_t>() && requantize_pair_supported<std::int16_t, std::int32_t>());
    static_assert(!requantize_pair_supported<std::int32_t, std::int32_t>() && !requantize_pair_supported<std::uint8_t, std::int16_t>());
}
