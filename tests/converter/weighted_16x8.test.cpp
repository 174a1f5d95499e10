// The 16x8 weighted operators in the converter (int16 activations, int8 weights): the bias type
// that picks TFLite's accumulator, emitted as it is, and the bias types TFLite's int16 kernels
// refuse, with exit status 2 and the message naming the operator, the tensor and the rule.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

constexpr std::int8_t INT64_TENSOR = 4;

// x 1x4x4x2 int16 -> CONV_2D or DEPTHWISE_CONV_2D (kernel 3x3, 2 outputs, SAME) -> y 1x4x4x2 int16,
// with a bias of type bias_type (INT32 or INT64), or none.
model conv_16x8(bool depthwise, std::int8_t bias_type, bool with_bias = true) {
    model m;
    m.add_tensor({"x", {1, 4, 4, 2}, INT16, 0, {0.001f}, {0}, 0, {}});
    const std::vector<std::int32_t> w_shape = depthwise ? std::vector<std::int32_t>{1, 3, 3, 2} : std::vector<std::int32_t>{2, 3, 3, 2};
    m.add_tensor({"w", w_shape, INT8, m.add_buffer(std::vector<std::int8_t>(depthwise ? 18 : 36, 5)), {0.01f, 0.02f}, {0, 0}, depthwise ? 3 : 0, {}});
    if (bias_type == INT32) m.add_tensor({"b", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{7, -7}), {1e-5f, 2e-5f}, {0, 0}, 0, {}});
    else m.add_tensor({"b", {2}, INT64_TENSOR, m.add_buffer(std::vector<std::int64_t>{7, -7}), {1e-5f, 2e-5f}, {0, 0}, 0, {}});
    m.add_tensor({"y", {1, 4, 4, 2}, INT16, 0, {0.002f}, {0}, 0, {}});
    op o{m.code(depthwise ? DEPTHWISE_CONV_2D : CONV_2D), with_bias ? std::vector<std::int32_t>{0, 1, 2} : std::vector<std::int32_t>{0, 1}, {3},
         depthwise ? DepthwiseConv2DOptions : Conv2DOptions, true, {}};
    o.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1);
    if (depthwise) o.options.scalar<std::int32_t>(3, 1);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {3};
    return m;
}

}  // namespace

TEST_CASE("16x8 convolutions: the bias's type is the layer's (int64 zeros when there is none)") {
    const auto wide = convert(build(conv_16x8(false, INT64_TENSOR)));
    INFO("stderr: " << wide.err);
    CHECK(wide.status == 0);
    CHECK(wide.out.find("static constexpr std::int64_t bias[2] = {\n        7, -7,\n") != std::string::npos);
    CHECK(wide.out.find("ctnn::layers::conv2d<w::conv1, q::t1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::none>") != std::string::npos);
    const auto narrow = convert(build(conv_16x8(false, INT32)));
    CHECK(narrow.status == 0);
    CHECK(narrow.out.find("static constexpr std::int32_t bias[2] = {") != std::string::npos);
    const auto none = convert(build(conv_16x8(false, INT32, false)));
    CHECK(none.status == 0);
    CHECK(none.out.find("static constexpr std::int64_t bias[2] = {\n        0, 0,\n") != std::string::npos);
    CHECK(convert(build(conv_16x8(true, INT64_TENSOR))).status == 0);
}

TEST_CASE("16x8 DEPTHWISE_CONV_2D: an int32 bias is refused, as TFLite's int16 kernel reads int64") {
    expect_rejected(conv_16x8(true, INT32),
                    "operator #0 DEPTHWISE_CONV_2D: bias tensor 'b' is int32; the 16x8 DEPTHWISE_CONV_2D takes an int64 bias only (TFLite's int16 kernel reads int64)");
}
