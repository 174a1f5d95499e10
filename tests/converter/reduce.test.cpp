// The element types and the reductions in the converter: uint8 and int32 tensors at the model's
// edges (QUANTIZE between 8-bit types, DEQUANTIZE uint8, ARG_MAX's int32 indices), SUM,
// REDUCE_MAX/MIN and ARG_MAX/MIN, and each rejection, with exit status 2 and the message naming
// the operator, the tensor and the rule.
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

constexpr std::int8_t UINT8 = 3, INT64 = 4;
constexpr int ARG_MAX = 56, SUM = 74, REDUCE_MAX = 82;
constexpr std::uint8_t ArgMaxOptions = 40;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// x 1x4x6 -> op over `axes` -> y, int8 throughout.
model reduction_model(int builtin, std::vector<std::int32_t> axes, std::vector<std::int32_t> out_shape, float out_scale, bool keep = false) {
    model m;
    m.add_tensor({"x", {1, 4, 6}, INT8, 0, {0.05f}, {-20}, 0, {}});
    m.add_tensor({"axes", {static_cast<std::int32_t>(axes.size())}, INT32, m.add_buffer(axes), {}, {}, 0, {}});
    m.add_tensor({"y", out_shape, INT8, 0, {out_scale}, {-20}, 0, {}});
    op o{m.code(builtin), {0, 1}, {2}, ReducerOptions, true, {}};
    o.options.scalar<bool>(0, keep);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    return m;
}

model arg_max_model(std::vector<std::int32_t> axis, std::int8_t out_type = INT32) {
    model m;
    m.add_tensor({"x", {2, 5}, INT8, 0, {0.05f}, {-20}, 0, {}});
    m.add_tensor({"axis", {static_cast<std::int32_t>(axis.size())}, INT32, m.add_buffer(axis), {}, {}, 0, {}});
    m.add_tensor({"y", {2}, out_type, 0, {}, {}, 0, {}});
    op o{m.code(ARG_MAX), {0, 1}, {2}, ArgMaxOptions, true, {}};
    o.options.scalar<std::int8_t>(0, out_type);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    return m;
}

model quantize_model(std::int8_t in_type, std::int64_t zp_in, std::int8_t out_type, std::int64_t zp_out) {
    model m;
    m.add_tensor({"x", {1, 8}, in_type, 0, {0.5f}, {zp_in}, 0, {}});
    m.add_tensor({"y", {1, 8}, out_type, 0, {0.25f}, {zp_out}, 0, {}});
    m.ops.push_back({m.code(QUANTIZE), {0}, {1}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {1};
    return m;
}

}  // namespace

TEST_CASE("reduce: SUM, REDUCE_MAX and ARG_MAX convert to their layers") {
    auto r = convert(build(reduction_model(SUM, {-1, 1, 1}, {1}, 1.0f)));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::layers::sum<q::t1, false, ctnn::axes<1, 2>>"));
    r = convert(build(reduction_model(REDUCE_MAX, {2}, {1, 4, 1}, 0.05f, true)));
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::layers::reduce_max<true, ctnn::axes<2>>"));
    r = convert(build(arg_max_model({-1})));
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::layers::arg_max<1>"));
    // TFLM's ARG_MAX also runs on float32: a float model input, int32 out.
    auto f = arg_max_model({0});
    f.tensors[0] = {"x", {2, 5}, FLOAT32, 0, {}, {}, 0, {}};
    f.tensors[2].shape = {5};
    r = convert(build(f));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::input<ctnn::shape<2, 5>, ctnn::float32>"));
    CHECK(contains(r.out, "ctnn::layers::arg_max<0>"));
}

TEST_CASE("reduce: uint8 edges convert, the uint8 tag naming its element") {
    auto r = convert(build(quantize_model(UINT8, 128, INT8, -3)));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "struct t0 { using element = std::uint8_t; static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = 128; };"));
    CHECK(contains(r.out, "// tensor 0: model input 1x8 uint8"));
    // A requantization's table is its flash, as the layer states it.
    CHECK(contains(r.out, ", 256 bytes of TFLite parameters,"));
    CHECK(convert(build(quantize_model(INT8, -3, UINT8, 0))).status == 0);
    CHECK(convert(build(quantize_model(INT8, -3, INT8, 7))).status == 0);
}

TEST_CASE("reduce: rejections name the operator, the tensor and the rule") {
    expect_rejected(reduction_model(REDUCE_MAX, {2}, {1, 4}, 0.1f),
                    "operator #0 REDUCE_MAX: input and output quantization differ (scale 0.0500000007 zp -20 vs scale 0.100000001 zp -20); ctnn requires them equal");
    expect_rejected(reduction_model(SUM, {3}, {1, 4}, 1.0f), "operator #0 SUM: axis 3 is outside [-3, 3) for input 1x4x6");
    expect_rejected(reduction_model(SUM, {2}, {1, 6}, 1.0f), "operator #0 SUM: output shape 1x6 differs from the computed 1x4");
    expect_rejected(arg_max_model({1}, INT64), "operator #0 ARG_MAX: tensor 'y' is int64; TFLM's ARG_MAX writes int32 indices only");
    expect_rejected(arg_max_model({0, 1}), "operator #0 ARG_MAX: axis tensor 'axis' holds 2 values; ARG_MAX takes one axis");
    expect_rejected(quantize_model(UINT8, 300, INT8, 0), "model input tensor 'x' has zero point 300, outside the uint8 range");
    expect_rejected(quantize_model(UINT8, 128, UINT8, 0),
                    "operator #0 QUANTIZE: converts uint8 to uint8; TFLM's QUANTIZE runs float32 -> int8 or int16, int8 -> int8, uint8, int16 or int32, "
                    "uint8 -> int8, int16 -> int8, int16 or int32 and int32 -> int8 or int16");
    // uint8 only into QUANTIZE and DEQUANTIZE: any other operator names the tensor and the type it wants.
    auto u = reduction_model(SUM, {2}, {1, 4}, 1.0f);
    u.tensors[0].type = UINT8;
    u.tensors[0].zero_point = {128};
    expect_rejected(u, "operator #0 SUM: tensor 'x' is uint8; expected int8");
    // An int32 model input is accepted as a type, and the operator that cannot read it says so.
    auto i = reduction_model(SUM, {2}, {1, 4}, 1.0f);
    i.tensors[0] = {"x", {1, 4, 6}, INT32, 0, {}, {}, 0, {}};
    expect_rejected(i, "operator #0 SUM: tensor 'x' is int32; expected int8");
}

TEST_CASE("reduce: QUANTIZE with int16 and int32 sides, the int32 side's scale emitted as a tag") {
    // int32 -> int16 (the seanet models' input edge): the int32 scale becomes w::int32_scale_1.
    auto r = convert(build(quantize_model(INT32, 0, INT16, 0)));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::layers::quantize<q::t1, w::int32_scale_1>"));
    CHECK(contains(r.out, "struct int32_scale_1 { static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = 0; }"));
    // int16 -> int32: the output is raw int32 at the tag's scale.
    r = convert(build(quantize_model(INT16, 0, INT32, 0)));
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::layers::quantize_to_int32<w::int32_scale_1>"));
    r = convert(build(quantize_model(INT8, -3, INT16, 0)));
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::layers::quantize<q::t1>"));
}

TEST_CASE("reduce: QUANTIZE refuses the pairs TFLM does not run, and an int32 side without a scale") {
    const char* const pairs = "; TFLM's QUANTIZE runs float32 -> int8 or int16, int8 -> int8, uint8, int16 or int32, uint8 -> int8, "
                              "int16 -> int8, int16 or int32 and int32 -> int8 or int16";
    expect_rejected(quantize_model(INT32, 0, INT32, 0), std::string("operator #0 QUANTIZE: converts int32 to int32") + pairs);
    expect_rejected(quantize_model(UINT8, 128, INT16, 0), std::string("operator #0 QUANTIZE: converts uint8 to int16") + pairs);
    auto f = quantize_model(INT8, 0, INT32, 0);
    f.tensors[0] = {"x", {1, 8}, FLOAT32, 0, {}, {}, 0, {}};
    expect_rejected(f, std::string("operator #0 QUANTIZE: converts float32 to int32") + pairs);
    auto bare = quantize_model(INT32, 0, INT16, 0);
    bare.tensors[0].scale.clear();
    bare.tensors[0].zero_point.clear();
    expect_rejected(bare, "operator #0 QUANTIZE: tensor 'x' is int32 without quantization parameters; QUANTIZE needs the scale its values carry");
}
