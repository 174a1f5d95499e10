// DEPTH_TO_SPACE, SPACE_TO_DEPTH, SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND, RESIZE_NEAREST_NEIGHBOR
// and RESIZE_BILINEAR in the converter: the layer each becomes, and each rejection, with exit
// status 2 and the message naming the operator, the tensor and the rule.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

constexpr int DEPTH_TO_SPACE = 5, RESIZE_BILINEAR = 23, SPACE_TO_DEPTH = 26, BATCH_TO_SPACE_ND = 37, SPACE_TO_BATCH_ND = 38,
              RESIZE_NEAREST_NEIGHBOR = 97;
constexpr std::uint8_t ResizeBilinearOptions = 15, SpaceToDepthOptions = 19, BatchToSpaceNDOptions = 24, SpaceToBatchNDOptions = 25,
                       ResizeNearestNeighborOptions = 74, DepthToSpaceOptions = 94;

// x -> OP -> y, with the same quantization unless `out_zp` differs.
model block_model(int builtin, std::uint8_t options, std::vector<std::int32_t> in, std::vector<std::int32_t> out, int block,
                  std::int64_t out_zp = -3) {
    model m;
    m.add_tensor({"x", std::move(in), INT8, 0, {0.05f}, {-3}, 0, {}});
    m.add_tensor({"y", std::move(out), INT8, 0, {0.05f}, {out_zp}, 0, {}});
    op o{m.code(builtin), {0}, {1}, options, true, {}};
    o.options.scalar<std::int32_t>(0, block);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {1};
    return m;
}

model batch_model(int builtin, std::vector<std::int32_t> in, std::vector<std::int32_t> out, std::vector<std::int32_t> block,
                  std::vector<std::int32_t> amounts) {
    model m;
    const int spatial = static_cast<int>(block.size());
    m.add_tensor({"x", std::move(in), INT8, 0, {0.05f}, {-3}, 0, {}});
    m.add_tensor({"block", {spatial}, INT32, m.add_buffer(block), {}, {}, 0, {}});
    m.add_tensor({"amounts", {static_cast<int>(amounts.size()) / 2, 2}, INT32, m.add_buffer(amounts), {}, {}, 0, {}});
    m.add_tensor({"y", std::move(out), INT8, 0, {0.05f}, {-3}, 0, {}});
    m.ops.push_back({m.code(builtin), {0, 1, 2}, {3}, builtin == SPACE_TO_BATCH_ND ? SpaceToBatchNDOptions : BatchToSpaceNDOptions, true, {}});
    m.inputs = {0};
    m.outputs = {3};
    return m;
}

model resize_model(bool bilinear, std::vector<std::int32_t> in, std::vector<std::int32_t> size, bool align, bool half) {
    model m;
    m.add_tensor({"x", in, INT8, 0, {0.05f}, {-3}, 0, {}});
    m.add_tensor({"size", {static_cast<int>(size.size())}, INT32, m.add_buffer(size), {}, {}, 0, {}});
    const std::vector<std::int32_t> out{in[0], size.empty() ? 1 : size[0], size.size() < 2 ? 1 : size[1], in[3]};
    m.add_tensor({"y", out, INT8, 0, {0.05f}, {-3}, 0, {}});
    op o{m.code(bilinear ? RESIZE_BILINEAR : RESIZE_NEAREST_NEIGHBOR), {0, 1}, {2}, bilinear ? ResizeBilinearOptions : ResizeNearestNeighborOptions,
         true, {}};
    const int first = bilinear ? 2 : 0;
    o.options.scalar<bool>(first, align).scalar<bool>(first + 1, half);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    return m;
}

void expect_layer(const model& m, const std::string& layer) {
    const auto r = convert(build(m));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find(layer) != std::string::npos);
}

}  // namespace

TEST_CASE("depth_to_space, space_to_depth: the layer and its rules") {
    expect_layer(block_model(DEPTH_TO_SPACE, DepthToSpaceOptions, {2, 2, 3, 8}, {2, 4, 6, 2}, 2), "ctnn::layers::depth_to_space<2>");
    expect_layer(block_model(SPACE_TO_DEPTH, SpaceToDepthOptions, {1, 6, 3, 2}, {1, 2, 1, 18}, 3), "ctnn::layers::space_to_depth<3>");
    expect_rejected(block_model(DEPTH_TO_SPACE, DepthToSpaceOptions, {1, 2, 3, 8}, {1, 2, 3, 8}, 0),
                    "operator #0 DEPTH_TO_SPACE: unsupported option: block_size 0; must be at least 1");
    expect_rejected(block_model(DEPTH_TO_SPACE, DepthToSpaceOptions, {1, 2, 3, 6}, {1, 4, 6, 1}, 2),
                    "operator #0 DEPTH_TO_SPACE: input tensor 'x' has 6 channels, not a multiple of block_size^2 = 4");
    expect_rejected(block_model(DEPTH_TO_SPACE, DepthToSpaceOptions, {2, 3, 8}, {4, 6, 2}, 2),
                    "operator #0 DEPTH_TO_SPACE: input tensor 'x' has shape 2x3x8; expected 4-D");
    expect_rejected(block_model(SPACE_TO_DEPTH, SpaceToDepthOptions, {1, 5, 4, 2}, {1, 2, 2, 8}, 2),
                    "operator #0 SPACE_TO_DEPTH: input tensor 'x' is 1x5x4x2; its height and width must be multiples of block_size 2");
    expect_rejected(block_model(SPACE_TO_DEPTH, SpaceToDepthOptions, {1, 4, 4, 2}, {1, 2, 2, 4}, 2),
                    "operator #0 SPACE_TO_DEPTH: output tensor 'y' has shape 1x2x2x4, but the computed shape is 1x2x2x8");
    expect_rejected(block_model(DEPTH_TO_SPACE, DepthToSpaceOptions, {1, 1, 1, 4}, {1, 2, 2, 1}, 2, 5),
                    "operator #0 DEPTH_TO_SPACE: input and output quantization differ (scale 0.0500000007 zp -3 vs scale 0.0500000007 zp 5); ctnn requires them equal");
}

TEST_CASE("space_to_batch_nd, batch_to_space_nd: ranks 3 and 4, the layer and its rules") {
    expect_layer(batch_model(SPACE_TO_BATCH_ND, {1, 3, 5, 2}, {6, 2, 2, 2}, {2, 3}, {1, 0, 0, 1}),
                 "ctnn::layers::space_to_batch_nd<ctnn::block_shape<2, 3>, ctnn::paddings<1, 0, 0, 1>>");
    expect_layer(batch_model(BATCH_TO_SPACE_ND, {4, 3, 2}, {2, 5, 2}, {2}, {1, 0}), "ctnn::layers::batch_to_space_nd<ctnn::block_shape<2>, ctnn::crops<1, 0>>");
    expect_rejected(batch_model(SPACE_TO_BATCH_ND, {1, 3, 5, 2}, {4, 2, 3, 2}, {2, 2}, {0, 0, 0, 1}),
                    "operator #0 SPACE_TO_BATCH_ND: padded size 3 of spatial dimension 0 (input tensor 'x') is not a multiple of its block 2");
    expect_rejected(batch_model(SPACE_TO_BATCH_ND, {1, 4, 2}, {2, 2, 2}, {2, 1}, {0, 0, 0, 0}),
                    "operator #0 SPACE_TO_BATCH_ND: block_shape tensor 'block' has shape 2; expected 1");
    expect_rejected(batch_model(SPACE_TO_BATCH_ND, {1, 4, 2, 2, 1}, {1, 4, 2, 2, 1}, {1, 1, 1}, {0, 0, 0, 0, 0, 0}),
                    "operator #0 SPACE_TO_BATCH_ND: input tensor 'x' has shape 1x4x2x2x1; expected rank 3 (NHC) or 4 (NHWC)");
    expect_rejected(batch_model(SPACE_TO_BATCH_ND, {1, 4, 4, 2}, {4, 2, 2, 2}, {2, 0}, {0, 0, 0, 0}),
                    "operator #0 SPACE_TO_BATCH_ND: block_shape[1] is 0; must be at least 1");
    expect_rejected(batch_model(BATCH_TO_SPACE_ND, {3, 2, 2, 1}, {1, 4, 4, 1}, {2, 2}, {0, 0, 0, 0}),
                    "operator #0 BATCH_TO_SPACE_ND: input tensor 'x' has batch 3, not a multiple of the block's size 4");
    expect_rejected(batch_model(BATCH_TO_SPACE_ND, {4, 1, 2, 1}, {1, 1, 4, 1}, {2, 2}, {1, 1, 0, 0}),
                    "operator #0 BATCH_TO_SPACE_ND: crops 1, 1 of spatial dimension 0 leave nothing of its size 2 (input tensor 'x' times block 2)");
    expect_rejected(batch_model(BATCH_TO_SPACE_ND, {4, 2, 2, 1}, {1, 4, 4, 1}, {2, 2}, {-1, 0, 0, 0}),
                    "operator #0 BATCH_TO_SPACE_ND: crops of spatial dimension 0 are -1, 0; must be non-negative and at most 2^20");
}

TEST_CASE("resize_nearest_neighbor, resize_bilinear: the layer and its rules") {
    expect_layer(resize_model(false, {1, 3, 4, 2}, {7, 2}, true, true), "ctnn::layers::resize_nearest_neighbor<7, 2, true, true>");
    expect_layer(resize_model(true, {2, 3, 4, 2}, {5, 9}, false, true), "ctnn::layers::resize_bilinear<5, 9, false, true>");
    expect_rejected(resize_model(true, {1, 3, 4, 2}, {7, 2}, true, true),
                    "operator #0 RESIZE_BILINEAR: unsupported options: align_corners with half_pixel_centers; TFLite allows one of them");
    expect_rejected(resize_model(false, {1, 3, 4, 2}, {7}, false, false), "operator #0 RESIZE_NEAREST_NEIGHBOR: size tensor 'size' has shape 1; expected 2");
    expect_rejected(resize_model(false, {1, 3, 4, 2}, {0, 2}, false, false),
                    "operator #0 RESIZE_NEAREST_NEIGHBOR: resizing height 3 (input tensor 'x') to 0 (size tensor 'size'): ctnn resizes sizes of 1 "
                    "to 65536");
    expect_rejected(resize_model(true, {1, 70000, 1, 1}, {2, 1}, false, false),
                    "operator #0 RESIZE_BILINEAR: resizing height 70000 (input tensor 'x') to 2 (size tensor 'size'): ctnn resizes sizes of 1 to 65536");
    // 1 -> 95 rows: round(1024 / 95) = 11, and 94 * 11 >= 1024 puts the last rows' source past the input.
    expect_rejected(resize_model(true, {1, 1, 2, 1}, {95, 2}, false, false),
                    "operator #0 RESIZE_BILINEAR: resizing height 1 to 95: TFLite's rounded 10-bit scale puts the last output rows' source past "
                    "the input, where its kernel reads outside the tensor; ctnn refuses this upscale");
    auto rank3 = resize_model(false, {1, 3, 4, 2}, {7, 2}, false, false);
    rank3.tensors[0].shape = {3, 4, 2};
    expect_rejected(rank3, "operator #0 RESIZE_NEAREST_NEIGHBOR: input tensor 'x' has shape 3x4x2; expected 4-D");
}
