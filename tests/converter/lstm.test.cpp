// UNIDIRECTIONAL_SEQUENCE_LSTM in the converter: the standard LSTM converts (int8, and int16
// with int64 biases), its two variable tensors become the layer's state (no graph tensors), and what TFLM's kernel refuses
// (projection, peephole, CIFG, layer norm, a state that is not a variable, another cell
// activation) is refused with exit 2, naming the operator, the tensor and the rule.
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

constexpr int UNIDIRECTIONAL_SEQUENCE_LSTM = 44;
constexpr std::uint8_t UnidirectionalSequenceLSTMOptions = 71;

// x [1, 3, 4] -> LSTM (2 units) -> y [1, 3, 2]; inputs[] as TFLite numbers them.
struct lstm_model {
    model m;
    std::vector<std::int32_t> inputs = std::vector<std::int32_t>(24, -1);
    int output = -1;

    // wide: int16 activations (zero point 0) and int64 biases, as TFLite's 16x8 LSTM.
    explicit lstm_model(bool wide = false) {
        const std::int8_t act = wide ? INT16 : INT8;
        inputs[0] = m.add_tensor({"x", {1, 3, 4}, act, 0, {0.05f}, {wide ? 0 : 3}, 0, {}});
        for (int g = 0; g < 4; ++g) inputs[static_cast<std::size_t>(1 + g)] = weights("w_in" + std::to_string(g), 2, 4);
        for (int g = 0; g < 4; ++g) inputs[static_cast<std::size_t>(5 + g)] = weights("w_rec" + std::to_string(g), 2, 2);
        for (int g = 0; g < 4; ++g) {
            const std::uint32_t b = wide ? m.add_buffer(std::vector<std::int64_t>{100, -200}) : m.add_buffer(std::vector<std::int32_t>{100, -200});
            inputs[static_cast<std::size_t>(12 + g)] = m.add_tensor({"b" + std::to_string(g), {2}, wide ? std::int8_t{4} : INT32, b, {0.0005f}, {0}, 0, {}});
        }
        tensor h{"output_state", {1, 2}, act, 0, {wide ? 1.0f / 32768.0f : 0.0078125f}, {wide ? 0 : -5}, 0, {}};
        h.is_variable = true;
        inputs[18] = m.add_tensor(h);
        tensor c{"cell_state", {1, 2}, INT16, 0, {1.0f / 2048.0f}, {0}, 0, {}};
        c.is_variable = true;
        inputs[19] = m.add_tensor(c);
        output = m.add_tensor({"y", {1, 3, 2}, act, 0, {wide ? 1.0f / 32768.0f : 0.0078125f}, {wide ? 0 : -5}, 0, {}});
        m.inputs = {inputs[0]};
        m.outputs = {output};
    }
    int weights(const std::string& name, int rows, int cols) {
        const std::vector<std::int8_t> w(static_cast<std::size_t>(rows * cols), 7);
        return m.add_tensor({name, {rows, cols}, INT8, m.add_buffer(w), {0.01f}, {0}, 0, {}});
    }
    model build_model(std::int8_t activation = ACT_TANH) const {
        model out = m;
        op o{out.code(UNIDIRECTIONAL_SEQUENCE_LSTM), inputs, {output}, UnidirectionalSequenceLSTMOptions, true, {}};
        o.options.scalar<std::int8_t>(0, activation).scalar<float>(1, 3.0f);
        out.ops.push_back(o);
        return out;
    }
};

}  // namespace

TEST_CASE("unidirectional_sequence_lstm: the int8 LSTM converts; its variables are the layer's state") {
    const lstm_model l;
    const auto r = convert(build(l.build_model()));
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("ctnn::layers::unidirectional_sequence_lstm<w::lstm1, q::t1>") != std::string::npos);
    CHECK(r.out.find("static constexpr float cell_clip = 3.0f;") != std::string::npos);
    CHECK(r.out.find("struct hidden_quant { static constexpr float scale = 0.0078125f; static constexpr std::int32_t zero_point = -5; };") !=
          std::string::npos);
    // Two graph tensors only: the input and the output (no state tensors).
    CHECK(r.out.find("struct t2 ") == std::string::npos);
}

TEST_CASE("unidirectional_sequence_lstm: int16 activations take int64 biases and an int16 output_state") {
    const lstm_model wide(true);
    const auto r = convert(build(wide.build_model()));
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("static constexpr std::int64_t bias[8]") != std::string::npos);
    CHECK(r.out.find("using element = std::int16_t;") != std::string::npos);
    lstm_model bad(true);  // an int8 output_state with int16 activations
    bad.m.tensors[static_cast<std::size_t>(bad.inputs[18])].type = INT8;
    expect_rejected(bad.build_model(), "operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: output_state tensor 'output_state' is int8; this LSTM needs int16");
}

TEST_CASE("unidirectional_sequence_lstm: what TFLM's kernel refuses is refused, naming the rule") {
    {
        lstm_model l;  // projection weights (input #16)
        l.inputs[16] = l.weights("proj", 2, 2);
        expect_rejected(l.build_model(), "operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: projection (input #16) is not supported: TFLM's LSTM kernel has no projection");
    }
    {
        lstm_model l;  // peephole (input #10)
        l.inputs[10] = l.m.add_tensor({"peep", {2}, INT16, l.m.add_buffer(std::vector<std::int16_t>{1, 2}), {0.01f}, {0}, 0, {}});
        expect_rejected(l.build_model(), "operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: peephole weights (input #10) are not supported: TFLM's LSTM kernel has no peephole");
    }
    {
        lstm_model l;  // CIFG: no input gate
        l.inputs[1] = l.inputs[5] = l.inputs[12] = -1;
        expect_rejected(l.build_model(),
                        "operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: CIFG (no input gate: input #1, #5 or #12 left out) is not supported: TFLM's LSTM kernel needs all four gates");
    }
    {
        lstm_model l;  // layer norm
        l.inputs[21] = l.m.add_tensor({"ln", {2}, INT16, l.m.add_buffer(std::vector<std::int16_t>{1, 2}), {0.01f}, {0}, 0, {}});
        expect_rejected(l.build_model(),
                        "operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: layer norm coefficients (input #21) are not supported: TFLM's LSTM kernel has no layer norm");
    }
    {
        lstm_model l;  // the cell state not a variable
        l.m.tensors[static_cast<std::size_t>(l.inputs[19])].is_variable = false;
        expect_rejected(l.build_model(),
                        "operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: cell_state tensor 'cell_state' is not a variable tensor; TFLite's LSTM keeps its state in one");
    }
    {
        const lstm_model l;
        expect_rejected(l.build_model(RELU),
                        "operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: unsupported option: fused activation RELU (the cell gate's); TFLM's LSTM computes TANH (or "
                        "SIGMOID, which the schema cannot express)");
    }
}
