// The spatial operators: hand-worked values of the reference kernels and the layers' portable
// kernels against them. Each expected output was worked out from TFLite's formulas
// (kernels/reference/*_s8.hpp) and checked once against TFLM's reference kernels
// (../shared/tools/tflm-ref, one small model per case), which agree.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "ctnn/ctnn.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using bytes = std::vector<std::int8_t>;

struct q5 {
    static constexpr float scale = 0.5f;
    static constexpr std::int32_t zero_point = 5;
};

// The layer's fast kernel and its reference kernel on `in`: both must give `want`.
template <class Layer, class In>
void check_layer(const bytes& in, const bytes& want) {
    using bound = typename Layer::template bind<In>;
    bytes fast(bound::output::size, 99), slow(bound::output::size, 99);
    bound::template run<kernel_options{}>(in.data(), fast.data(), nullptr);
    bound::run_reference(in.data(), slow.data());
    CHECK(fast == want);
    CHECK(slow == want);
}

}  // namespace

// Width 2 -> 3: scale_10 = (2048 + 1) / 3 = 683. Column 1: source 683, columns 0 and 1 with
// weight 683: (10 * 341 + 40 * 683) * 1024 / 2^20 = 30.0098 -> 30. Column 2: source 1366, lower
// 1, upper clamped to 1: 40.
// Width 2 -> 4 with half_pixel_centers: scale_10 = 512, sources -256 (lower and upper 0, weight
// -256: the value itself), 256, 768, 1280 (lower 1): 10, 17.5 -> 18, 32.5 -> 33, 40; halves round
// away from zero, so the negated input gives the negated output.
TEST_CASE("resize_bilinear: TFLite's 10-bit fixed point, halves away from zero") {
    static_assert(bilinear_scale_10(2, 3, false) == 683 && bilinear_scale_10(2, 4, false) == 512);
    static_assert(bilinear_source(0, 512, true, 2).weight == -256 && bilinear_source(0, 512, true, 2).upper == 0);
    check_layer<layers::resize_bilinear<1, 3>, tensor_type<shape<1, 1, 2, 1>, q5>>({10, 40}, {10, 30, 40});
    check_layer<layers::resize_bilinear<1, 4, false, true>, tensor_type<shape<1, 1, 2, 1>, q5>>({10, 40}, {10, 18, 33, 40});
    check_layer<layers::resize_bilinear<1, 4, false, true>, tensor_type<shape<1, 1, 2, 1>, q5>>({-10, -40}, {-10, -18, -33, -40});
    // 1 -> 44 rows reads inside the input; 1 -> 95 would not (round(1024 / 95) = 11, 94 * 11 >= 1024).
    static_assert(bilinear_reads_inside(1, 44, false, false) && !bilinear_reads_inside(1, 95, false, false));
}

// Height 3 -> 5. align_corners: scale 2/4, rows round(0, .5, 1, 1.5, 2) = 0 1 1 2 2 (halves up).
// Plain: scale 0.6, floor(0, .6, 1.2, 1.8, 2.4) = 0 0 1 1 2. half_pixel_centers: floor((y + .5) *
// 0.6) = 0 0 1 2 2. Both: round((y + .5) * .5) = 0 1 1 2 2.
TEST_CASE("resize_nearest_neighbor: TFLite's source rows for every option") {
    using in = tensor_type<shape<1, 3, 1, 1>, q5>;
    check_layer<layers::resize_nearest_neighbor<5, 1, true, false>, in>({0, 1, 2}, {0, 1, 1, 2, 2});
    check_layer<layers::resize_nearest_neighbor<5, 1, false, false>, in>({0, 1, 2}, {0, 0, 1, 1, 2});
    check_layer<layers::resize_nearest_neighbor<5, 1, false, true>, in>({0, 1, 2}, {0, 0, 1, 2, 2});
    check_layer<layers::resize_nearest_neighbor<5, 1, true, true>, in>({0, 1, 2}, {0, 1, 1, 2, 2});
}

TEST_CASE("depth_to_space, space_to_depth: a pixel's channels are its block, row by row") {
    check_layer<layers::depth_to_space<2>, tensor_type<shape<1, 1, 1, 4>, q5>>({1, 2, 3, 4}, {1, 2, 3, 4});
    check_layer<layers::depth_to_space<2>, tensor_type<shape<1, 1, 2, 4>, q5>>({1, 2, 3, 4, 5, 6, 7, 8}, {1, 2, 5, 6, 3, 4, 7, 8});
    check_layer<layers::space_to_depth<2>, tensor_type<shape<1, 2, 4, 1>, q5>>({1, 2, 5, 6, 3, 4, 7, 8}, {1, 2, 3, 4, 5, 6, 7, 8});
}

// 3x3 image 1..9 padded by one row on top and one column on the left, block 2x2: batch
// (sy * 2 + sx) holds padded pixels (2y + sy, 2x + sx). The padding is raw 0 although the zero
// point is 5, as TFLM fills it; BATCH_TO_SPACE_ND with the same crops gives the image back.
TEST_CASE("space_to_batch_nd, batch_to_space_nd: TFLM's padding and the inverse") {
    const bytes image{1, 2, 3, 4, 5, 6, 7, 8, 9};
    const bytes batches{0, 0, 0, 5, 0, 0, 4, 6, 0, 2, 0, 8, 1, 3, 7, 9};
    check_layer<layers::space_to_batch_nd<block_shape<2, 2>, paddings<1, 0, 1, 0>>, tensor_type<shape<1, 3, 3, 1>, q5>>(image, batches);
    check_layer<layers::batch_to_space_nd<block_shape<2, 2>, crops<1, 0, 1, 0>>, tensor_type<shape<4, 2, 2, 1>, q5>>(batches, image);
    // NHC: block 2 over H only.
    check_layer<layers::space_to_batch_nd<block_shape<2>, paddings<0, 1>>, tensor_type<shape<1, 3, 1>, q5>>({1, 2, 3}, {1, 3, 2, 0});
}
