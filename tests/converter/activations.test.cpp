// The activations and unary math operators in the converter (op_activations.cpp): each
// converts to its layer, and each rule TFLite's Prepare (or ctnn's range) enforces is rejected
// with exit status 2 and a message naming the operator, the tensor and the rule.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

// schema.fbs values, written out here as the builder does.
constexpr int L2_NORMALIZATION = 11, LOGISTIC = 14, RELU_OP = 19, RELU6_OP = 21, LOG_SOFTMAX = 50, RSQRT = 76, LEAKY_RELU = 98,
              ABS = 101, ELU = 111;
constexpr std::uint8_t L2NormOptions = 12, LeakyReluOptions = 75;

// x 2x3x5 -> OP -> y.
model unary_model(int code, float s_out, std::int64_t zp_out, float s_in = 0.05f, std::int64_t zp_in = -20,
                  std::vector<std::int32_t> shape = {2, 3, 5}) {
    model m;
    m.add_tensor({"x", shape, INT8, 0, {s_in}, {zp_in}, 0, {}});
    m.add_tensor({"y", shape, INT8, 0, {s_out}, {zp_out}, 0, {}});
    m.ops.push_back({m.code(code), {0}, {1}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {1};
    return m;
}

void expect_converts(const model& m, const std::string& layer) {
    const auto r = convert(build(m));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find(layer) != std::string::npos);
}

}  // namespace

TEST_CASE("activations: each operator converts to its layer") {
    expect_converts(unary_model(RELU_OP, 0.03f, -128), "ctnn::layers::relu<q::t1>");
    expect_converts(unary_model(RELU6_OP, 0.05f, -20), "ctnn::layers::relu6<q::t1>");
    expect_converts(unary_model(ELU, 0.03f, 10), "ctnn::layers::elu<q::t1>");
    expect_converts(unary_model(LOGISTIC, 1.0f / 256.0f, -128), "ctnn::layers::logistic<q::t1>");
    expect_converts(unary_model(TANH, 1.0f / 128.0f, 0), "ctnn::layers::tanh<q::t1>");
    expect_converts(unary_model(ABS, 0.05f, -128), "ctnn::layers::abs<q::t1>");
    expect_converts(unary_model(RSQRT, 0.1f, 0, 0.05f, -128), "ctnn::layers::rsqrt<q::t1>");
    expect_converts(unary_model(LOG_SOFTMAX, 16.0f / 256.0f, 127), "ctnn::layers::log_softmax<q::t1>");
    expect_converts(unary_model(L2_NORMALIZATION, 1.0f / 128.0f, 0), "ctnn::layers::l2_normalization<q::t1>");
    auto leaky = unary_model(LEAKY_RELU, 0.03f, 0);
    leaky.ops[0].options_type = LeakyReluOptions;
    leaky.ops[0].has_options = true;
    leaky.ops[0].options.scalar<float>(0, 0.25f);
    expect_converts(leaky, "ctnn::layers::leaky_relu<q::t1, w::leaky_relu1_alpha>");
    expect_converts(leaky, "struct leaky_relu1_alpha { static constexpr float value = 0.25f; };");
    // A function of one value keeps its 256-entry table in flash.
    const auto r = convert(build(unary_model(ELU, 0.03f, 10)));
    CHECK(r.out.find(", 256 bytes of TFLite parameters,") != std::string::npos);
}

TEST_CASE("activations: TFLite's fixed output quantizations") {
    expect_rejected(unary_model(LOGISTIC, 1.0f / 128.0f, -128),
                    "operator #0 LOGISTIC: output quantization is scale 0.0078125 zp -128 (tensor 'y'); TFLite's int8 kernel needs scale 1/256 "
                    "(0.00390625) and zero point -128");
    expect_rejected(unary_model(TANH, 1.0f / 128.0f, -128),
                    "operator #0 TANH: output quantization is scale 0.0078125 zp -128 (tensor 'y'); TFLite's int8 kernel needs scale 1/128 "
                    "(0.0078125) and zero point 0");
    expect_rejected(unary_model(LOG_SOFTMAX, 1.0f / 256.0f, 127),
                    "operator #0 LOG_SOFTMAX: output quantization is scale 0.00390625 zp 127 (tensor 'y'); TFLite's int8 kernel needs scale "
                    "16/256 (0.0625) and zero point 127");
    expect_rejected(unary_model(L2_NORMALIZATION, 1.0f / 128.0f, 5),
                    "operator #0 L2_NORMALIZATION: output quantization is scale 0.0078125 zp 5 (tensor 'y'); TFLite's int8 kernel needs "
                    "scale 1/128 (0.0078125) and zero point 0");
}

TEST_CASE("activations: scale and option rules") {
    expect_rejected(unary_model(LOGISTIC, 1.0f / 256.0f, -128, 1e-9f),
                    "operator #0 LOGISTIC: input scale 9.99999972e-10 (tensor 'x') is out of range: TFLite divides by 2^e, e the exponent of "
                    "frexp(scale x 2^27), which must be 0 to 62 (a scale in [2^-28, 2^35))");
    expect_converts(unary_model(TANH, 1.0f / 128.0f, 0, 32.0f), "ctnn::layers::tanh<q::t1>");  // radius 0: every input saturates
    expect_rejected(unary_model(RELU_OP, 1e-9f, 0, 4.0f),
                    "operator #0 RELU: input scale 4 (tensor 'x') and output scale 9.99999972e-10 (tensor 'y'): the requantization multiplier "
                    "must be finite with a left shift of at most 30 bits (input / output scale)");
    expect_rejected(unary_model(ELU, 1e-7f, 0, 4.0f),
                    "operator #0 ELU: input scale 4 (tensor 'x') and output scale 1.00000001e-07 (tensor 'y'): ctnn needs input scale / output "
                    "scale below 2^22");
    expect_rejected(unary_model(LOG_SOFTMAX, 16.0f / 256.0f, 127, 1e-9f),
                    "operator #0 LOG_SOFTMAX: input scale 9.99999972e-10 (tensor 'x') gives the input multiplier scale x 2^26 = 0.0671088621; "
                    "TFLite needs it greater than 1");
    auto act = unary_model(L2_NORMALIZATION, 1.0f / 128.0f, 0);
    act.ops[0].options_type = L2NormOptions;
    act.ops[0].has_options = true;
    act.ops[0].options.scalar<std::int8_t>(0, RELU);
    expect_rejected(act, "operator #0 L2_NORMALIZATION: unsupported option: fused activation RELU; TFLite's L2_NORMALIZATION supports NONE only");
    expect_rejected(unary_model(L2_NORMALIZATION, 1.0f / 128.0f, 0, 0.05f, 0, {1, 1, 1, 2, 3}),
                    "operator #0 L2_NORMALIZATION: input tensor 'x' has rank 5; TFLite's L2_NORMALIZATION takes rank 4 at most");
    auto options = unary_model(RELU_OP, 0.03f, 0);
    options.ops[0].options_type = AddOptions;
    expect_rejected(options, "operator #0 RELU: builtin options are AddOptions; expected none");
    auto nan_alpha = unary_model(LEAKY_RELU, 0.03f, 0);
    nan_alpha.ops[0].options_type = LeakyReluOptions;
    nan_alpha.ops[0].has_options = true;
    nan_alpha.ops[0].options.scalar<float>(0, std::numeric_limits<float>::infinity());
    expect_rejected(nan_alpha, "operator #0 LEAKY_RELU: unsupported option: leaky_relu alpha inf; must be finite");
}

TEST_CASE("activations: RELU, RELU6, LEAKY_RELU and SOFTMAX take int16 (16x8 mode); the others refuse it") {
    const auto int16_model = [](int code, float s_out) {
        model m = unary_model(code, s_out, 0, 0.001f, 0);
        for (auto& t : m.tensors) t.type = INT16;
        return m;
    };
    expect_converts(int16_model(RELU_OP, 0.002f), "ctnn::layers::relu<q::t1>");
    expect_converts(int16_model(RELU6_OP, 0.002f), "ctnn::layers::relu6<q::t1>");
    model leaky = int16_model(LEAKY_RELU, 0.002f);
    leaky.ops[0].options_type = LeakyReluOptions;
    leaky.ops[0].has_options = true;
    leaky.ops[0].options.scalar<float>(0, 0.2f);
    expect_converts(leaky, "ctnn::layers::leaky_relu<q::t1, w::leaky_relu1_alpha>");
    model softmax = int16_model(SOFTMAX, 1.0f / 32768.0f);
    softmax.ops[0].options_type = SoftmaxOptions;
    softmax.ops[0].has_options = true;
    softmax.ops[0].options.scalar<float>(0, 1.0f);
    expect_converts(softmax, "ctnn::layers::softmax<q::t1>");
    // TFLite's int16 SOFTMAX gives scale 1/32768 (0.1% tolerance), zero point 0.
    softmax.tensors[1].scale = {1.0f / 16384.0f};
    expect_rejected(softmax, "operator #0 SOFTMAX: output quantization is scale 6.10351562e-05 zp 0; int16 softmax needs scale 1/32768 "
                             "(3.05175781e-05, within 0.1%) and zero point 0");
    // ELU has no int16 kernel in ctnn: the int8 rule names the tensor.
    expect_rejected(int16_model(ELU, 0.002f), "operator #0 ELU: tensor 'x' is int16; expected int8");
}

TEST_CASE("activations: SOFTMAX int8 -> int16 (scale 1/65536, zero point -32768), read only by QUANTIZE") {
    model m = unary_model(SOFTMAX, 1.0f / 65536.0f, -32768, 0.1f, 3);
    m.tensors[1].type = INT16;
    m.ops[0].options_type = SoftmaxOptions;
    m.ops[0].has_options = true;
    m.ops[0].options.scalar<float>(0, 1.0f);
    expect_converts(m, "ctnn::layers::softmax<q::t1>");
    auto scale = m;
    scale.tensors[1].scale = {1.0f / 32768.0f};
    expect_rejected(scale, "operator #0 SOFTMAX: output quantization is scale 3.05175781e-05 zp -32768; an int8 softmax with int16 output "
                           "needs scale 1/65536 (1.52587891e-05, within 0.1%) and zero point -32768");
    // Its offset int16 output is refused by any int16 operator but QUANTIZE.
    auto relu = m;
    relu.add_tensor({"r", {2, 3, 5}, INT16, 0, {1.0f / 65536.0f}, {0}, 0, {}});
    relu.ops.push_back({relu.code(RELU_OP), {1}, {2}, 0, false, {}});
    relu.outputs = {2};
    expect_rejected(relu, "operator #1 RELU: reads tensor 'y', int16 with zero point -32768 (an int8 SOFTMAX's output); TFLite's int16 "
                          "operators take symmetric int16 (zero point 0), only QUANTIZE reads it");
}

TEST_CASE("activations: LOGISTIC and TANH take int16 (16x8 mode); output scale 2^-15, input multiplier <= 32767") {
    constexpr int TANH = 28;
    const auto int16_model = [](int code, float s_out, float s_in) {
        model m = unary_model(code, s_out, 0, s_in, 0);
        for (auto& t : m.tensors) t.type = INT16;
        return m;
    };
    expect_converts(int16_model(LOGISTIC, 1.0f / 32768.0f, 1.0f / 4096.0f), "ctnn::layers::logistic<q::t1>");
    expect_converts(int16_model(TANH, 1.0f / 32768.0f, 0.001f), "ctnn::layers::tanh<q::t1>");
    expect_converts(int16_model(TANH, 1.0004f / 32768.0f, 1.0f / 2048.0f), "ctnn::layers::tanh<q::t1>");  // within CheckedLog2's tolerance
    expect_rejected(int16_model(LOGISTIC, 1.0f / 256.0f, 0.001f),
                    "operator #0 LOGISTIC: output scale 0.00390625 (tensor 'y'): TFLite's int16 kernel needs 2^-15 "
                    "(0.000030517578125; CheckedLog2 of the scale must be -15 within 0.001)");
    expect_rejected(int16_model(TANH, 1.0f / 32768.0f, 3.0f),
                    "operator #0 TANH: input scale 3 (tensor 'x') is out of range: TFLite's int16 kernel needs its input "
                    "multiplier trunc(scale x 12288 x 2^k) at most 32767 (a scale up to about 2.67) and above 0 (a scale "
                    "above about 4e-14)");
}
