// TRANSPOSE: hand-worked values of the reference kernel, the portable kernel's plan (merged and
// dropped dimensions, block copies), and the portable kernel against the reference on shapes
// the conformance sweep does not reach (rank 6, which TFLite Micro's Prepare refuses).
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <numeric>
#include <vector>

#include "ctnn/kernels/portable/transpose_s8.hpp"
#include "ctnn/kernels/reference/transpose_s8.hpp"

namespace {

using namespace ctnn::kernels;
using bytes = std::vector<std::int8_t>;

constexpr transpose_params params(std::initializer_list<int> shape, std::initializer_list<int> perm) {
    transpose_params p;
    p.rank = static_cast<int>(shape.size());
    int i = 0;
    for (int d : shape) p.in_shape[static_cast<std::size_t>(i++)] = d;
    i = 0;
    for (int d : perm) p.perm[static_cast<std::size_t>(i++)] = d;
    return p;
}

bytes iota_input(const transpose_params& p) {
    int n = 1;
    for (int d = 0; d < p.rank; ++d) n *= p.in_shape[static_cast<std::size_t>(d)];
    bytes in(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) in[static_cast<std::size_t>(i)] = static_cast<std::int8_t>(i * 7 - 128);
    return in;
}

template <transpose_params P>
void check_portable_matches_reference() {
    const bytes in = iota_input(P);
    bytes want(in.size()), got(in.size(), 99);
    reference::transpose(P, in.data(), want.data());
    kernel<portable_set, op::transpose>::run<P>(in.data(), got.data());
    CHECK(got == want);
}

}  // namespace

TEST_CASE("transpose reference: a 2x3 matrix and NCHW -> NHWC by hand") {
    const bytes m{1, 2, 3, 4, 5, 6};
    bytes t(6);
    reference::transpose(params({2, 3}, {1, 0}), m.data(), t.data());
    CHECK(t == bytes{1, 4, 2, 5, 3, 6});
    // 1x2x2x2 NCHW: channel 0 = 0..3, channel 1 = 10..13 -> NHWC pairs the channels per pixel.
    const bytes nchw{0, 1, 2, 3, 10, 11, 12, 13};
    bytes nhwc(8);
    reference::transpose(params({1, 2, 2, 2}, {0, 2, 3, 1}), nchw.data(), nhwc.data());
    CHECK(nhwc == bytes{0, 10, 1, 11, 2, 12, 3, 13});
}

TEST_CASE("transpose plan: size-1 dimensions dropped, in-order neighbours merged, inner runs as blocks") {
    // NCHW 1x3x224x224 -> NHWC: a 50176 x 3 gather from two dimensions.
    constexpr transpose_plan nchw = make_transpose_plan(params({1, 3, 224, 224}, {0, 2, 3, 1}));
    CHECK(nchw.rank == 2);
    CHECK(nchw.dims[0] == 50176);
    CHECK(nchw.dims[1] == 3);
    CHECK(nchw.in_stride[0] == 1);
    CHECK(nchw.in_stride[1] == 50176);
    CHECK(nchw.block == 1);
    // 2x3x4x5 with perm 1,0,2,3: dims 2 and 3 merge into a contiguous 20-byte block per step.
    constexpr transpose_plan keep_last = make_transpose_plan(params({2, 3, 4, 5}, {1, 0, 2, 3}));
    CHECK(keep_last.rank == 2);
    CHECK(keep_last.block == 20);
    // The identity, and a swap of size-1 dimensions, are one block.
    constexpr transpose_plan identity = make_transpose_plan(params({1, 4, 1, 6}, {2, 1, 0, 3}));
    CHECK(identity.rank == 0);
    CHECK(identity.block == 24);
}

TEST_CASE("transpose portable: matches the reference, ranks 1 to 6") {
    check_portable_matches_reference<params({7}, {0})>();
    check_portable_matches_reference<params({5, 9}, {1, 0})>();
    check_portable_matches_reference<params({1, 3, 6, 5}, {0, 2, 3, 1})>();
    check_portable_matches_reference<params({2, 3, 4, 5}, {1, 0, 2, 3})>();
    check_portable_matches_reference<params({2, 3, 4, 5}, {2, 3, 0, 1})>();
    check_portable_matches_reference<params({3, 1, 4, 2, 3}, {4, 2, 0, 3, 1})>();
    check_portable_matches_reference<params({2, 3, 1, 2, 3, 2}, {5, 0, 3, 4, 1, 2})>();
    check_portable_matches_reference<params({2, 2, 3, 2, 2, 3}, {0, 1, 2, 4, 3, 5})>();
    check_portable_matches_reference<params({1, 4, 1, 6}, {2, 1, 0, 3})>();
}
