// Data movement I: hand-worked outputs of the layers (STRIDED_SLICE, SLICE, BROADCAST_TO,
// GATHER, MIRROR_PAD, PADV2's fill), their fast kernels against the reference kernels on
// pseudo-random data, and the strided copy's folding of dimensions.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "ctnn/ctnn.hpp"

namespace {

using namespace ctnn;
using bytes = std::vector<std::int8_t>;

struct q {
    static constexpr float scale = 0.25f;
    static constexpr std::int32_t zero_point = -5;
};

// The input 0, 1, 2, ... (or pseudo-random) through both kernels of layer L; the two must agree.
template <class L, class InShape>
bytes run_both(bool random = false) {
    using in_t = tensor_type<InShape, q>;
    using b = typename L::template bind<in_t>;
    bytes in(in_t::size), fast(b::output::size, 99), ref(b::output::size, 77);
    std::uint32_t s = 12345;
    for (std::size_t i = 0; i < in.size(); ++i) {
        s = s * 1664525u + 1013904223u;
        in[i] = static_cast<std::int8_t>(random ? static_cast<int>(s >> 24) - 128 : static_cast<int>(i));
    }
    b::template run<kernel_options{}>(in.data(), fast.data(), nullptr);
    b::run_reference(in.data(), ref.data());
    CHECK(fast == ref);
    return fast;
}

}  // namespace

TEST_CASE("strided_slice: hand-worked, forwards, backwards, rows and single elements") {
    // 2x3x4 (x = 12 i + 4 j + k): i = 1; j = 2, 1 (stride -1); k = 0, 3.
    using backwards = layers::strided_slice<slice_begin<1, 2, 0>, slice_size<1, 2, 2>, slice_strides<1, -1, 3>, shape<2, 2>>;
    CHECK(run_both<backwards, shape<2, 3, 4>>() == bytes{20, 23, 16, 19});
    // Whole rows: one run per selected row.
    using rows = layers::slice<slice_begin<1, 0>, slice_size<2, 4>>;
    CHECK(run_both<rows, shape<3, 4>>() == bytes{4, 5, 6, 7, 8, 9, 10, 11});
    using column = layers::strided_slice<slice_begin<0, 3>, slice_size<3, 1>, slice_strides<1, 1>, shape<3>>;
    CHECK(run_both<column, shape<3, 4>>() == bytes{3, 7, 11});
    run_both<layers::strided_slice<slice_begin<1, 0, 4, 1, 2>, slice_size<1, 2, 3, 2, 1>, slice_strides<1, 1, -2, 2, 1>, shape<2, 3, 2>>, shape<2, 2, 5, 4, 3>>(true);
}

TEST_CASE("broadcast_to: hand-worked and against the reference") {
    // 3x1 -> 2x3x2: each value repeated along the last dimension, the whole repeated twice.
    CHECK(run_both<layers::broadcast_to<shape<2, 3, 2>>, shape<3, 1>>() == bytes{0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2});
    CHECK(run_both<layers::broadcast_to<shape<2, 3>>, shape<3>>() == bytes{0, 1, 2, 0, 1, 2});
    run_both<layers::broadcast_to<shape<2, 3, 4, 2, 5>>, shape<3, 1, 2, 1>>(true);
    run_both<layers::broadcast_to<shape<1, 4>>, shape<1, 1>>(true);
}

TEST_CASE("gather: hand-worked, runs of consecutive indices, negative axis") {
    // 3x4 along axis -1 (columns): 3, 0, 1, 2 -> columns in that order.
    CHECK(run_both<layers::gather<-1, gather_indices<3, 0, 1, 2>, shape<3, 2, 2>>, shape<3, 4>>() == bytes{3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10});
    CHECK(run_both<layers::gather<0, gather_indices<2, 2, 0>, shape<3, 2>>, shape<3, 2>>() == bytes{4, 5, 4, 5, 0, 1});
    run_both<layers::gather<1, gather_indices<1, 2, 3, 0, 0>, shape<2, 5, 3>>, shape<2, 4, 3>>(true);
}

TEST_CASE("mirror_pad: REFLECT and SYMMETRIC, hand-worked") {
    // abc = 0 1 2 padded 2 before, 1 after: REFLECT 2 1 | 0 1 2 | 1, SYMMETRIC 1 0 | 0 1 2 | 2.
    CHECK(run_both<layers::mirror_pad<paddings<2, 1>, mirror_mode::reflect>, shape<3>>() == bytes{2, 1, 0, 1, 2, 1});
    CHECK(run_both<layers::mirror_pad<paddings<2, 1>, mirror_mode::symmetric>, shape<3>>() == bytes{1, 0, 0, 1, 2, 2});
    // 2x2 rows mirrored too: SYMMETRIC 1 before in both dims.
    CHECK(run_both<layers::mirror_pad<paddings<1, 0, 1, 0>, mirror_mode::symmetric>, shape<2, 2>>() == bytes{0, 0, 1, 0, 0, 1, 2, 2, 3});
    run_both<layers::mirror_pad<paddings<1, 1, 0, 2, 2, 0, 1, 1, 0, 3>, mirror_mode::reflect>, shape<2, 3, 3, 2, 4>>(true);
    run_both<layers::mirror_pad<paddings<2, 2, 1, 3>, mirror_mode::symmetric>, shape<2, 3>>(true);
}

TEST_CASE("pad: PADV2's fill value, not the zero point") {
    CHECK(run_both<layers::pad<paddings<1, 2>, fill_value<-7>>, shape<2>>() == bytes{-7, 0, 1, -7, -7});
    CHECK(run_both<layers::pad<paddings<1, 0>>, shape<2>>() == bytes{-5, 0, 1});
}

TEST_CASE("strided copy: dimensions fold into long runs") {
    using kernels::simplified_copy, kernels::strided_copy_params;
    // Rows 1-2 of a 3x4: one run of 8 from element 4.
    constexpr strided_copy_params rows = kernels::slice_copy(2, {3, 4}, {1, 0}, {1, 1}, {2, 4});
    static_assert(simplified_copy(rows).count == std::array<int, 5>{1, 1, 1, 1, 8} && simplified_copy(rows).step[4] == 1 && rows.first == 4);
    // A broadcast of a whole 1x1 to 2x3: one fill of 6.
    constexpr strided_copy_params fill = kernels::broadcast_copy(2, {1, 1}, 2, {2, 3});
    static_assert(simplified_copy(fill).count[4] == 6 && simplified_copy(fill).step[4] == 0);
    // Every second column of a 3x4 is every second element: one run of 6 by 2.
    constexpr strided_copy_params even = kernels::slice_copy(2, {3, 4}, {0, 0}, {1, 2}, {3, 2});
    static_assert(simplified_copy(even).count == std::array<int, 5>{1, 1, 1, 1, 6} && simplified_copy(even).step[4] == 2);
    // Of a 3x5 it is not: rows of 3 by 2, 5 apart.
    constexpr strided_copy_params odd = kernels::slice_copy(2, {3, 5}, {0, 0}, {1, 2}, {3, 3});
    static_assert(simplified_copy(odd).count == std::array<int, 5>{1, 1, 1, 3, 3} && simplified_copy(odd).step[3] == 5);
}
