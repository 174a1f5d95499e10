// TRANSPOSE_CONV and BATCH_MATMUL in the converter: what each accepts and each rejection, with
// exit status 2 and the message naming the operator, the tensor and the rule.
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

constexpr int TRANSPOSE_CONV = 67, BATCH_MATMUL = 126;
constexpr std::uint8_t TransposeConvOptions = 49, BatchMatMulOptions = 101;

// x 1x3x3x2 -> TRANSPOSE_CONV (3 outputs, kernel 2x2, stride 2, SAME) -> y 1x6x6x3.
model transpose_conv_model(std::vector<std::int32_t> out_shape = {1, 6, 6, 3}) {
    model m;
    m.add_tensor({"output_shape", {4}, INT32, m.add_buffer(out_shape), {}, {}, 0, {}});
    m.add_tensor({"w", {3, 2, 2, 2}, INT8, m.add_buffer(std::vector<std::int8_t>(24, 3)), {0.01f, 0.02f, 0.03f}, {0, 0, 0}, 0, {}});
    m.add_tensor({"x", {1, 3, 3, 2}, INT8, 0, {0.05f}, {-3}, 0, {}});
    m.add_tensor({"b", {3}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 2, 3}), {0.0005f, 0.001f, 0.0015f}, {0, 0, 0}, 0, {}});
    m.add_tensor({"y", out_shape, INT8, 0, {0.1f}, {5}, 0, {}});
    op o{m.code(TRANSPOSE_CONV), {0, 1, 2, 3}, {4}, TransposeConvOptions, true, {}};
    o.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 2).scalar<std::int32_t>(2, 2);
    m.ops.push_back(o);
    m.inputs = {2};
    m.outputs = {4};
    return m;
}

// x 2x3x4 -> BATCH_MATMUL with a constant rhs 4x5 (or rhs = x, adj_y) -> y.
model batch_matmul_model(bool constant = true) {
    model m;
    m.add_tensor({"x", {2, 3, 4}, INT8, 0, {0.05f}, {-3}, 0, {}});
    if (constant) {
        m.add_tensor({"r", {4, 5}, INT8, m.add_buffer(std::vector<std::int8_t>(20, -7)), {0.02f}, {4}, 0, {}});
        m.add_tensor({"y", {2, 3, 5}, INT8, 0, {0.1f}, {5}, 0, {}});
    } else {
        m.add_tensor({"y", {2, 3, 3}, INT8, 0, {0.1f}, {5}, 0, {}});
    }
    op o{m.code(BATCH_MATMUL), {0, constant ? 1 : 0}, {constant ? 2 : 1}, BatchMatMulOptions, true, {}};
    o.options.scalar<bool>(0, false).scalar<bool>(1, !constant);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {constant ? 2 : 1};
    return m;
}

}  // namespace

TEST_CASE("transpose_conv: converts, with or without bias") {
    const auto r = convert(build(transpose_conv_model()));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("ctnn::layers::transpose_conv2d<w::tconv1, q::t1, ctnn::shape<1, 6, 6, 3>, ctnn::stride<2, 2>, ctnn::padding::same, ctnn::act::none>") !=
          std::string::npos);
    auto no_bias = transpose_conv_model();
    no_bias.ops[0].inputs = {0, 1, 2};
    CHECK(convert(build(no_bias)).status == 0);
}

TEST_CASE("transpose_conv: an output_shape given as a model input becomes a fixed input holding the output's shape") {
    auto m = transpose_conv_model();
    m.tensors[0].buffer = 0;
    m.inputs = {0, 2};
    const auto r = convert(build(m));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("ctnn::fixed_input<ctnn::shape<4>, ctnn::int32, w::fixed0>") != std::string::npos);
    CHECK(r.out.find("static constexpr std::int32_t values[4] = {1, 6, 6, 3};") != std::string::npos);
    auto int8_shape = m;
    int8_shape.tensors[0] = {"output_shape", {4}, INT8, 0, {0.5f}, {0}, 0, {}};
    expect_rejected(int8_shape, "operator #0 TRANSPOSE_CONV: output_shape tensor 'output_shape' is int8; expected int32");
    auto rank = m;
    rank.tensors[0].shape = {2, 2};
    expect_rejected(rank, "operator #0 TRANSPOSE_CONV: output_shape tensor 'output_shape' has shape 2x2; expected [4]");
}

TEST_CASE("transpose_conv: rejections name the operator, the tensor and the rule") {
    expect_rejected(transpose_conv_model({1, 6, 6, 4}), "operator #0 TRANSPOSE_CONV: output_shape 1x6x6x4 must have the input's batch 1 and the weights' 3 output channels");
    auto shape = transpose_conv_model();
    shape.tensors[4].shape = {1, 5, 6, 3};
    expect_rejected(shape, "operator #0 TRANSPOSE_CONV: output tensor 'y' has shape 1x5x6x3, but output_shape's shape is 1x6x6x3");
    auto channels = transpose_conv_model();
    channels.tensors[2].shape = {1, 3, 3, 4};
    expect_rejected(channels, "operator #0 TRANSPOSE_CONV: weights tensor 'w' have 2 input channels, the input tensor 'x' has 4");
    auto dynamic = transpose_conv_model();
    dynamic.tensors[0].buffer = 0;
    expect_rejected(dynamic, "operator #0 TRANSPOSE_CONV: reads tensor 'output_shape' before any operator produces it");
    auto overflow = transpose_conv_model();
    overflow.buffers[overflow.tensors[3].buffer] = std::vector<std::uint8_t>{0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0};  // bias 2^31 - 1
    expect_rejected(overflow, "operator #0 TRANSPOSE_CONV: the int32 accumulator could overflow: with weights tensor 'w', bias tensor 'b' and input zero "
                              "point -3 some int8 input reaches magnitude 2147486791, more than 2147483647");
    auto huge = transpose_conv_model();
    huge.ops[0].options.scalar<std::int32_t>(2, 1 << 30);
    expect_rejected(huge, "operator #0 TRANSPOSE_CONV: unsupported option: strides 1073741824x2 with kernel 2x2 and output 1x6x6x3 are too large: "
                          "output size + kernel + 2 x stride must stay below 2^31");
    auto stride = transpose_conv_model();
    stride.ops[0].options.scalar<std::int32_t>(1, 0);
    expect_rejected(stride, "operator #0 TRANSPOSE_CONV: unsupported option: stride_w 0; must be positive");
}

TEST_CASE("batch_matmul: a constant rhs or two activations convert") {
    const auto r = convert(build(batch_matmul_model()));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("ctnn::layers::batch_matmul_constant<w::rhs1, q::t1, false, false>") != std::string::npos);
    // The constant rhs is the layer's only parameter: 20 int8 values (layers/batch_matmul.hpp's param_bytes).
    CHECK(r.out.find(", 20 bytes of TFLite parameters,") != std::string::npos);
    const auto two = convert(build(batch_matmul_model(false)));
    INFO("stderr: " << two.err);
    CHECK(two.status == 0);
    CHECK(two.out.find("ctnn::layers::batch_matmul<q::t1, false, true>, 0, 0>") != std::string::npos);
}

TEST_CASE("batch_matmul: rejections name the operator, the tensors and the rule") {
    auto depth = batch_matmul_model();
    depth.tensors[1].shape = {5, 4};
    expect_rejected(depth, "operator #0 BATCH_MATMUL: lhs tensor 'x' 2x3x4 and rhs tensor 'r' 5x4 do not multiply: the lhs has 4 columns, the rhs 5 rows");
    auto broadcast = batch_matmul_model();
    broadcast.tensors[1].shape = {3, 4, 5};
    broadcast.buffers[1].resize(60);
    expect_rejected(broadcast, "operator #0 BATCH_MATMUL: lhs tensor 'x' 2x3x4 and rhs tensor 'r' 3x4x5 do not broadcast: each pair of batch dimensions must be equal or have a 1");
    auto rank = batch_matmul_model();
    rank.tensors[1].shape = {20};
    expect_rejected(rank, "operator #0 BATCH_MATMUL: lhs tensor 'x' 2x3x4 and rhs tensor 'r' 20: both operands need rank 2 to 5");
    auto per_channel = batch_matmul_model();
    per_channel.tensors[1].scale = {0.02f, 0.02f, 0.02f, 0.02f, 0.02f};
    per_channel.tensors[1].zero_point = {0, 0, 0, 0, 0};
    per_channel.tensors[1].quantized_dimension = 1;
    expect_rejected(per_channel, "operator #0 BATCH_MATMUL: rhs tensor 'r' is quantized per channel (5 scales); BATCH_MATMUL takes one scale and zero point per operand");
    auto out = batch_matmul_model();
    out.tensors[2].shape = {2, 5, 3};
    expect_rejected(out, "operator #0 BATCH_MATMUL: output tensor 'y' has shape 2x5x3, but the operands' shape is 2x3x5");
}
