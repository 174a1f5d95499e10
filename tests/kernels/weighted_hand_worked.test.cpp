// TRANSPOSE_CONV and BATCH_MATMUL: hand-worked values, each derived from the operator's
// definition (kernels/transpose_conv_params.hpp, kernels/batch_matmul_params.hpp) with scales
// of 1 (multiplier exactly 1), through the reference kernels and the layers' fast kernels; and
// TFLite's padding arithmetic for TRANSPOSE_CONV, including its VALID corner.
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/layers/batch_matmul.hpp"
#include "ctnn/layers/transpose_conv2d.hpp"

namespace {

using namespace ctnn;
using bytes = std::vector<std::int8_t>;

struct one {
    static constexpr float scale = 1.0f;
    static constexpr std::int32_t zero_point = 0;
};
struct zp1 {
    static constexpr float scale = 1.0f;
    static constexpr std::int32_t zero_point = 1;
};

// Output shape from options.
struct ones_2x2 {
    using weight_shape = shape<1, 2, 2, 1>;  // OHWI
    static constexpr std::int8_t weights[4] = {1, 1, 1, 1};
    static constexpr float weight_scales[1] = {1.0f};
    static constexpr std::int32_t bias[1] = {10};
};

// Fast and reference kernels of a one-input bound layer B on `in`.
template <class B>
std::array<bytes, 2> run_both(const bytes& in) {
    bytes fast(B::output::size), ref(B::output::size);
    alignas(4) std::array<std::byte, B::facts.scratch_bytes + 4> scratch{};
    B::template run<kernel_options{}>(in.data(), fast.data(), scratch.data());
    B::run_reference(in.data(), ref.data());
    return {fast, ref};
}

}  // namespace

TEST_CASE("transpose_conv: TFLite's padding, from the output size") {
    using kernels::transpose_conv_padding;
    CHECK(transpose_conv_padding(true, 4, 3, 2) == 0);   // size 2: (2 - 1) * 2 + 3 - 4 = 1, halved
    CHECK(transpose_conv_padding(true, 5, 3, 2) == 1);   // size 3: 4 + 3 - 5 = 2
    CHECK(transpose_conv_padding(false, 7, 3, 2) == 0);  // the usual VALID output: (3 - 1) * 2 + 3
    // VALID with a kernel larger than the output: size (1 + 3 - 6) / 3 = 0 (C division), total
    // (0 - 1) * 3 + 6 - 1 = 2: TFLite pads by 1.
    CHECK(transpose_conv_padding(false, 1, 6, 3) == 1);
}

// Stride 2 and a 2x2 kernel of ones, VALID: every output pixel receives exactly one input pixel,
// out[y][x] = x[y / 2][x / 2] + bias.
TEST_CASE("transpose_conv: a 2x2 kernel of ones at stride 2 copies each input pixel into a 2x2 block") {
    using tc = layers::transpose_conv2d<ones_2x2, one, shape<1, 4, 4, 1>, stride<2, 2>, padding::valid>::bind<tensor_type<shape<1, 2, 2, 1>, one>>;
    const bytes want = {11, 11, 12, 12, 11, 11, 12, 12, 13, 13, 14, 14, 13, 13, 14, 14};
    const auto got = run_both<tc>({1, 2, 3, 4});
    CHECK(got[0] == want);
    CHECK(got[1] == want);
    // SAME at stride 2 gives the same 4x4 output with no padding: (2 - 1) * 2 + 2 - 4 = 0.
    using same = layers::transpose_conv2d<ones_2x2, one, shape<1, 4, 4, 1>, stride<2, 2>, padding::same>::bind<tensor_type<shape<1, 2, 2, 1>, one>>;
    CHECK(run_both<same>({1, 2, 3, 4})[0] == want);
    // Stride 1: each output sums the inputs whose 2x2 footprint covers it (3x3 output, VALID).
    using dense = layers::transpose_conv2d<ones_2x2, one, shape<1, 3, 3, 1>, stride<1, 1>, padding::valid>::bind<tensor_type<shape<1, 2, 2, 1>, one>>;
    const bytes sums = {11, 13, 12, 14, 20, 16, 13, 17, 14};
    CHECK(run_both<dense>({1, 2, 3, 4})[0] == sums);
    CHECK(run_both<dense>({1, 2, 3, 4})[1] == sums);
}

struct rhs_3x2 {
    using shape = ctnn::shape<3, 2>;
    using quant = one;
    static constexpr std::int8_t values[6] = {1, 0, 0, 1, 1, 1};
};

// lhs [[1, 2, 3], [4, 5, 6]] with zero point 1 is [[0, 1, 2], [3, 4, 5]]; times [[1, 0], [0, 1],
// [1, 1]]: [[2, 3], [8, 9]].
TEST_CASE("batch_matmul: zero points, a constant rhs, adj_y and broadcasting") {
    using in = tensor_type<shape<2, 3>, zp1>;
    using mm = layers::batch_matmul_constant<rhs_3x2, one>::bind<in>;
    static_assert(std::is_same_v<mm::output::shape, shape<2, 2>>);
    const auto got = run_both<mm>({1, 2, 3, 4, 5, 6});
    CHECK(got[0] == bytes{2, 3, 8, 9});
    CHECK(got[1] == bytes{2, 3, 8, 9});

    // x times its own transpose (adj_y, both operands activations): [[0, 1, 2], [3, 4, 5]] gives
    // [[5, 14], [14, 50]].
    using gram = layers::batch_matmul<one, false, true>::bind<in, in>;
    const bytes x = {1, 2, 3, 4, 5, 6};
    bytes fast(4), ref(4);
    alignas(4) std::array<std::byte, gram::facts.scratch_bytes + 4> scratch{};
    gram::run<kernel_options{}>(x.data(), x.data(), fast.data(), scratch.data());
    gram::run_reference(x.data(), x.data(), ref.data());
    CHECK(fast == bytes{5, 14, 14, 50});
    CHECK(ref == bytes{5, 14, 14, 50});

    // A batch of two lhs matrices against the one rhs: the rhs broadcasts.
    using batched = layers::batch_matmul_constant<rhs_3x2, one>::bind<tensor_type<shape<2, 1, 3>, zp1>>;
    static_assert(std::is_same_v<batched::output::shape, shape<2, 1, 2>>);
    CHECK(run_both<batched>({1, 2, 3, 4, 5, 6})[0] == bytes{2, 3, 8, 9});
}
