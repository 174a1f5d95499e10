// The element-wise binary operators in the converter (ADD, SUB, MUL, SQUARED_DIFFERENCE,
// MAXIMUM, MINIMUM, PRELU): the layer each becomes, broadcast shapes accepted, and each
// rejection with exit status 2 and the message naming the operator, the tensors and the rule.
#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

constexpr int MUL = 18, SUB = 41, PRELU = 54, MAXIMUM = 55, SQUARED_DIFFERENCE = 99;
constexpr std::uint8_t MulOptions = 21, SubOptions = 28;

// x (shape_x) -> MEAN over `axes` (keep_dims) -> m; OP(x, m) -> y of shape_y.
model binary_model(int builtin, std::uint8_t options_type, const std::vector<std::int32_t>& shape_x, const std::vector<std::int32_t>& axes,
                   const std::vector<std::int32_t>& shape_m, const std::vector<std::int32_t>& shape_y, float s_y = 0.05f) {
    model m;
    m.add_tensor({"x", shape_x, INT8, 0, {0.02f}, {-5}, 0, {}});                                                   // 0
    m.add_tensor({"axes", {static_cast<std::int32_t>(axes.size())}, INT32, m.add_buffer(axes), {}, {}, 0, {}});  // 1
    m.add_tensor({"m", shape_m, INT8, 0, {0.03f}, {7}, 0, {}});                                                    // 2
    m.add_tensor({"y", shape_y, INT8, 0, {s_y}, {-1}, 0, {}});                                                     // 3
    op mean{m.code(MEAN), {0, 1}, {2}, ReducerOptions, true, {}};
    mean.options.scalar<bool>(0, true);
    m.ops.push_back(mean);
    op o{m.code(builtin), {0, 2}, {3}, options_type, options_type != 0, {}};
    if (options_type != 0) o.options.scalar<std::int8_t>(0, RELU);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {3};
    return m;
}

}  // namespace

TEST_CASE("binary: each operator converts, broadcasting a per-channel operand") {
    struct which {
        int builtin;
        std::uint8_t options;
        const char* layer;
    };
    for (const which w : {which{ADD, AddOptions, "ctnn::layers::add<q::t2, ctnn::act::relu>"},
                          which{SUB, SubOptions, "ctnn::layers::sub<q::t2, ctnn::act::relu>"},
                          which{MUL, MulOptions, "ctnn::layers::mul<q::t2, ctnn::act::relu>"},
                          which{SQUARED_DIFFERENCE, 0, "ctnn::layers::squared_difference<q::t2>"},
                          which{MAXIMUM, 0, "ctnn::layers::maximum<q::t2>"}, which{PRELU, 0, "ctnn::layers::prelu<q::t2>"}}) {
        const auto r = convert(build(binary_model(w.builtin, w.options, {1, 3, 4, 5}, {1, 2}, {1, 1, 1, 5}, {1, 3, 4, 5})));
        INFO("stderr: " << r.err);
        CHECK(r.status == 0);
        CHECK(r.out.find(w.layer) != std::string::npos);
    }
}

TEST_CASE("binary: shapes that do not broadcast are refused, both named") {
    // MEAN over axis 2 of 2x3x4 without keep_dims gives 2x3: aligned on the last axis, 3 meets 4.
    model m = binary_model(MUL, MulOptions, {2, 3, 4}, {2}, {2, 3}, {2, 3, 4});
    m.ops[0].options = {};
    m.ops[0].options.scalar<bool>(0, false);
    expect_rejected(m, "operator #1 MUL: input shapes 2x3x4 (tensor 'x') and 2x3 (tensor 'm') do not broadcast: output axis 1 is 3 in one and 2 "
                       "in the other (aligned on the last axis, each must be equal or 1)");
    m = binary_model(MUL, MulOptions, {2, 3, 4}, {2}, {2, 3, 1}, {2, 3, 5});
    expect_rejected(m, "operator #1 MUL: output tensor 'y' has shape 2x3x5, but the broadcast of the inputs' shape is 2x3x4");
}

TEST_CASE("binary: TFLM's broadcast rank limits") {
    // SQUARED_DIFFERENCE broadcasts up to 4-D in TFLM.
    expect_rejected(binary_model(SQUARED_DIFFERENCE, 0, {1, 2, 3, 2, 2}, {4}, {1, 2, 3, 2, 1}, {1, 2, 3, 2, 2}),
                    "operator #1 SQUARED_DIFFERENCE: input shapes 1x2x3x2x2 and 1x2x3x2x1 have rank 5; TFLite's SQUARED_DIFFERENCE "
                    "broadcasts tensors of at most 4 dimensions");
    // PRELU walks every input as 4-D, equal shapes too.
    model m = binary_model(PRELU, 0, {1, 2, 3, 2, 2}, {0}, {1, 2, 3, 2, 2}, {1, 2, 3, 2, 2});
    expect_rejected(m, "operator #1 PRELU: input shapes 1x2x3x2x2 and 1x2x3x2x2 have rank 5; TFLite's PRELU runs tensors of at most 4 dimensions");
}

TEST_CASE("binary: a rescaling factor out of range is refused") {
    // MUL: s1 s2 / s_out = 0.02 * 0.03 / 1e-13 is above 2^30.
    expect_rejected(binary_model(MUL, MulOptions, {1, 4}, {0}, {1, 4}, {1, 4}, 1e-13f),
                    "operator #1 MUL: the output rescaling factor s1 s2 / s_out = 5.99999984e+09 (input scales 0.0199999996 and 0.0299999993, "
                    "output scale 9.99999982e-14 (tensor 'y')) is out of range; ctnn, like TFLite, needs a finite value below 2^30 (a left shift of at "
                    "most 30 bits)");
}

namespace {
// a (1x2x3) OP b (3), each int16 unless stated: the 16x8 mode's symmetric tensors.
model int16_binary_model(int builtin, std::uint8_t options_type, std::int8_t type_b = INT16, float s_y = 0.05f) {
    model m;
    m.add_tensor({"a", {1, 2, 3}, INT16, 0, {0.02f}, {0}, 0, {}});
    m.add_tensor({"b", {3}, type_b, 0, {0.03f}, {0}, 0, {}});
    m.add_tensor({"y", {1, 2, 3}, INT16, 0, {s_y}, {0}, 0, {}});
    op o{m.code(builtin), {0, 1}, {2}, options_type, true, {}};
    o.options.scalar<std::int8_t>(0, RELU);
    m.ops.push_back(o);
    m.inputs = {0, 1};
    m.outputs = {2};
    return m;
}
}  // namespace

TEST_CASE("binary: int16 ADD, SUB and MUL convert to the same layers, on int16 tensors") {
    for (const auto& [builtin, options, layer] : {std::tuple{ADD, AddOptions, "ctnn::layers::add<q::t2, ctnn::act::relu>"},
                                                  std::tuple{SUB, SubOptions, "ctnn::layers::sub<q::t2, ctnn::act::relu>"},
                                                  std::tuple{MUL, MulOptions, "ctnn::layers::mul<q::t2, ctnn::act::relu>"}}) {
        const auto r = convert(build(int16_binary_model(builtin, options)));
        INFO("stderr: " << r.err);
        CHECK(r.status == 0);
        CHECK(r.out.find(layer) != std::string::npos);
        CHECK(r.out.find("using element = std::int16_t;") != std::string::npos);
    }
}

TEST_CASE("binary: int16 rules") {
    // TFLite takes two int16 tensors or two int8 ones, never a mix.
    expect_rejected(int16_binary_model(ADD, AddOptions, INT8), "operator #0 ADD: tensor 'b' is int8; expected int16");
    // int16 ADD: 2 max(s1, s2) / (2^15 s_out) must stay below one (QuantizeMultiplierSmallerThanOneExp).
    expect_rejected(int16_binary_model(ADD, AddOptions, INT16, 1e-6f),
                    "operator #0 ADD: int16: the output rescaling factor 2 max(s1, s2) / (2^15 s_out) = 1.83105465 (input scales 0.0199999996 "
                    "and 0.0299999993, output scale 9.99999997e-07 (tensor 'y')) is not in (0, 1); TFLite's int16 path needs every rescaling "
                    "factor below one (QuantizeMultiplierSmallerThanOneExp)");
}
