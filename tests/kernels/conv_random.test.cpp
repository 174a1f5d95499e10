// The build's convolution kernels (kernels/select.hpp: portable, or the x86_vnni set on an
// AVX-512 VNNI host) against the reference on pseudo-random data over many geometries.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/detail/requantize_row.hpp"
#include "ctnn/kernels/reference/conv2d_s8.hpp"
#include "ctnn/kernels/reference/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "support/random_specs.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using test::conv_case;
using test::random_conv_spec;
using test::random_depthwise_spec;

// First mismatch as "index: got / want", or "" when the outputs agree.
std::string first_mismatch(const std::vector<std::int8_t>& got, const std::vector<std::int8_t>& want) {
    for (std::size_t i = 0; i < want.size(); ++i)
        if (got[i] != want[i])
            return std::to_string(i) + ": got " + std::to_string(got[i]) + ", want " + std::to_string(want[i]);
    return {};
}

// Several inputs per spec; also checks the outputs are not all saturated (a weak test otherwise).
template <class Spec, bool Depthwise>
void check_against_reference() {
    using conv = kernel_for<op::conv2d>;
    static_assert(conv::scratch_bytes<Spec> == 0, "host kernels need no scratch");
    constexpr conv_geometry g = Spec::geometry;
    const std::size_t in_size = static_cast<std::size_t>(g.in_h * g.in_w * g.in_c);
    const std::size_t out_size = static_cast<std::size_t>(g.out_h * g.out_w * g.out_c);
    int unsaturated = 0;
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
        // +1 byte so the portable kernel also runs on an odd address
        std::vector<std::int8_t> buffer = test::random_input(in_size + 1, seed);
        const std::int8_t* input = buffer.data() + 1;
        std::vector<std::int8_t> want(out_size), got(out_size + 1);
        if constexpr (Depthwise) {
            reference::depthwise_conv2d_s8(g, input, Spec::weights.data(), Spec::bias.data(), Spec::requant.data(),
                                           want.data());
            kernel_for<op::depthwise_conv2d>::run<Spec, kernel_options{}>(input, got.data() + 1);
        } else {
            reference::conv2d_s8(g, input, Spec::weights.data(), Spec::bias.data(), Spec::requant.data(), want.data());
            conv::run<Spec, kernel_options{}>(input, got.data() + 1, nullptr);
        }
        got.erase(got.begin());
        INFO("seed ", seed, ", out ", g.out_h, "x", g.out_w, "x", g.out_c);
        CHECK(first_mismatch(got, want) == "");
        if constexpr (!Depthwise) {
            // The same rows in three uneven ranges (residual fusion computes chunks of rows).
            std::vector<std::int8_t> rows(out_size);
            const int cuts[] = {0, g.out_h / 3, g.out_h - g.out_h / 4, g.out_h};
            for (int r = 0; r < 3; ++r)
                conv::run_rows<Spec, kernel_options{}>(input, rows.data() + cuts[r] * g.out_w * g.out_c, cuts[r],
                                                   cuts[r + 1], nullptr);
            CHECK(first_mismatch(rows, want) == "");
        }
        for (auto v : want) unsaturated += v > g.act_min && v < g.act_max;
    }
    CHECK(unsaturated > 0);
}

template <conv_case C, std::uint32_t Seed, int WeightMax = 127, int ShiftLo = 0, int ShiftHi = 0>
void check_conv() {
    check_against_reference<random_conv_spec<C, Seed, WeightMax, ShiftLo, ShiftHi>, false>();
}
template <conv_case C, std::uint32_t Seed, int WeightMax = 127, int ShiftLo = 0, int ShiftHi = 0>
void check_depthwise() {
    check_against_reference<random_depthwise_spec<C, Seed, WeightMax, ShiftLo, ShiftHi>, true>();
}

TEST_CASE("conv2d_s8 portable == reference") {
    SUBCASE("one channel in and out, 3x3 SAME") {
        check_conv<conv_case{.in_h = 5, .in_w = 5, .in_c = 1, .out_c = 1, .kernel_h = 3, .kernel_w = 3,
                             .input_zero_point = -7, .output_zero_point = 3}, 1>();
    }
    SUBCASE("non-square 10x4 kernel, stride 2, SAME (KWS first layer, smaller)") {
        check_conv<conv_case{.in_h = 13, .in_w = 7, .in_c = 1, .out_c = 8, .kernel_h = 10, .kernel_w = 4,
                             .stride_h = 2, .stride_w = 2, .input_zero_point = 83, .output_zero_point = -128,
                             .act_min = -128}, 2>();
    }
    SUBCASE("padding larger than stride: 5x5 SAME stride 1, out_c not a multiple of 4") {
        check_conv<conv_case{.in_h = 6, .in_w = 6, .in_c = 3, .out_c = 5, .kernel_h = 5, .kernel_w = 5,
                             .input_zero_point = 12, .output_zero_point = -5}, 3>();
    }
    SUBCASE("padding larger than stride: 7x7 SAME stride 2") {
        check_conv<conv_case{.in_h = 11, .in_w = 9, .in_c = 2, .out_c = 4, .kernel_h = 7, .kernel_w = 7,
                             .stride_h = 2, .stride_w = 2, .input_zero_point = -100}, 4>();
    }
    SUBCASE("stride 2, even input, SAME") {
        check_conv<conv_case{.in_h = 8, .in_w = 8, .in_c = 4, .out_c = 8, .kernel_h = 3, .kernel_w = 3,
                             .stride_h = 2, .stride_w = 2, .input_zero_point = -128, .output_zero_point = -128,
                             .act_min = -128}, 5>();
    }
    SUBCASE("stride 2, odd input, SAME") {
        check_conv<conv_case{.in_h = 9, .in_w = 7, .in_c = 3, .out_c = 6, .kernel_h = 3, .kernel_w = 3,
                             .stride_h = 2, .stride_w = 2, .input_zero_point = 5, .output_zero_point = 2}, 6>();
    }
    SUBCASE("VALID, non-square 3x2 kernel") {
        check_conv<conv_case{.in_h = 7, .in_w = 6, .in_c = 5, .out_c = 4, .kernel_h = 3, .kernel_w = 2,
                             .same = false, .input_zero_point = -3}, 7>();
    }
    SUBCASE("VALID, stride 2 odd input") {
        check_conv<conv_case{.in_h = 9, .in_w = 8, .in_c = 2, .out_c = 3, .kernel_h = 3, .kernel_w = 3,
                             .stride_h = 2, .stride_w = 2, .same = false, .input_zero_point = 40}, 8>();
    }
    SUBCASE("dilation 2, SAME") {
        check_conv<conv_case{.in_h = 9, .in_w = 9, .in_c = 2, .out_c = 4, .kernel_h = 3, .kernel_w = 3,
                             .dilation_h = 2, .dilation_w = 2, .input_zero_point = -20, .output_zero_point = 7}, 9>();
    }
    SUBCASE("dilation 2 x 1, stride 2, VALID") {
        check_conv<conv_case{.in_h = 11, .in_w = 10, .in_c = 3, .out_c = 4, .kernel_h = 3, .kernel_w = 2,
                             .stride_h = 2, .stride_w = 2, .dilation_h = 2, .dilation_w = 1, .same = false,
                             .input_zero_point = 9}, 10>();
    }
    SUBCASE("1x1 stride 1 (matrix product), 16 -> 12") {
        check_conv<conv_case{.in_h = 5, .in_w = 4, .in_c = 16, .out_c = 12, .kernel_h = 1, .kernel_w = 1,
                             .input_zero_point = -128, .output_zero_point = -128, .act_min = -128}, 11>();
    }
    SUBCASE("1x1 stride 2, relu6 clamp (ResNet shortcut)") {
        // relu6 with s_out = 0.05, zp_out = -100: [max(-128, -100), min(127, -100 + 120)] = [-100, 20]
        check_conv<conv_case{.in_h = 8, .in_w = 8, .in_c = 8, .out_c = 16, .kernel_h = 1, .kernel_w = 1,
                             .stride_h = 2, .stride_w = 2, .input_zero_point = -17, .output_zero_point = -100,
                             .act_min = -100, .act_max = 20}, 12>();
    }
    SUBCASE("3x3 16 -> 16 relu (ResNet body, smaller)") {
        check_conv<conv_case{.in_h = 8, .in_w = 8, .in_c = 16, .out_c = 16, .kernel_h = 3, .kernel_w = 3,
                             .input_zero_point = -128, .output_zero_point = -128, .act_min = -128}, 13>();
    }
    SUBCASE("relu with a zero point inside the range") {
        check_conv<conv_case{.in_h = 6, .in_w = 7, .in_c = 4, .out_c = 8, .kernel_h = 3, .kernel_w = 3,
                             .input_zero_point = 3, .output_zero_point = -30, .act_min = -30}, 14>();
    }
    SUBCASE("positive and negative shifts per channel (small weights)") {
        check_conv<conv_case{.in_h = 5, .in_w = 5, .in_c = 2, .out_c = 8, .kernel_h = 2, .kernel_w = 2,
                             .input_zero_point = 0}, 15, 1, -2, 12>();
    }
    SUBCASE("short patch, many channels (by columns): 3x3x3 SAME -> 16") {
        check_conv<conv_case{.in_h = 7, .in_w = 8, .in_c = 3, .out_c = 16, .kernel_h = 3, .kernel_w = 3,
                             .input_zero_point = -128, .output_zero_point = -128, .act_min = -128}, 17>();
    }
    SUBCASE("short patch, many channels (by columns): 4x4 stride 2, dilation 2 x 1 -> 20") {
        check_conv<conv_case{.in_h = 25, .in_w = 9, .in_c = 1, .out_c = 20, .kernel_h = 4, .kernel_w = 4,
                             .stride_h = 2, .stride_w = 2, .dilation_h = 2, .input_zero_point = 83}, 18>();
    }
    SUBCASE("1x1 8 -> 16 (by columns), VWW shape, smaller") {
        check_conv<conv_case{.in_h = 6, .in_w = 5, .in_c = 8, .out_c = 16, .kernel_h = 1, .kernel_w = 1,
                             .input_zero_point = -128, .output_zero_point = -128, .act_min = -128}, 19>();
    }
    SUBCASE("wide channels, 3x3 stride 2, 32 -> 8") {
        check_conv<conv_case{.in_h = 7, .in_w = 6, .in_c = 32, .out_c = 8, .kernel_h = 3, .kernel_w = 3,
                             .stride_h = 2, .stride_w = 2, .input_zero_point = -128}, 16>();
    }
    // Shapes for the host tiles (detail/vnni.hpp): pixel counts that are not a multiple of the
    // tile, channel counts with a partial block of 16 and more than 4 blocks, strides, dilation.
    SUBCASE("3x3 16 -> 16, width 11 (partial pixel tile), input zero point inside the range") {
        check_conv<conv_case{.in_h = 5, .in_w = 11, .in_c = 16, .out_c = 16, .kernel_h = 3, .kernel_w = 3,
                             .input_zero_point = 37, .output_zero_point = -128, .act_min = -128}, 41>();
    }
    SUBCASE("3x3 stride 2, 8 -> 72 (four blocks of 16 and a partial one)") {
        check_conv<conv_case{.in_h = 7, .in_w = 9, .in_c = 8, .out_c = 72, .kernel_h = 3, .kernel_w = 3,
                             .stride_h = 2, .stride_w = 2, .input_zero_point = -5, .output_zero_point = 4}, 42>();
    }
    SUBCASE("2x3 dilation 2 x 2, VALID, 12 -> 40, shifts of both signs") {
        check_conv<conv_case{.in_h = 9, .in_w = 10, .in_c = 12, .out_c = 40, .kernel_h = 2, .kernel_w = 3,
                             .dilation_h = 2, .dilation_w = 2, .same = false, .input_zero_point = -128},
                   43, 3, -3, 12>();
    }
    SUBCASE("5x5 SAME (padding larger than stride), 4 -> 24") {
        check_conv<conv_case{.in_h = 6, .in_w = 7, .in_c = 4, .out_c = 24, .kernel_h = 5, .kernel_w = 5,
                             .input_zero_point = 120, .output_zero_point = 0}, 44>();
    }
    SUBCASE("1x1 128 -> 33 (VWW pointwise width, odd channel count)") {
        check_conv<conv_case{.in_h = 3, .in_w = 5, .in_c = 128, .out_c = 33, .kernel_h = 1, .kernel_w = 1,
                             .input_zero_point = -128, .output_zero_point = -128, .act_min = -128}, 45>();
    }
}

TEST_CASE("depthwise_conv2d_s8 portable == reference") {
    SUBCASE("3x3 SAME stride 1, 8 channels") {
        check_depthwise<conv_case{.in_h = 6, .in_w = 5, .in_c = 8, .out_c = 8, .kernel_h = 3, .kernel_w = 3,
                                  .input_zero_point = -128, .output_zero_point = -128, .act_min = -128}, 21>();
    }
    SUBCASE("3x3 SAME stride 2, even input") {
        check_depthwise<conv_case{.in_h = 8, .in_w = 8, .in_c = 16, .out_c = 16, .kernel_h = 3, .kernel_w = 3,
                                  .stride_h = 2, .stride_w = 2, .input_zero_point = 11, .output_zero_point = -3}, 22>();
    }
    SUBCASE("3x3 SAME stride 2, odd input") {
        check_depthwise<conv_case{.in_h = 9, .in_w = 7, .in_c = 4, .out_c = 4, .kernel_h = 3, .kernel_w = 3,
                                  .stride_h = 2, .stride_w = 2, .input_zero_point = -60}, 23>();
    }
    SUBCASE("depth multiplier 2") {
        check_depthwise<conv_case{.in_h = 5, .in_w = 5, .in_c = 3, .out_c = 6, .kernel_h = 3, .kernel_w = 3,
                                  .depth_multiplier = 2, .input_zero_point = 25, .output_zero_point = 1}, 24>();
    }
    SUBCASE("dilation 2, SAME") {
        check_depthwise<conv_case{.in_h = 9, .in_w = 9, .in_c = 4, .out_c = 4, .kernel_h = 3, .kernel_w = 3,
                                  .dilation_h = 2, .dilation_w = 2, .input_zero_point = -9}, 25>();
    }
    SUBCASE("one channel, 5x5 SAME (padding larger than stride)") {
        check_depthwise<conv_case{.in_h = 7, .in_w = 7, .in_c = 1, .out_c = 1, .kernel_h = 5, .kernel_w = 5,
                                  .input_zero_point = 100, .output_zero_point = -1}, 26>();
    }
    SUBCASE("non-square 3x1 VALID, depth multiplier 3") {
        check_depthwise<conv_case{.in_h = 6, .in_w = 5, .in_c = 5, .out_c = 15, .kernel_h = 3, .kernel_w = 1,
                                  .same = false, .depth_multiplier = 3, .input_zero_point = -2}, 27>();
    }
    SUBCASE("relu6 clamp, stride 2 x 1") {
        check_depthwise<conv_case{.in_h = 7, .in_w = 6, .in_c = 12, .out_c = 12, .kernel_h = 3, .kernel_w = 3,
                                  .stride_h = 2, .stride_w = 1, .input_zero_point = -128, .output_zero_point = -128,
                                  .act_min = -128, .act_max = -8}, 28>();
    }
    SUBCASE("positive and negative shifts per channel (small weights)") {
        check_depthwise<conv_case{.in_h = 5, .in_w = 4, .in_c = 8, .out_c = 8, .kernel_h = 3, .kernel_w = 3,
                                  .input_zero_point = 0}, 29, 1, -2, 10>();
    }
    SUBCASE("64 channels, 3x3 SAME (channel blocks), KWS shape, smaller") {
        check_depthwise<conv_case{.in_h = 6, .in_w = 5, .in_c = 64, .out_c = 64, .kernel_h = 3, .kernel_w = 3,
                                  .input_zero_point = -128, .output_zero_point = -128, .act_min = -128}, 30>();
    }
    SUBCASE("40 channels (a block of 32 and a tail of 8), stride 2, shifts of both signs") {
        check_depthwise<conv_case{.in_h = 7, .in_w = 6, .in_c = 40, .out_c = 40, .kernel_h = 3, .kernel_w = 3,
                                  .stride_h = 2, .stride_w = 2, .input_zero_point = 7, .output_zero_point = 3},
                        31, 2, -3, 12>();
    }
}

// The row requantizer's merged-shift arithmetic against MBQM + zero point + clamp, over int32
// accumulators of every magnitude and every shift QuantizeMultiplier can produce.
constexpr int requant_entries = 64;
constexpr auto requant_multipliers = [] {
    std::array<quantized_multiplier, requant_entries> q{};
    std::uint32_t s = 12345;
    for (int c = 0; c < requant_entries; ++c) {
        s = s * 1664525u + 1013904223u;
        const auto m = static_cast<std::int32_t>((1u << 30) + (s >> 2));
        q[static_cast<std::size_t>(c)] = {c == 0 ? 0 : (c == 1 ? 0x7fffffff : m), c < 40 ? -31 + c : c - 52};
    }
    return q;
}();
constexpr auto requant_table =
    portable::detail::make_requant_table<requant_entries>(requant_multipliers, requant_entries, -5);

TEST_CASE("requantize_one == MBQM + zero point + clamp") {
    std::uint64_t s = 88172645463325252ull;
    int mismatches = 0;
    for (int i = 0; i < 200000; ++i) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        const int c = static_cast<int>(s % requant_entries);
        const int bits = static_cast<int>((s >> 8) % 32);
        auto acc = static_cast<std::int32_t>(static_cast<std::uint32_t>(s >> 32) >> (31 - bits));
        if ((s >> 20) & 1) acc = -acc;
        if (i < 4) acc = i < 2 ? std::numeric_limits<std::int32_t>::min() : std::numeric_limits<std::int32_t>::max();
        const quantized_multiplier q = requant_multipliers[static_cast<std::size_t>(c)];
        const std::int32_t want = clamp(multiply_by_quantized_multiplier(acc, q.multiplier, q.shift) - 5, -128, 127);
        const std::int8_t got = portable::detail::requantize_one<requant_table, -128, 127>(acc, c);
        mismatches += got != want;
    }
    CHECK(mismatches == 0);
}

}  // namespace
