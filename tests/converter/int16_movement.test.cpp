// int16 ("16x8") pooling, data movement and MEAN in the converter: the same layers as int8 with
// int16 tensors, and each int16 rule refused with exit 2, naming the operator, the tensor and
// the rule (QUANTIZE's int16/int32 pairs: reduce.test.cpp).
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

constexpr int GATHER = 36, PADV2 = 60;
constexpr std::uint8_t GatherOptions = 23, PadV2Options = 43;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// x (int16, `in`) -> OP -> y (int16, `out`), scale 2^-10; further inputs appended by the caller.
model int16_op(int builtin, const std::vector<std::int32_t>& in, const std::vector<std::int32_t>& out, std::uint8_t options_type = 0) {
    model m;
    m.add_tensor({"x", in, INT16, 0, {1.0f / 1024}, {0}, 0, {}});
    m.add_tensor({"y", out, INT16, 0, {1.0f / 1024}, {0}, 0, {}});
    m.ops.push_back({m.code(builtin), {0}, {1}, options_type, options_type != 0, {}});
    m.inputs = {0};
    m.outputs = {1};
    return m;
}

model int16_pool(int builtin, int in_h, int in_w, int k_h, int k_w) {
    model m = int16_op(builtin, {1, in_h, in_w, 2}, {1, in_h - k_h + 1, in_w - k_w + 1, 2}, Pool2DOptions);
    m.ops[0].options.scalar<std::int8_t>(0, VALID).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1)
        .scalar<std::int32_t>(3, k_w).scalar<std::int32_t>(4, k_h).scalar<std::int8_t>(5, RELU);
    return m;
}

model int16_mean(int h, int w) {
    model m = int16_op(MEAN, {1, h, w, 2}, {1, 1, 1, 2}, ReducerOptions);
    m.ops[0].options.scalar<bool>(0, true);
    m.ops[0].inputs.push_back(m.add_tensor({"axes", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 2}), {}, {}, 0, {}}));
    return m;
}

}  // namespace

TEST_CASE("int16: pools, MEAN, PADV2 and CONCATENATION lower to their layers with int16 tags") {
    auto r = convert(build(int16_pool(AVERAGE_POOL_2D, 4, 5, 2, 3)));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "using element = std::int16_t;"));
    CHECK(contains(r.out, "ctnn::layers::average_pool2d<ctnn::window<2, 3>"));
    r = convert(build(int16_mean(3, 4)));
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::layers::mean<q::t1, true, ctnn::axes<1, 2>>"));
    auto p = int16_op(PADV2, {2, 3}, {3, 3}, PadV2Options);
    p.ops[0].inputs.push_back(p.add_tensor({"paddings", {2, 2}, INT32, p.add_buffer(std::vector<std::int32_t>{1, 0, 0, 0}), {}, {}, 0, {}}));
    p.ops[0].inputs.push_back(p.add_tensor({"v", {}, INT16, p.add_buffer(std::vector<std::int16_t>{-1234}), {}, {}, 0, {}}));
    r = convert(build(p));
    CHECK(r.status == 0);
    CHECK(contains(r.out, "ctnn::fill_value<-1234>"));  // TFLM reads an int16 value raw, without a quantization check
    // A constant int16 operand of a concatenation.
    auto c = int16_op(CONCATENATION, {1, 3}, {1, 5}, ConcatenationOptions);
    c.ops[0].options.scalar<std::int32_t>(0, 1);
    c.ops[0].inputs.push_back(c.add_tensor({"k", {1, 2}, INT16, c.add_buffer(std::vector<std::int16_t>{-32768, 300}), {1.0f / 1024}, {0}, 0, {}}));
    r = convert(build(c));
    CHECK(r.status == 0);
    CHECK(contains(r.out, "static constexpr std::int16_t values[2] = {"));
    CHECK(contains(r.out, "-32768, 300,"));
}

TEST_CASE("int16: the int32 sums' limits, mixed types and GATHER, which TFLM runs on int8 only") {
    expect_rejected(int16_pool(AVERAGE_POOL_2D, 257, 256, 257, 256),
                    "operator #0 AVERAGE_POOL_2D: filter 257x256 has more than 2^16 taps; ctnn's int32 sum of an int16 window could overflow");
    CHECK(convert(build(int16_pool(MAX_POOL_2D, 257, 256, 257, 256))).status == 0);  // no sum: any window
    expect_rejected(int16_mean(300, 300), "operator #0 MEAN: averages 90000 int16 elements per output value; more than 2^16 could overflow the int32 sum");
    auto c = int16_op(CONCATENATION, {1, 3}, {1, 5}, ConcatenationOptions);
    c.ops[0].options.scalar<std::int32_t>(0, 1);
    c.ops[0].inputs.push_back(c.add_tensor({"b", {1, 2}, INT8, 0, {1.0f / 1024}, {0}, 0, {}}));
    c.inputs.push_back(2);
    expect_rejected(c, "operator #0 CONCATENATION: tensor 'b' is int8; expected int16");
    auto p = int16_op(PADV2, {2, 3}, {3, 3}, PadV2Options);
    p.ops[0].inputs.push_back(p.add_tensor({"paddings", {2, 2}, INT32, p.add_buffer(std::vector<std::int32_t>{1, 0, 0, 0}), {}, {}, 0, {}}));
    p.ops[0].inputs.push_back(p.add_tensor({"v", {}, INT8, p.add_buffer(std::vector<std::int8_t>{5}), {1.0f / 1024}, {0}, 0, {}}));
    expect_rejected(p, "operator #0 PADV2: constant value tensor 'v' is int8; expected int16");
    auto g = int16_op(GATHER, {4, 3}, {2, 3}, GatherOptions);
    g.ops[0].options.scalar<std::int32_t>(0, 0);
    g.ops[0].inputs.push_back(g.add_tensor({"indices", {2}, INT32, g.add_buffer(std::vector<std::int32_t>{3, 0}), {}, {}, 0, {}}));
    expect_rejected(g, "operator #0 GATHER: tensor 'x' is int16; expected int8");
}
