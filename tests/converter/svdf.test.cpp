// SVDF in the converter: the full-integer forms it accepts (int16 or int8 time weights and state)
// and its rejections, each with exit status 2 and the operator, the tensor and the rule named.
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

constexpr int SVDF = 27;
constexpr std::uint8_t SVDFOptions = 6;

struct svdf_form {
    std::int8_t state_type = INT16;
    std::int8_t time_type = INT16;
    bool bias = true;
    bool variable = true;
    int rank = 2;
};

// x [1, 3] -> SVDF (4 filters, 2 memory steps) -> y [1, 4 / rank].
model svdf_model(svdf_form f = {}) {
    model m;
    const int units = 4 / f.rank;
    const float s_state = 0.01f, s_time = 0.002f;
    m.add_tensor({"x", {1, 3}, INT8, 0, {0.05f}, {-3}, 0, {}});
    const auto feature = m.add_buffer(std::vector<std::int8_t>{1, -2, 3, 4, -5, 6, 7, 8, -9, 10, 11, -12});
    m.add_tensor({"weights_feature", {4, 3}, INT8, feature, {0.01f}, {0}, 0, {}});
    const auto time = f.time_type == INT16 ? m.add_buffer(std::vector<std::int16_t>{100, -200, 300, 400, -500, 600, 700, 800})
                                           : m.add_buffer(std::vector<std::int8_t>{10, -20, 30, 40, -50, 60, 70, 80});
    m.add_tensor({"weights_time", {4, 2}, f.time_type, time, {s_time}, {0}, 0, {}});
    const auto bias = m.add_buffer(std::vector<std::int32_t>(static_cast<std::size_t>(units), 7));
    m.add_tensor({"bias", {units}, INT32, bias, {s_state * s_time}, {0}, 0, {}});
    tensor state{"state", {1, 8}, f.state_type, 0, {s_state}, {f.state_type == INT8 ? 3 : 0}, 0, {}};
    state.is_variable = f.variable;
    m.add_tensor(state);
    m.add_tensor({"y", {1, units}, INT8, 0, {0.02f}, {5}, 0, {}});
    op o{m.code(SVDF), {0, 1, 2, f.bias ? 3 : -1, 4}, {5}, SVDFOptions, true, {}};
    o.options.scalar<std::int32_t>(0, f.rank).scalar<std::int8_t>(1, RELU);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {5};
    return m;
}

}  // namespace

TEST_CASE("svdf: int16 and int8 state convert; the state is the layer's, not a tensor of the graph") {
    const auto r = convert(build(svdf_model()));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("ctnn::layers::svdf<w::svdf1, q::t1>") != std::string::npos);
    CHECK(r.out.find("using element = std::int16_t;") != std::string::npos);
    CHECK(r.out.find("static constexpr int tflite_tensors[2] = {0, 5};") != std::string::npos);  // no tensor for the state
    const auto r8 = convert(build(svdf_model({.state_type = INT8, .time_type = INT8})));
    INFO("stderr: " << r8.err);
    CHECK(r8.status == 0);
    CHECK(r8.out.find("static constexpr std::int8_t weights_time[8]") != std::string::npos);
    CHECK(r8.out.find("static constexpr std::int32_t zero_point = 3;") != std::string::npos);
}

TEST_CASE("svdf: the rules TFLM's Prepare enforces, and a bias TFLM cannot do without") {
    expect_rejected(svdf_model({.bias = false}),
                    "operator #0 SVDF: has no bias (input #3); TFLM's integer SVDF reads the bias's scale in Prepare and fails without one, so "
                    "ctnn needs it too");
    expect_rejected(svdf_model({.variable = false}),
                    "operator #0 SVDF: activation_state tensor 'state' is not a variable tensor; TFLite's SVDF needs one");
    expect_rejected(svdf_model({.state_type = INT8}),
                    "operator #0 SVDF: activation_state tensor 'state' is int8 but weights_time is int16; TFLM reads both as one type");
    expect_rejected(svdf_model({.rank = 3}),
                    "operator #0 SVDF: rank 3 does not divide the 4 filters of weights_feature tensor 'weights_feature'; TFLite needs "
                    "filters = units x rank");
}
