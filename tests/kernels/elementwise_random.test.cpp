// Portable pooling, PAD and MEAN, and the build's ADD (portable, or the x86_vnni set on an
// AVX-512 VNNI host), against the reference on pseudo-random data.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ctnn/kernels/portable/add_s8.hpp"
#include "ctnn/kernels/portable/mean_s8.hpp"
#include "ctnn/kernels/portable/pad_s8.hpp"
#include "ctnn/kernels/portable/pool2d_s8.hpp"
#include "ctnn/kernels/reference/add_s8.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"
#include "ctnn/kernels/reference/pad_s8.hpp"
#include "ctnn/kernels/reference/pool2d_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "support/random_specs.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using bytes = std::vector<std::int8_t>;

std::string first_mismatch(const bytes& got, const bytes& want) {
    for (std::size_t i = 0; i < want.size(); ++i)
        if (got[i] != want[i])
            return std::to_string(i) + ": got " + std::to_string(got[i]) + ", want " + std::to_string(want[i]);
    return {};
}

// Runs `fast(in, out)` on an input and output at odd addresses against `slow(in, out)`.
template <class Fast, class Slow>
void compare(std::size_t in_size, std::size_t out_size, Fast fast, Slow slow) {
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
        const bytes buffer = test::random_input(in_size + 1, seed + 40);
        bytes want(out_size), got(out_size + 1);
        slow(buffer.data() + 1, want.data());
        fast(buffer.data() + 1, got.data() + 1);
        got.erase(got.begin());
        INFO("seed ", seed);
        CHECK(first_mismatch(got, want) == "");
    }
}

template <pool_geometry G>
void check_pools() {
    const auto in = static_cast<std::size_t>(G.in_h * G.in_w * G.channels);
    const auto out = static_cast<std::size_t>(G.out_h * G.out_w * G.channels);
    INFO("out ", G.out_h, "x", G.out_w, "x", G.channels);
    compare(in, out, kernel<portable_set, op::average_pool2d>::run<G, std::int8_t>,
            [](const std::int8_t* x, std::int8_t* y) { reference::average_pool2d(G, x, y); });
    compare(in, out, kernel<portable_set, op::max_pool2d>::run<G, std::int8_t>,
            [](const std::int8_t* x, std::int8_t* y) { reference::max_pool2d(G, x, y); });
}

TEST_CASE("average_pool2d_s8 / max_pool2d_s8 portable == reference") {
    using test::make_pool;
    SUBCASE("2x2 stride 2 VALID, even input") { check_pools<make_pool(8, 6, 4, 2, 2, 2, 2, false)>(); }
    SUBCASE("3x3 stride 2 SAME, odd input") { check_pools<make_pool(9, 7, 5, 3, 3, 2, 2, true)>(); }
    SUBCASE("3x3 stride 1 SAME, one channel") { check_pools<make_pool(5, 6, 1, 3, 3, 1, 1, true)>(); }
    SUBCASE("5x5 stride 1 SAME (padding larger than stride)") { check_pools<make_pool(6, 5, 3, 5, 5, 1, 1, true)>(); }
    SUBCASE("non-square 3x2 stride 1x2 SAME, relu clamp") {
        check_pools<make_pool(7, 8, 6, 3, 2, 1, 2, true, -20, 127)>();
    }
    SUBCASE("global 25x5 (KWS)") { check_pools<make_pool(25, 5, 64, 25, 5, 25, 5, false)>(); }
    SUBCASE("relu6-like clamp on both sides") { check_pools<make_pool(6, 6, 8, 2, 2, 2, 2, false, -100, 20)>(); }
}

template <add_params P>
void check_add() {
    using add = kernels::kernel_for<kernels::op::add>;
    const auto n = static_cast<std::size_t>(P.size);
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
        const bytes a = test::random_input(n + 1, seed + 60), b = test::random_input(n + 3, seed + 70);
        bytes want(n), got(n + 2);
        reference::add_s8(P, a.data() + 1, b.data() + 3, want.data());
        add::run<P>(a.data() + 1, b.data() + 3, got.data() + 2, P.size);
        CHECK(first_mismatch(bytes(got.begin() + 2, got.end()), want) == "");
        bytes in_place(a.begin() + 1, a.end());  // output == input1
        add::run<P>(in_place.data(), b.data() + 3, in_place.data(), P.size);
        CHECK(first_mismatch(in_place, want) == "");
        bytes in_place2(b.begin() + 3, b.end());  // output == input2
        add::run<P>(a.data() + 1, in_place2.data(), in_place2.data(), P.size);
        CHECK(first_mismatch(in_place2, want) == "");
    }
}

TEST_CASE("add_s8 portable == reference") {
    using test::make_add;
    SUBCASE("one element") { check_add<make_add(1, 0.05f, 3, 0.07f, -9, 0.1f, 1)>(); }
    SUBCASE("ResNet-8 first ADD scales") {
        check_add<make_add(1000, 0.0393935516f, -128, 0.104194961f, 4, 0.0509456731f, -128, -128, 127)>();
    }
    SUBCASE("ResNet-8 second ADD scales, relu") {
        check_add<make_add(777, 0.113118842f, 4, 0.0447614267f, -17, 0.0532362163f, -128, -128, 127)>();
    }
    SUBCASE("equal scales, odd size, clamp") { check_add<make_add(33, 0.02f, 0, 0.02f, 0, 0.03f, -5, -60, 90)>(); }
    SUBCASE("output scale much smaller (saturating)") { check_add<make_add(64, 0.5f, 10, 0.3f, -10, 0.01f, 0)>(); }
}

template <pad_params P>
void check_pad() {
    const std::size_t in = static_cast<std::size_t>(P.in_shape[0] * P.in_shape[1] * P.in_shape[2] * P.in_shape[3]);
    const auto o = reference::pad_output_shape(P);
    const std::size_t out = static_cast<std::size_t>(o[0] * o[1] * o[2] * o[3]);
    compare(in, out, kernel<portable_set, op::pad>::run<P, std::int8_t>, [](const std::int8_t* x, std::int8_t* y) { reference::pad(P, x, y); });
}

TEST_CASE("pad_s8 portable == reference") {
    SUBCASE("H and W, asymmetric") {
        check_pad<pad_params{.in_shape = {1, 5, 4, 3}, .before = {0, 1, 2, 0}, .after = {0, 2, 1, 0}, .pad_value = -128}>();
    }
    SUBCASE("only H (contiguous rows)") {
        check_pad<pad_params{.in_shape = {1, 3, 4, 2}, .before = {0, 0, 0, 0}, .after = {0, 3, 0, 0}, .pad_value = 7}>();
    }
    SUBCASE("channels and batch") {
        check_pad<pad_params{.in_shape = {2, 2, 3, 3}, .before = {1, 0, 0, 2}, .after = {0, 1, 1, 1}, .pad_value = -3}>();
    }
    SUBCASE("nothing to pad") {
        check_pad<pad_params{.in_shape = {1, 2, 2, 2}, .before = {}, .after = {}, .pad_value = 0}>();
    }
}

template <mean_params P>
void check_mean() {
    compare(static_cast<std::size_t>(P.count() * P.output_count()), static_cast<std::size_t>(P.output_count()), kernel<portable_set, op::mean>::run<P, std::int8_t>,
            [](const std::int8_t* x, std::int8_t* y) { reference::mean(P, x, y); });
}

TEST_CASE("mean_s8 portable == reference") {
    using test::make_mean;
    SUBCASE("equal quantization (rounds like any other)") { check_mean<make_mean(7, 5, 16, 0.1f, -3, 0.1f, -3)>(); }
    SUBCASE("equal scales, different zero points") { check_mean<make_mean(4, 4, 8, 0.1f, -3, 0.1f, 5)>(); }
    SUBCASE("output scale larger") { check_mean<make_mean(6, 6, 32, 0.05f, -128, 0.08f, -128)>(); }
    SUBCASE("output scale smaller (multiplier above one)") { check_mean<make_mean(3, 5, 4, 0.3f, 10, 0.1f, -7)>(); }
    SUBCASE("single pixel") { check_mean<make_mean(1, 1, 5, 0.2f, 0, 0.25f, 2)>(); }
    SUBCASE("large count (256 pixels)") { check_mean<make_mean(16, 16, 3, 0.02f, 4, 0.01f, 0)>(); }
}

TEST_CASE("mean_s8 over any axes: portable == reference") {
    using test::make_mean_axes;
    SUBCASE("last axis of 3x5x7") { check_mean<make_mean_axes({3, 5, 7}, 3, 0b100, 0.1f, 3, 0.07f, -2)>(); }
    SUBCASE("first axis of 6x4") { check_mean<make_mean_axes({6, 4}, 2, 0b01, 0.2f, -128, 0.2f, -128)>(); }
    SUBCASE("axes 0 and 2 of 3x4x5 (not contiguous: the general loop)") {
        check_mean<make_mean_axes({3, 4, 5}, 3, 0b101, 0.05f, 10, 0.01f, 0)>();
    }
    SUBCASE("every axis of 2x3x4x5x2") { check_mean<make_mean_axes({2, 3, 4, 5, 2}, 5, 0b11111, 0.3f, 7, 0.1f, 127)>(); }
    SUBCASE("size-1 axes only (count 1: a requantization)") { check_mean<make_mean_axes({1, 4, 1, 6}, 4, 0b0101, 0.3f, 7, 0.2f, -3)>(); }
    SUBCASE("rank 6, axes 1, 3, 4") { check_mean<make_mean_axes({2, 3, 2, 2, 3, 2}, 6, 0b011010, 0.02f, -9, 0.03f, 4)>(); }
}

}  // namespace
