// INT4 weights in the converter: TFLite's packed int4 tensors as the constant weights of CONV_2D,
// DEPTHWISE_CONV_2D and FULLY_CONNECTED with int8 activations, unpacked to the int8 values the
// header holds; everywhere else refused with exit status 2 and a message naming the operator,
// the tensor and the rule.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "shrink_models.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// x 1x3 -> FULLY_CONNECTED with 1x3 INT4 weights stored as `packed` -> y 1x1.
model fc_int4(std::vector<std::uint8_t> packed, std::vector<float> scales = {0.01f}) {
    model m;
    m.add_tensor({"x", {1, 3}, INT8, 0, {0.05f}, {0}, 0, {}});
    const auto zps = std::vector<std::int64_t>(scales.size(), 0);
    m.add_tensor({"w", {static_cast<std::int32_t>(scales.size()), 3}, INT4, m.add_buffer(packed), scales, zps, 0, {}});
    m.add_tensor({"y", {1, static_cast<std::int32_t>(scales.size())}, INT8, 0, {0.02f}, {0}, 0, {}});
    m.ops.push_back(fc_op(m.code(FULLY_CONNECTED), {0, 1}, 2, NONE));
    m.inputs = {0};
    m.outputs = {2};
    return m;
}

// The header with the INT4 notes of the weights' comments and their weight_bits lines taken out.
std::string without_int4_notes(std::string h) {
    for (const std::string note : {" int4 weights", " (the .tflite's INT4, unpacked)"}) {
        const std::string plain = note == " int4 weights" ? " weights" : "";
        for (std::size_t at; (at = h.find(note)) != std::string::npos;) h.replace(at, note.size(), plain);
    }
    const std::string bits = "    static constexpr int weight_bits = 4;  // kept as 4-bit codes in flash (docs/weight-forms.md)\n";
    for (std::size_t at; (at = h.find(bits)) != std::string::npos;) h.erase(at, bits.size());
    return h;
}

}  // namespace

TEST_CASE("int4: the low nibble first, sign-extended, an odd count's last high nibble unused") {
    // Bytes 0x7F 0xA8: low 0xF = -1, high 0x7 = 7; low 0x8 = -8; the high 0xA is padding.
    const auto r = convert(build(fc_int4({0x7F, 0xA8})));
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "static constexpr std::int8_t weights[3] = {\n        -1, 7, -8,\n    };"));
    CHECK(contains(r.out, "// operator #0 FULLY_CONNECTED: per-tensor int4 weights 1x3 (the .tflite's INT4, unpacked)\n"));
    CHECK(contains(r.out, "    using weight_shape = ctnn::shape<1, 3>;\n    static constexpr int weight_bits = 4;"));
}

TEST_CASE("int4: the synthetic int4 model's header is its INT8 twin's, bar the INT4 notes") {
    const auto packed = convert(build(int4_model(true)));
    const auto plain = convert(build(int4_model(false)));
    INFO("stderr: " << packed.err);
    REQUIRE(packed.status == 0);
    REQUIRE(plain.status == 0);
    CHECK(!contains(plain.out, "int4"));
    CHECK(without_int4_notes(packed.out) == plain.out);
    // Three layers with INT4 weights; the convolution's 135 weights begin with the range's ends.
    CHECK(contains(packed.out, "// operator #0 CONV_2D: per-channel int4 weights 5x3x3x3 (the .tflite's INT4, unpacked)\n"));
    CHECK(contains(packed.out, "// operator #1 DEPTHWISE_CONV_2D: per-channel int4 weights 1x3x3x10 (the .tflite's INT4, unpacked)\n"));
    CHECK(contains(packed.out, "// operator #2 FULLY_CONNECTED: per-tensor int4 weights 5x160 (the .tflite's INT4, unpacked)\n"));
    CHECK(contains(packed.out, "static constexpr std::int8_t weights[135] = {\n        -8, 7,"));
}

TEST_CASE("int4: the packed size is ceil(elements / 2)") {
    expect_rejected(fc_int4({0x7F, 0xA8, 0x00}),
                    "operator #0 FULLY_CONNECTED: constant tensor 'w' has 3 bytes of data (buffer #1); its shape 1x3 needs 2 (int4: two values a byte)");
    expect_rejected(fc_int4({0x7F}), "operator #0 FULLY_CONNECTED: constant tensor 'w' has 1 bytes of data (buffer #1); its shape 1x3 needs 2 (int4: two values a byte)");
}

TEST_CASE("int4: the quantization rules of int8 weights, and TFLM's per-tensor FULLY_CONNECTED") {
    model zp = fc_int4({0x12, 0x03});
    zp.tensors[1].zero_point = {1};
    expect_rejected(zp, "operator #0 FULLY_CONNECTED: weights tensor 'w' have zero point 1; ctnn needs symmetric weights (zero point 0)");
    expect_rejected(fc_int4({0x12, 0x34, 0x56}, {0.01f, 0.02f}),
                    "operator #0 FULLY_CONNECTED: weights tensor 'w' are int4 and quantized per channel; TFLM's FULLY_CONNECTED takes int4 weights per tensor only");
    model conv = int4_model();
    conv.tensors[1].quantized_dimension = 3;
    conv.tensors[1].scale = {0.01f, 0.01f, 0.01f};
    conv.tensors[1].zero_point = {0, 0, 0};
    expect_rejected(conv, "operator #0 CONV_2D: weights tensor 'conv/w' are quantized per channel on dimension 3; CONV_2D needs dimension 0 (output channels)");
}

TEST_CASE("int4: refused as anything but the weights of an int8 CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED") {
    const std::string only = "ctnn reads int4 only as the weights of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED with int8 activations";
    // A bias.
    model bias = int4_model();
    bias.tensors[2].type = INT4;
    expect_rejected(bias, "operator #0 CONV_2D: bias tensor 'conv/b' is int4; expected int32 (" + only + ")");
    // An activation.
    model activation = int4_model();
    activation.tensors[3].type = INT4;
    expect_rejected(activation, "operator #0 CONV_2D: tensor 'conv/out' is int4; expected int8");
    // A model input.
    model input = fc_int4({0x12, 0x03});
    input.tensors[0].type = INT4;
    expect_rejected(input, "model input tensor 'x' is int4; ctnn supports int8, uint8, int16, int32 or float32 inputs");
    // With int16 activations (16x8).
    model wide = fc_int4({0x12, 0x03});
    wide.tensors[0] = {"x", {1, 3}, INT16, 0, {0.001f}, {0}, 0, {}};
    wide.tensors[2] = {"y", {1, 1}, INT16, 0, {0.002f}, {0}, 0, {}};
    expect_rejected(wide, "operator #0 FULLY_CONNECTED: weights tensor 'w' are int4; int4 weights need int8 activations (TFLite's 16x8 kernels read int8 weights)");
    // The weights of another operator.
    constexpr int TRANSPOSE_CONV = 67;
    constexpr std::uint8_t TransposeConvOptions = 49;
    model tc;
    tc.add_tensor({"output_shape", {4}, INT32, tc.add_buffer(std::vector<std::int32_t>{1, 6, 6, 3}), {}, {}, 0, {}});
    tc.add_tensor({"w", {3, 2, 2, 2}, INT4, tc.add_buffer(std::vector<std::uint8_t>(12, 0x21)), {0.01f, 0.02f, 0.03f}, {0, 0, 0}, 0, {}});
    tc.add_tensor({"x", {1, 3, 3, 2}, INT8, 0, {0.05f}, {-3}, 0, {}});
    tc.add_tensor({"y", {1, 6, 6, 3}, INT8, 0, {0.1f}, {5}, 0, {}});
    op o{tc.code(TRANSPOSE_CONV), {0, 1, 2}, {3}, TransposeConvOptions, true, {}};
    o.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 2).scalar<std::int32_t>(2, 2);
    tc.ops.push_back(o);
    tc.inputs = {2};
    tc.outputs = {3};
    expect_rejected(tc, "operator #0 TRANSPOSE_CONV: weights tensor 'w' are int4; " + only);
    // A constant operand.
    model add;
    add.add_tensor({"x", {1, 4}, INT8, 0, {0.05f}, {0}, 0, {}});
    add.add_tensor({"c", {1, 4}, INT4, add.add_buffer(std::vector<std::uint8_t>{0x12, 0x34}), {0.05f}, {0}, 0, {}});
    add.add_tensor({"y", {1, 4}, INT8, 0, {0.1f}, {0}, 0, {}});
    op a{add.code(ADD), {0, 1}, {2}, AddOptions, true, {}};
    a.options.scalar<std::int8_t>(0, NONE);
    add.ops.push_back(a);
    add.inputs = {0};
    add.outputs = {2};
    expect_rejected(add, "operator #0 ADD: tensor 'c' is int4; expected int8");
}
