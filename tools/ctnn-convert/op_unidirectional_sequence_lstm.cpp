// UNIDIRECTIONAL_SEQUENCE_LSTM: what TFLM 90b983c2's kernel runs (the standard LSTM: all four
// gates' input and recurrent weights, int8 and constant; int8 activations with int32 gate biases
// or int16 activations (16x8) with int64 ones; no CIFG, peephole, projection or layer norm), its
// output_state (the activations' type) and cell_state (int16) variable tensors the layer's state. TFLM's Prepare rules are checked here and named in the errors.
#include <algorithm>
#include <cstring>

#include <ctnn/kernels/reference/lstm_s8.hpp>
#include <ctnn/layers/unidirectional_sequence_lstm.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

// TFLite's input slots (lstm_shared.h).
constexpr int input_slot = 0, output_state_slot = 18, cell_state_slot = 19;
constexpr int input_weight_slot[4] = {1, 2, 3, 4}, recurrent_weight_slot[4] = {5, 6, 7, 8}, bias_slot[4] = {12, 13, 14, 15};
constexpr const char* gate_name[4] = {"input", "forget", "cell", "output"};

bool present(const tfl_operator& op, int slot) { return op.inputs[static_cast<std::size_t>(slot)] >= 0; }

// A constant int8 weight matrix [rows, cols], per tensor, zero point 0; returns its scale.
float lstm_weights(lowering& x, int slot, int rows, int cols, std::vector<std::int8_t>& out, const std::string& role) {
    const auto& data = x.constant_input(static_cast<std::size_t>(slot), tfl::tensor_type::int8, role.c_str());
    const int index = x.op().inputs[static_cast<std::size_t>(slot)];
    const std::vector<int> shape = x.static_shape(index);
    if (shape != std::vector<int>{rows, cols}) {
        x.op_fail(role + " " + x.tensor_label(index) + " has shape " + shape_text(shape) + "; TFLite's LSTM needs [" + std::to_string(rows) + ", " +
                  std::to_string(cols) + "] (units x " + (cols == rows ? "units" : "input size") + ")");
    }
    const auto& q = x.model().tensors[static_cast<std::size_t>(index)].quantization;
    if (!q || q->scale.empty()) x.op_fail(role + " " + x.tensor_label(index) + " has no quantization parameters");
    if (q->scale.size() != 1) {
        x.op_fail(role + " " + x.tensor_label(index) + " is quantized per channel (" + std::to_string(q->scale.size()) +
                  " scales); TFLM's LSTM takes one scale per weight tensor");
    }
    if (!q->zero_point.empty() && q->zero_point[0] != 0) {
        x.op_fail(role + " " + x.tensor_label(index) + " has zero point " + std::to_string(q->zero_point[0]) + "; ctnn needs symmetric weights (zero point 0)");
    }
    x.check_scale(index, q->scale[0]);
    const std::size_t at = out.size();
    out.resize(at + data.size());
    std::memcpy(out.data() + at, data.data(), data.size());
    return q->scale[0];
}

// A variable tensor the layer keeps as its state: variable, of `type`, `elements` values, not a
// model input and read or written by no other operator.
quantization lstm_variable(lowering& x, int slot, tfl::tensor_type type, std::size_t elements, const char* role) {
    const tfl_operator& op = x.op();
    if (!present(op, slot)) x.op_fail(std::string("missing ") + role + " (input #" + std::to_string(slot) + ")");
    const int index = op.inputs[static_cast<std::size_t>(slot)];
    const tfl_tensor& t = x.model().tensors[static_cast<std::size_t>(index)];
    if (!t.is_variable) x.op_fail(std::string(role) + " " + x.tensor_label(index) + " is not a variable tensor; TFLite's LSTM keeps its state in one");
    if (t.type != static_cast<int>(type)) {
        x.op_fail(std::string(role) + " " + x.tensor_label(index) + " is " + tfl::tensor_type_name(t.type) + "; this LSTM needs " +
                  tfl::tensor_type_name(static_cast<int>(type)));
    }
    std::size_t n = 1;
    for (const int d : x.static_shape(index)) n *= static_cast<std::size_t>(d);
    if (n != elements) {
        x.op_fail(std::string(role) + " " + x.tensor_label(index) + " has " + std::to_string(n) + " elements; it needs batch x units = " +
                  std::to_string(elements));
    }
    const tfl_model& m = x.model();
    if (std::find(m.inputs.begin(), m.inputs.end(), index) != m.inputs.end() || std::find(m.outputs.begin(), m.outputs.end(), index) != m.outputs.end()) {
        x.op_fail(std::string(role) + " " + x.tensor_label(index) + " is a model input or output; the layer keeps its state itself");
    }
    for (std::size_t k = 0; k < m.operators.size(); ++k) {
        const tfl_operator& other = m.operators[k];
        if (&other == &op) continue;
        const bool reads = std::find(other.inputs.begin(), other.inputs.end(), index) != other.inputs.end();
        const bool writes = std::find(other.outputs.begin(), other.outputs.end(), index) != other.outputs.end();
        if (reads || writes) {
            x.op_fail(std::string(role) + " " + x.tensor_label(index) + " is also " + (reads ? "read" : "written") + " by operator #" + std::to_string(k) +
                      "; ctnn keeps an LSTM's state inside the layer");
        }
    }
    return x.per_tensor_quantization(index);
}

void lower_lstm(lowering& x, ir_layer& l) {
    const tfl_operator& op = x.op();
    x.expect_inputs(24, 24);
    if (op.outputs.size() != 1) x.op_fail("has " + std::to_string(op.outputs.size()) + " outputs; TFLite's LSTM has 1");
    const tfl_options& o = x.options(tfl::options::unidirectional_sequence_lstm, false);
    if (o.activation != static_cast<int>(tfl::activation::tanh)) {
        x.op_fail("unsupported option: fused activation " + tfl::activation_name(o.activation) +
                  " (the cell gate's); TFLM's LSTM computes TANH (or SIGMOID, which the schema cannot express)");
    }
    if (!(o.cell_clip >= 0.0f)) x.op_fail("cell_clip " + float_text(o.cell_clip) + " is negative; TFLite's LSTM needs 0 (no clipping) or more");

    // The variants TFLM's kernel refuses (LstmTensors::ValidateTensorStatus).
    if (!present(op, input_weight_slot[0]) || !present(op, recurrent_weight_slot[0]) || !present(op, bias_slot[0])) {
        x.op_fail("CIFG (no input gate: input #1, #5 or #12 left out) is not supported: TFLM's LSTM kernel needs all four gates");
    }
    for (int s : {9, 10, 11})
        if (present(op, s)) x.op_fail("peephole weights (input #" + std::to_string(s) + ") are not supported: TFLM's LSTM kernel has no peephole");
    for (int s : {16, 17})
        if (present(op, s)) x.op_fail("projection (input #" + std::to_string(s) + ") is not supported: TFLM's LSTM kernel has no projection");
    for (int s : {20, 21, 22, 23})
        if (present(op, s)) x.op_fail("layer norm coefficients (input #" + std::to_string(s) + ") are not supported: TFLM's LSTM kernel has no layer norm");

    const int input_index = op.inputs[static_cast<std::size_t>(input_slot)];
    const bool wide = input_index >= 0 && x.model().tensors[static_cast<std::size_t>(input_index)].type == static_cast<int>(tfl::tensor_type::int16);
    const element act = wide ? element::int16 : element::int8;
    const int in = x.activation_input(input_slot, act);
    l.inputs = {in};
    const ir_tensor input = x.graph_tensor(in);
    if (input.shape.size() != 3) {
        x.op_fail("input " + x.tensor_label(input.tflite_index) + " has shape " + shape_text(input.shape) + "; TFLite's LSTM needs rank 3 ([batch, time, input] or time major [time, batch, input])");
    }
    ir_lstm s;
    s.int16 = wide;
    s.time_major = o.time_major;
    s.cell_clip = o.cell_clip;
    s.input_size = input.shape[2];
    const int batch = s.time_major ? input.shape[1] : input.shape[0];
    // The units: the forget gate's weights' rows (TFLM reads them from the output_state's shape and checks every weight against it).
    const int forget_weights = op.inputs[static_cast<std::size_t>(input_weight_slot[1])];
    if (forget_weights < 0) x.op_fail("missing input_to_forget weights (input #2)");
    const std::vector<int> fshape = x.static_shape(forget_weights);
    if (fshape.size() != 2) x.op_fail("input_to_forget weights " + x.tensor_label(forget_weights) + " have shape " + shape_text(fshape) + "; expected [units, input size]");
    s.units = fshape[0];
    for (int g = 0; g < 4; ++g) {
        s.input_weight_scales.push_back(
            lstm_weights(x, input_weight_slot[g], s.units, s.input_size, s.input_weights, std::string("input_to_") + gate_name[g] + " weights"));
    }
    for (int g = 0; g < 4; ++g) {
        s.recurrent_weight_scales.push_back(
            lstm_weights(x, recurrent_weight_slot[g], s.units, s.units, s.recurrent_weights, std::string("recurrent_to_") + gate_name[g] + " weights"));
    }
    for (int g = 0; g < 4; ++g) {
        const std::string role = std::string(gate_name[g]) + " gate bias";
        const auto& data = x.constant_input(static_cast<std::size_t>(bias_slot[g]), wide ? tfl::tensor_type::int64 : tfl::tensor_type::int32, role.c_str());
        const int index = op.inputs[static_cast<std::size_t>(bias_slot[g])];
        if (x.static_shape(index) != std::vector<int>{s.units}) {
            x.op_fail(role + " " + x.tensor_label(index) + " has shape " + shape_text(x.static_shape(index)) + "; expected [" + std::to_string(s.units) + "]");
        }
        for (int j = 0; j < s.units; ++j) {
            if (wide) {
                std::int64_t v = 0;
                std::memcpy(&v, data.data() + 8 * static_cast<std::size_t>(j), 8);  // little-endian, as the host
                s.bias.push_back(v);
            } else {
                s.bias.push_back(lowering::load_i32(data, static_cast<std::size_t>(j)));
            }
        }
    }

    const std::size_t state_elements = static_cast<std::size_t>(batch) * static_cast<std::size_t>(s.units);
    s.hidden = lstm_variable(x, output_state_slot, wide ? tfl::tensor_type::int16 : tfl::tensor_type::int8, state_elements, "output_state");
    const quantization cell = lstm_variable(x, cell_state_slot, tfl::tensor_type::int16, state_elements, "cell_state");
    s.cell_scale = cell.scale;
    if (!ctnn::kernels::lstm_cell_scale_in_range(s.cell_scale)) {
        x.op_fail("cell_state " + x.tensor_label(op.inputs[cell_state_slot]) + " has scale " + float_text(s.cell_scale) +
                  "; TFLite's int16 tanh of the cell needs 2^p with p from -40 to 2 (p rounded)");
    }

    const ir_tensor& out = x.add_output(act);
    x.expect_shape(out, {input.shape[0], input.shape[1], s.units});

    ctnn::kernels::lstm_quantization q;
    q.input_scale = input.q.scale;
    q.input_zero_point = input.q.zero_point;
    q.hidden_scale = s.hidden.scale;
    q.hidden_zero_point = s.hidden.zero_point;
    q.cell_scale = s.cell_scale;
    for (int g = 0; g < 4; ++g) {
        q.input_weight_scales[g] = s.input_weight_scales[static_cast<std::size_t>(g)];
        q.recurrent_weight_scales[g] = s.recurrent_weight_scales[static_cast<std::size_t>(g)];
    }
    const ctnn::kernels::lstm_reals r = ctnn::kernels::make_lstm_reals(q);
    for (int g = 0; g < 4; ++g) {
        if (wide && !(ctnn::kernels::lstm_fc_multiplier_in_range(r.input_fc[g], true) && ctnn::kernels::lstm_fc_multiplier_in_range(r.recurrent_fc[g], true))) {
            x.op_fail(std::string("the ") + gate_name[g] + " gate's effective FC scale (input or output_state scale x weight scale / 2^-12) is 2^7 or more; "
                      "TFLite's 64-bit requantization of the int16 LSTM takes shifts below 8");
        }
        x.check_multiplier(r.input_fc[g], std::string("the ") + gate_name[g] + " gate's input scale",
                           "input scale x input_to_" + std::string(gate_name[g]) + " weight scale / 2^-12");
        x.check_multiplier(r.recurrent_fc[g], std::string("the ") + gate_name[g] + " gate's recurrent scale",
                           "output_state scale x recurrent_to_" + std::string(gate_name[g]) + " weight scale / 2^-12");
    }
    x.check_multiplier(r.input_cell, "the input x cell gate scale", "2^-30 / cell_state scale");
    x.check_multiplier(r.hidden, "the hidden state scale", "2^-30 / output_state scale");
    l.state_bytes = ctnn::kernels::lstm_state_bytes(batch, s.units, wide ? 2 : 1);
    l.lstm = std::move(s);
}

std::string lstm_name(std::size_t node) { return "lstm" + std::to_string(node); }

std::string lstm_type(const model_ir&, const ir_layer&, std::size_t node) {
    return "ctnn::layers::unidirectional_sequence_lstm<w::" + lstm_name(node) + ", " + q_name(node) + ">";
}

template <class T>
std::string list_text(const std::vector<T>& v, std::size_t per_line) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i % per_line == 0 ? "\n        " : " ") + std::to_string(v[i]) + ",";
    return s + "\n    ";
}
std::string float_list(const std::vector<float>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + float_literal(v[i]);
    return s;
}

std::string lstm_constants(const ir_layer& l, std::size_t node) {
    const ir_lstm& s = *l.lstm;
    std::vector<int> wi(s.input_weights.begin(), s.input_weights.end()), wr(s.recurrent_weights.begin(), s.recurrent_weights.end());
    std::string t = "// operator #" + std::to_string(l.op_index) + " " + l.op_name + ": " + std::to_string(s.units) + " units, gates input, forget, cell, output\n";
    t += "struct " + lstm_name(node) + " {\n";
    t += "    static constexpr int units = " + std::to_string(s.units) + ", input_size = " + std::to_string(s.input_size) + ";\n";
    t += std::string("    static constexpr bool time_major = ") + (s.time_major ? "true" : "false") + ";\n";
    t += "    static constexpr float cell_clip = " + float_literal(s.cell_clip) + ";\n";
    t += "    struct hidden_quant { static constexpr float scale = " + float_literal(s.hidden.scale) +
         "; static constexpr std::int32_t zero_point = " + std::to_string(s.hidden.zero_point) + "; };  // output_state\n";
    t += "    static constexpr float cell_scale = " + float_literal(s.cell_scale) + ";  // cell_state\n";
    t += "    static constexpr float input_weight_scales[4] = {" + float_list(s.input_weight_scales) + "};\n";
    t += "    static constexpr float recurrent_weight_scales[4] = {" + float_list(s.recurrent_weight_scales) + "};\n";
    t += "    static constexpr std::int8_t input_weights[" + std::to_string(wi.size()) + "] = {" + list_text(wi, 24) + "};\n";
    t += "    static constexpr std::int8_t recurrent_weights[" + std::to_string(wr.size()) + "] = {" + list_text(wr, 24) + "};\n";
    t += std::string("    static constexpr std::int") + (s.int16 ? "64" : "32") + "_t bias[" + std::to_string(s.bias.size()) + "] = {" + list_text(s.bias, 12) + "};\n";
    t += "};\n\n";
    return t;
}

std::string lstm_options(const ir_layer& l) {
    const ir_lstm& s = *l.lstm;
    std::string t = std::to_string(s.units) + " units" + (s.int16 ? " int16" : "") + (s.time_major ? " time_major" : "");
    if (s.cell_clip > 0.0f) t += " cell_clip " + float_text(s.cell_clip);
    return t + " state " + std::to_string(l.state_bytes) + " B";
}

}  // namespace

extern const operator_entry unidirectional_sequence_lstm_operator;  // external linkage: operators.cpp lists it
const operator_entry unidirectional_sequence_lstm_operator{
    .builtin = tfl::op::unidirectional_sequence_lstm, .name = "UNIDIRECTIONAL_SEQUENCE_LSTM", .lower = lower_lstm,
    .layer_type = lstm_type, .traits = ctnn::layers::unidirectional_sequence_lstm_traits, .constants = lstm_constants,
    .options_text = lstm_options,
};

}  // namespace ctnn_convert
