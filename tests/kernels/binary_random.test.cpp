// The broadcast geometry (core/broadcast.hpp) and the binary layers' fast kernels (the build's:
// portable, or Arm DSP for MUL) against the reference walk on pseudo-random data, for every
// pattern the fast paths distinguish; and hand-worked element values of each operator.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "ctnn/ctnn.hpp"

namespace {

using namespace ctnn;

struct q1 { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = -3; };
struct q2 { static constexpr float scale = 0.02f; static constexpr std::int32_t zero_point = 10; };
struct qo { static constexpr float scale = 0.07f; static constexpr std::int32_t zero_point = 5; };

template <int... D>
using t1 = tensor_type<shape<D...>, q1>;
template <int... D>
using t2 = tensor_type<shape<D...>, q2>;

// Fast kernel and reference on 20 random records; returns the differing bytes.
template <class L, class A, class B>
int mismatches() {
    using bound = typename L::template bind<A, B>;
    std::vector<std::int8_t> a(A::size), b(B::size), fast(bound::output::size), ref(bound::output::size);
    unsigned seed = 12345;
    const auto next = [&] { return static_cast<std::int8_t>((seed = seed * 1103515245u + 12345u) >> 16); };
    int bad = 0;
    for (int record = 0; record < 20; ++record) {
        for (auto& v : a) v = next();
        for (auto& v : b) v = next();
        bound::template run<kernel_options{}>(a.data(), b.data(), fast.data(), nullptr);
        bound::run_reference(a.data(), b.data(), ref.data());
        for (std::size_t i = 0; i < fast.size(); ++i) bad += fast[i] != ref[i];
    }
    return bad;
}

template <class A, class B>
int all_operators() {
    using namespace ctnn::layers;
    return mismatches<add<qo, act::relu>, A, B>() + mismatches<sub<qo, act::relu6>, A, B>() + mismatches<mul<qo>, A, B>() +
           mismatches<mul<qo, act::relu_n1_to_1>, A, B>() + mismatches<squared_difference<qo>, A, B>() + mismatches<maximum<qo>, A, B>() +
           mismatches<minimum<qo>, A, B>() + mismatches<prelu<qo>, A, B>();
}

}  // namespace

TEST_CASE("broadcast geometry: output shape, strides and the pattern") {
    constexpr auto same = make_broadcast_geometry(std::array{2, 3}, std::array{1, 2, 3});
    CHECK(same.valid);
    CHECK(same.kind == broadcast_kind::same);
    CHECK(same.rank == 3);
    constexpr auto row = make_broadcast_geometry(std::array{1, 4, 4, 8}, std::array{8});
    CHECK(row.kind == broadcast_kind::row2);
    CHECK(row.row == 8);
    constexpr auto scalar = make_broadcast_geometry(std::array{1, 1}, std::array{3, 5});
    CHECK(scalar.kind == broadcast_kind::scalar1);
    constexpr auto outer = make_broadcast_geometry(std::array{3, 1}, std::array{1, 4});
    CHECK(outer.kind == broadcast_kind::general);
    CHECK(outer.size == 12);
    CHECK(outer.out[0] == 3);
    CHECK(outer.out[1] == 4);
    CHECK(outer.loops == 2);
    CHECK(outer.loop_stride1[0] == 1);
    CHECK(outer.loop_stride1[1] == 0);
    CHECK(outer.loop_stride2[0] == 0);
    CHECK(outer.loop_stride2[1] == 1);
    constexpr auto clash = make_broadcast_geometry(std::array{2, 3, 4}, std::array{2, 3});
    CHECK_FALSE(clash.valid);
    CHECK(clash.mismatch_axis == 1);
    CHECK_FALSE(make_broadcast_geometry(std::array{1, 1, 1, 1, 1, 1, 2}, std::array{2}).valid);  // rank 7
}

TEST_CASE("binary layers: fast kernels match the reference walk for every broadcast pattern") {
    CHECK(all_operators<t1<2, 3, 4>, t2<2, 3, 4>>() == 0);        // same
    CHECK(all_operators<t1<2, 3, 4>, t2<1, 1, 1>>() == 0);        // scalar2
    CHECK(all_operators<t1<1>, t2<5, 7>>() == 0);                 // scalar1
    CHECK(all_operators<t1<3, 5, 7>, t2<7>>() == 0);              // row2 (per-channel)
    CHECK(all_operators<t1<1, 1, 9>, t2<2, 2, 9>>() == 0);        // row1
    CHECK(all_operators<t1<3, 1>, t2<1, 4>>() == 0);              // outer product
    CHECK(all_operators<t1<2, 3, 1, 5>, t2<3, 4, 1>>() == 0);     // general, lower rank
    using a5 = t1<2, 1, 2, 1, 3>;  // alternating, rank 5 (SQUARED_DIFFERENCE and PRELU stop at 4)
    using b5 = t2<1, 2, 1, 2, 1>;
    CHECK(mismatches<layers::sub<qo>, a5, b5>() + mismatches<layers::mul<qo>, a5, b5>() + mismatches<layers::maximum<qo>, a5, b5>() == 0);
    CHECK(mismatches<layers::add<qo>, t1<2, 1, 2, 1, 2, 3>, t2<1, 2, 1, 2, 1, 3>>() == 0);  // rank 6
}

TEST_CASE("binary elements: hand-worked values") {
    using namespace ctnn::kernels;
    // MUL: (20 - (-3)) * (50 - 10) = 920; s1 s2 / s_out = 0.05 * 0.02 / 0.07 = 0.0142857...; 920 * that = 13.14 -> 13, + 5.
    constexpr mul_params m = make_mul_params(0.05f, -3, 0.02f, 10, 0.07f, 5, {});
    CHECK(reference::binary_element(m, 20, 50) == 18);
    // PRELU: x = -7 (zp 0, s 0.1), alpha = 64 (zp 0, s 1/128): -0.7 * 0.5 = -0.35 -> /0.05 = -7.
    constexpr prelu_params p = make_prelu_params(0.1f, 0, 1.0f / 128, 0, 0.05f, 0);
    CHECK(reference::binary_element(p, -7, 64) == -7);
    CHECK(reference::binary_element(p, 7, 64) == 14);  // the identity side: 0.7 / 0.05
    // MAXIMUM / MINIMUM compare raw values.
    CHECK(reference::binary_element(maximum_params{}, -5, 3) == 3);
    CHECK(reference::binary_element(minimum_params{}, -5, 3) == -5);
    // SQUARED_DIFFERENCE, equal scales 0.1, zps 0, output 0.1: (2.0 - 0.5)^2 = 2.25 -> 22.5 -> 23 (away from zero).
    constexpr squared_difference_params d = make_squared_difference_params(0.1f, 0, 0.1f, 0, 0.1f, 0);
    CHECK(reference::binary_element(d, 20, 5) == 23);
    // SUB, equal scales, output 0.1: 2.0 - 0.5 = 1.5 -> 15.
    constexpr sub_params s = make_sub_params(0.1f, 0, 0.1f, 0, 0.1f, 0, {});
    CHECK(reference::binary_element(s, 20, 5) == 15);
}
