// Semantic checks: models that are valid .tflite files but use something ctnn does not run.
// Each case breaks one rule of the tiny model and expects exit status 2 and a message naming
// the operator (index and name), the tensor, and the rule.
#include <doctest/doctest.h>

#include "run_converter.hpp"
#include "test_models.hpp"

using namespace test_tflite;
using test_run::convert;

namespace {

void expect_error(const model& m, const std::string& needle) {
    const auto r = convert(build(m));
    CHECK(r.status == 2);
    INFO("stderr: " << r.err);
    CHECK(r.err.find("ctnn-convert: error: ") == 0);
    CHECK(r.err.find(needle) != std::string::npos);
}

}  // namespace

TEST_CASE("validation: float tensor in the middle") {
    auto m = tiny_model();
    m.tensors[tiny::add_out].type = FLOAT32;
    expect_error(m, "operator #2 ADD: model is not fully int8-quantized: tensor 'add/out' is float32");
    auto w = tiny_model();
    w.tensors[tiny::conv_w].type = FLOAT32;
    expect_error(w, "operator #0 CONV_2D: model is not fully int8-quantized: tensor 'conv/w' is float32");
}

TEST_CASE("validation: int16 activations") {
    auto m = tiny_model();
    m.tensors[tiny::dw_out].type = INT16;
    expect_error(m, "operator #1 DEPTHWISE_CONV_2D: tensor 'dw/out' is int16; expected int8");
}

TEST_CASE("validation: unsupported operator") {
    auto m = tiny_model();
    m.opcodes[m.ops[3].opcode_index] = {CUMSUM, -1, ""};
    expect_error(m, "operator #3 CUMSUM: unsupported operator (docs/operators.md lists what ctnn converts); supported: ");  // the list: operator_table.test.cpp
    auto h = tiny_model();
    h.opcodes[h.ops[3].opcode_index] = {REVERSE_SEQUENCE, -1, ""};
    expect_error(h, "operator #3 REVERSE_SEQUENCE: unsupported operator");
    auto c = tiny_model();
    c.opcodes[c.ops[3].opcode_index] = {CUSTOM, -1, "MyOp"};
    expect_error(c, "operator #3 CUSTOM: unsupported custom operator 'MyOp'");
}

TEST_CASE("validation: unsupported fused activation") {
    auto m = tiny_model();
    m.ops[0] = conv_op(m.ops[0].opcode_index, m.ops[0].inputs, m.ops[0].outputs[0], SAME, 1, ACT_TANH);
    expect_error(m, "operator #0 CONV_2D: unsupported option: fused activation TANH");
}

TEST_CASE("validation: unsupported options") {
    auto fc = tiny_model();
    fc.ops[5].options.scalar<std::int8_t>(1, 1);  // weights_format SHUFFLED4x16INT8
    expect_error(fc, "operator #5 FULLY_CONNECTED: unsupported option: weights_format SHUFFLED4x16INT8");
    auto stride = tiny_model();
    stride.ops[0] = conv_op(stride.ops[0].opcode_index, stride.ops[0].inputs, stride.ops[0].outputs[0], SAME, 0, RELU);
    expect_error(stride, "operator #0 CONV_2D: unsupported option: stride_h 0");
    auto wrong = tiny_model();
    wrong.ops[3].options_type = Conv2DOptions;
    expect_error(wrong, "operator #3 AVERAGE_POOL_2D: builtin options are Conv2DOptions; expected Pool2DOptions");
    auto missing = tiny_model();
    missing.ops[6].options_type = 0;
    missing.ops[6].has_options = false;
    expect_error(missing, "operator #6 SOFTMAX: builtin options are none; expected SoftmaxOptions");
}

TEST_CASE("validation: dynamic shapes") {
    auto m = tiny_model();
    m.tensors[tiny::input].shape_signature = {1, -1, 4, 2};
    expect_error(m, "model input tensor 'input' has a dynamic shape (shape_signature [1, -1, 4, 2])");
    auto inner = tiny_model();
    inner.tensors[tiny::conv_out].shape_signature = {-1, 4, -1, 3};
    expect_error(inner, "operator #0 CONV_2D: tensor 'conv/out' has a dynamic shape");
}

TEST_CASE("validation: per-channel quantization on the wrong dimension") {
    auto m = tiny_model();
    m.tensors[tiny::conv_w].quantized_dimension = 3;
    expect_error(m, "operator #0 CONV_2D: weights tensor 'conv/w' are quantized per channel on dimension 3; CONV_2D needs dimension 0");
    auto dw = tiny_model();
    dw.tensors[tiny::dw_w].quantized_dimension = 0;
    expect_error(dw, "operator #1 DEPTHWISE_CONV_2D: weights tensor 'dw/w' are quantized per channel on dimension 0; DEPTHWISE_CONV_2D needs dimension 3");
}

TEST_CASE("validation: per-channel scale count must equal output channels") {
    auto m = tiny_model();
    m.tensors[tiny::conv_w].scale = {0.01f, 0.02f};
    m.tensors[tiny::conv_w].zero_point = {0, 0};
    expect_error(m, "operator #0 CONV_2D: weights tensor 'conv/w' have 2 per-channel scales for 3 output channels");
}

TEST_CASE("validation: weights must be symmetric") {
    auto m = tiny_model();
    m.tensors[tiny::fc_w].zero_point = {4};
    expect_error(m, "operator #5 FULLY_CONNECTED: weights tensor 'fc/w' have zero point 4; ctnn needs symmetric weights");
}

TEST_CASE("validation: bias must be int32 of the right size") {
    auto m = tiny_model();
    m.tensors[tiny::conv_b].type = INT8;
    expect_error(m, "operator #0 CONV_2D: bias tensor 'conv/b' is int8; expected int32");
    auto wrong = tiny_model();
    wrong.buffers[wrong.tensors[tiny::fc_b].buffer].resize(12);
    expect_error(wrong, "operator #5 FULLY_CONNECTED: constant tensor 'fc/b' has 12 bytes of data");
}

TEST_CASE("validation: constant data of the wrong size") {
    auto m = tiny_model();
    m.buffers[m.tensors[tiny::conv_w].buffer].pop_back();
    expect_error(m, "operator #0 CONV_2D: constant tensor 'conv/w' has 53 bytes of data (buffer #1); its shape 3x3x3x2 needs 54");
}

TEST_CASE("validation: pooling needs equal input and output quantization") {
    auto m = tiny_model();
    m.tensors[tiny::pool_out].scale = {0.4f};
    expect_error(m, "operator #3 AVERAGE_POOL_2D: input and output quantization differ (scale 0.300000012 zp -128 vs scale 0.400000006 zp -128)");
}

TEST_CASE("validation: softmax output must be scale 1/256, zero point -128") {
    auto m = tiny_model();
    m.tensors[tiny::softmax_out].zero_point = {0};
    expect_error(m, "operator #6 SOFTMAX: output quantization is scale 0.00390625 zp 0; int8 softmax needs scale 1/256");
}

TEST_CASE("validation: ADD broadcasts only shapes TFLite's rule allows") {
    auto m = tiny_model();
    m.tensors[tiny::dw_w].shape = {1, 3, 3, 3};
    // Make the depthwise output 1x2x2x3 with stride 2, so ADD sees 1x4x4x3 + 1x2x2x3.
    m.ops[1] = conv_op(m.ops[1].opcode_index, m.ops[1].inputs, m.ops[1].outputs[0], SAME, 2, RELU6, true);
    m.tensors[tiny::dw_out].shape = {1, 2, 2, 3};
    expect_error(m, "operator #2 ADD: input shapes 1x4x4x3 (tensor 'conv/out') and 1x2x2x3 (tensor 'dw/out') do not broadcast: output axis 1 "
                    "is 4 in one and 2 in the other (aligned on the last axis, each must be equal or 1)");
}

TEST_CASE("validation: output shape must match the operator") {
    auto m = tiny_model();
    m.tensors[tiny::conv_out].shape = {1, 3, 3, 3};
    expect_error(m, "operator #0 CONV_2D: output tensor 'conv/out' has shape 1x3x3x3, but the computed shape is 1x4x4x3");
}

TEST_CASE("validation: model inputs and outputs") {
    auto twice = tiny_model();
    twice.inputs = {0, 0};
    expect_error(twice, "model input tensor 'input' is listed twice");
    auto produced = tiny_model();
    produced.inputs = {0, tiny::conv_out};  // an input some operator also writes
    expect_error(produced, "operator #0 CONV_2D: writes tensor 'conv/out', which an earlier operator produced");
    auto constant = tiny_model();
    constant.inputs = {0, tiny::conv_w};
    expect_error(constant, "model input tensor 'conv/w' is a constant");
    auto nowhere = tiny_model();
    nowhere.outputs = {tiny::softmax_out, tiny::conv_b};
    expect_error(nowhere, "model output tensor 'conv/b' is not produced by any operator");
    auto none = tiny_model();
    none.outputs = {};
    expect_error(none, "model has no outputs");
}

TEST_CASE("validation: operators must come in execution order") {
    auto m = tiny_model();
    std::swap(m.ops[0], m.ops[1]);
    expect_error(m, "operator #0 DEPTHWISE_CONV_2D: reads tensor 'conv/out' before any operator produces it");
}

TEST_CASE("validation: QUANTIZE only between the types TFLM runs, DEQUANTIZE only to float32") {
    auto q = edges_model();
    q.tensors[0].type = 1; /* FLOAT16 */
    expect_error(q, "model input tensor 'x' is float16; ctnn supports int8, uint8, int16, int32 or float32 inputs");
    auto u = edges_model();
    u.tensors[0] = {"x", {1, 2, 2, 4}, 3 /* UINT8 */, 0, {0.1f}, {128}, 0, {}};
    u.tensors[1].type = 3;
    expect_error(u, "operator #0 QUANTIZE: converts uint8 to uint8; TFLM's QUANTIZE runs float32 -> int8 or int16, int8 -> int8, uint8, int16 or int32, "
                    "uint8 -> int8, int16 -> int8, int16 or int32 and int32 -> int8 or int16");
    auto d = edges_model();
    d.tensors[7].type = INT8;
    d.tensors[7].scale = {0.1f};
    d.tensors[7].zero_point = {0};
    expect_error(d, "operator #4 DEQUANTIZE: produces int8; only int8, uint8 or int16 -> float32 is supported");
}

TEST_CASE("validation: MEAN axes lie in the input's rank and give the output's shape") {
    auto m = edges_model();
    m.buffers[m.tensors[5].buffer] = {3, 0, 0, 0, 2, 0, 0, 0};  // axes {3, 2}: keeps 1x2x1x1, the output is 1x1x1x4
    expect_error(m, "operator #3 MEAN: output shape 1x1x1x4 differs from the computed 1x2x1x1");
    auto out_of_range = edges_model();
    out_of_range.buffers[out_of_range.tensors[5].buffer] = {1, 0, 0, 0, 0xfb, 0xff, 0xff, 0xff};  // {1, -5}
    expect_error(out_of_range, "operator #3 MEAN: axis -5 is outside [-4, 4) for input 1x2x2x4");
}

TEST_CASE("validation: PAD paddings must be a constant [rank, 2]") {
    auto m = edges_model();
    m.tensors[2].shape = {8};
    expect_error(m, "operator #1 PAD: paddings tensor 'paddings' have shape 8; expected 4x2");
}

TEST_CASE("validation: activations are quantized per tensor") {
    auto m = tiny_model();
    m.tensors[tiny::fc_out].scale = {0.2f, 0.3f};
    m.tensors[tiny::fc_out].zero_point = {3, 3};
    expect_error(m, "operator #5 FULLY_CONNECTED: tensor 'fc/out' is quantized per channel (2 scales)");
    auto none = tiny_model();
    none.tensors[tiny::add_out].scale.clear();
    none.tensors[tiny::add_out].zero_point.clear();
    expect_error(none, "operator #2 ADD: tensor 'add/out' is int8 but has no quantization parameters");
}
