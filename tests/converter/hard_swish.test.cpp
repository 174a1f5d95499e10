// HARD_SWISH in the converter: what it accepts (int8 in and out, per-tensor quantization, with
// or without its empty options table) and each rejection, with exit status 2 and the message
// naming the operator, the tensor and the rule.
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

// x 1x3x5 -> HARD_SWISH -> y, with the given element types (scales only for int types).
model hard_swish_model(std::int8_t in_type = INT8, std::int8_t out_type = INT8) {
    const auto quant = [](std::int8_t type, float scale, std::int64_t zp) {
        return type == FLOAT32 ? std::pair{std::vector<float>{}, std::vector<std::int64_t>{}} : std::pair{std::vector<float>{scale}, std::vector<std::int64_t>{zp}};
    };
    const auto qx = quant(in_type, 0.05f, -20), qy = quant(out_type, 0.03f, -100);
    model m;
    m.add_tensor({"x", {1, 3, 5}, in_type, 0, qx.first, qx.second, 0, {}});
    m.add_tensor({"y", {1, 3, 5}, out_type, 0, qy.first, qy.second, 0, {}});
    m.ops.push_back({m.code(HARD_SWISH), {0}, {1}, HardSwishOptions, true, {}});
    m.inputs = {0};
    m.outputs = {1};
    return m;
}

}  // namespace

TEST_CASE("hard_swish: int8 in and out converts, with or without HardSwishOptions") {
    const auto r = convert(build(hard_swish_model()));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("ctnn::layers::hard_swish<q::t1>") != std::string::npos);
    // Its constants are the layer type's: the 256-entry table (layers/hard_swish.hpp's param_bytes).
    CHECK(r.out.find(", 256 bytes of TFLite parameters,") != std::string::npos);
    auto bare = hard_swish_model();
    bare.ops[0].options_type = 0;
    bare.ops[0].has_options = false;
    CHECK(convert(build(bare)).status == 0);
}

TEST_CASE("hard_swish: int16 and float tensors are rejected, naming the operator") {
    expect_rejected(hard_swish_model(INT8, INT16), "operator #0 HARD_SWISH: tensor 'y' is int16; expected int8");
    expect_rejected(hard_swish_model(FLOAT32, FLOAT32), "operator #0 HARD_SWISH: model is not fully int8-quantized: tensor 'x' is float32");
    // A float HARD_SWISH after a DEQUANTIZE: the operator, not the model input, is to blame.
    model f;
    f.add_tensor({"x", {1, 4}, INT8, 0, {0.1f}, {0}, 0, {}});
    f.add_tensor({"f", {1, 4}, FLOAT32, 0, {}, {}, 0, {}});
    f.add_tensor({"y", {1, 4}, FLOAT32, 0, {}, {}, 0, {}});
    f.ops.push_back({f.code(DEQUANTIZE), {0}, {1}, 0, false, {}});
    f.ops.push_back({f.code(HARD_SWISH), {1}, {2}, 0, false, {}});
    f.inputs = {0};
    f.outputs = {2};
    expect_rejected(f, "operator #1 HARD_SWISH: model is not fully int8-quantized: tensor 'f' is float32");
    // int16 tensors are symmetric (TFLite's 16x8 rule): a zero point is refused on the tensor itself.
    expect_rejected(hard_swish_model(INT16, INT16),
                    "model input tensor 'x' is int16 with zero point -20; TFLite's int16 tensors are symmetric (zero point 0; -32768 only as an int8 "
                    "SOFTMAX's output)");
}

TEST_CASE("hard_swish: one input, the input's shape, per-tensor quantization, its own options") {
    auto two = hard_swish_model();
    two.ops[0].inputs = {0, 0};
    expect_rejected(two, "operator #0 HARD_SWISH: has 2 inputs; expected 1");
    auto shape = hard_swish_model();
    shape.tensors[1].shape = {1, 15};
    expect_rejected(shape, "operator #0 HARD_SWISH: output tensor 'y' has shape 1x15, but the input's shape is 1x3x5");
    auto per_channel = hard_swish_model();
    per_channel.tensors[1].scale = {0.03f, 0.03f, 0.03f};
    per_channel.tensors[1].zero_point = {0, 0, 0};
    per_channel.tensors[1].quantized_dimension = 1;
    expect_rejected(per_channel, "operator #0 HARD_SWISH: tensor 'y' is quantized per channel (3 scales); activations must be quantized per tensor");
    auto options = hard_swish_model();
    options.ops[0].options_type = AddOptions;
    expect_rejected(options, "operator #0 HARD_SWISH: builtin options are AddOptions; expected HardSwishOptions");
}

TEST_CASE("hard_swish: the scale rules of TFLite's Prepare") {
    auto fine = hard_swish_model();  // (0.05 / 128) / s_out is exactly 1
    fine.tensors[1].scale = {0.05f / 128.0f};
    expect_rejected(fine, "operator #0 HARD_SWISH: output scale 0.000390625006 (tensor 'y') is too small for input scale 0.0500000007 (tensor 'x'): "
                          "(input scale / 128) / output scale = 1; TFLite needs it below 1");
    auto huge = hard_swish_model();
    huge.tensors[0].scale = {1e8f};
    huge.tensors[1].scale = {1e8f};
    expect_rejected(huge, "operator #0 HARD_SWISH: input scale 100000000 (tensor 'x') is too large: (input scale / 128) / (3 / 32768) = "
                          "8.5333335e+09; ctnn needs it below 2^30 (a left shift of at most 30 bits)");
}
