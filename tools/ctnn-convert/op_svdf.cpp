// SVDF: TFLM's full-integer path (int8 input and output, int8 feature weights, int16 or int8 time
// weights with a state of the same type, int32 bias). The activation_state input, a variable
// tensor, becomes the layer's state (ir_layer::state_bytes): no graph tensor.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <ctnn/kernels/reference/svdf_s8.hpp>
#include <ctnn/layers/accumulator_bound.hpp>
#include <ctnn/layers/svdf.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

constexpr std::size_t input_slot = 0, feature_slot = 1, time_slot = 2, bias_slot = 3, state_slot = 4;

// A weight tensor's one scale (TFLM reads params.scale: one per tensor).
float weight_scale(const lowering& x, int index, const char* role) {
    const auto& q = x.model().tensors[static_cast<std::size_t>(index)].quantization;
    if (!q || q->scale.empty()) x.op_fail(std::string(role) + " " + x.tensor_label(index) + " has no quantization scale");
    if (q->scale.size() != 1) {
        x.op_fail(std::string(role) + " " + x.tensor_label(index) + " is quantized per channel (" + std::to_string(q->scale.size()) +
                  " scales); SVDF takes one scale per weight tensor");
    }
    x.check_scale(index, q->scale[0]);
    return q->scale[0];
}

void lower_svdf(lowering& x, ir_layer& l) {
    x.expect_inputs(5, 5);
    const tfl_operator& op = x.op();
    const int in_index = op.inputs[input_slot];
    if (in_index >= 0 && x.model().tensors[static_cast<std::size_t>(in_index)].type == static_cast<int>(tfl::tensor_type::float32)) {
        x.op_fail("input " + x.tensor_label(in_index) + " is float32; ctnn runs SVDF's full-integer (int8) form only");
    }
    const int in = x.layer_input(l, 5, 5);
    const tfl_options& o = x.options(tfl::options::svdf, true);
    const ir_tensor input = x.graph_tensor(in);
    x.require_rank(input, 2, "input");

    ir_svdf s;
    s.rank = o.rank;
    // Feature weights [F, I], int8.
    const auto& feature = x.constant_input(feature_slot, tfl::tensor_type::int8, "weights_feature");
    const int feature_index = op.inputs[feature_slot];
    s.feature_shape = x.static_shape(feature_index);
    if (s.feature_shape.size() != 2 || s.feature_shape[1] != input.shape[1]) {
        x.op_fail("weights_feature " + x.tensor_label(feature_index) + " " + shape_text(s.feature_shape) + " must be [filters, " +
                  std::to_string(input.shape[1]) + "] (the input's second dimension)");
    }
    const int filters = s.feature_shape[0];
    if (!ctnn::kernels::svdf_rank_divides(filters, s.rank)) {
        x.op_fail("rank " + std::to_string(s.rank) + " does not divide the " + std::to_string(filters) + " filters of weights_feature " +
                  x.tensor_label(feature_index) + "; TFLite needs filters = units x rank");
    }
    const int units = filters / s.rank;
    s.feature_scale = weight_scale(x, feature_index, "weights_feature");
    s.weights_feature.assign(feature.begin(), feature.end());

    // Time weights [F, M], int16 or int8: the state's type.
    const int time_index = op.inputs[time_slot];
    if (time_index < 0) x.op_fail("missing weights_time (input #2)");
    const int time_type = x.model().tensors[static_cast<std::size_t>(time_index)].type;
    const bool int16_time = time_type == static_cast<int>(tfl::tensor_type::int16);
    if (!int16_time && time_type != static_cast<int>(tfl::tensor_type::int8)) {
        x.op_fail("weights_time " + x.tensor_label(time_index) + " is " + tfl::tensor_type_name(time_type) + "; SVDF takes int16 or int8 time weights");
    }
    s.state_type = int16_time ? element::int16 : element::int8;
    const auto& time = x.constant_input(time_slot, int16_time ? tfl::tensor_type::int16 : tfl::tensor_type::int8, "weights_time");
    s.time_shape = x.static_shape(time_index);
    if (s.time_shape.size() != 2 || s.time_shape[0] != filters) {
        x.op_fail("weights_time " + x.tensor_label(time_index) + " " + shape_text(s.time_shape) + " must be [" + std::to_string(filters) +
                  ", memory] (the filters of weights_feature)");
    }
    const int memory = s.time_shape[1];
    s.time_scale = weight_scale(x, time_index, "weights_time");
    const std::size_t time_count = std::size_t(filters) * std::size_t(memory);
    for (std::size_t i = 0; i < time_count; ++i) {
        s.weights_time.push_back(int16_time ? static_cast<std::int16_t>(time[2 * i] | (time[2 * i + 1] << 8)) : std::int16_t{static_cast<std::int8_t>(time[i])});
    }

    // Bias [U], int32: TFLM's Prepare reads its scale, so a model without one does not run there.
    const int bias_index = op.inputs[bias_slot];
    if (bias_index < 0) {
        x.op_fail("has no bias (input #3); TFLM's integer SVDF reads the bias's scale in Prepare and fails without one, so ctnn needs it too");
    }
    const auto& bias = x.constant_input(bias_slot, tfl::tensor_type::int32, "bias");
    const std::vector<int> bias_shape = x.static_shape(bias_index);
    if (bias_shape.size() != 1 || bias_shape[0] != units) {
        x.op_fail("bias " + x.tensor_label(bias_index) + " " + shape_text(bias_shape) + " must be [" + std::to_string(units) + "] (units = filters / rank)");
    }
    for (int u = 0; u < units; ++u) s.bias.push_back(lowering::load_i32(bias, static_cast<std::size_t>(u)));
    s.bias_scale = weight_scale(x, bias_index, "bias");

    // The activation state: a variable [B, F * M] of the time weights' type, read by this operator only.
    const int state_index = op.inputs[state_slot];
    if (state_index < 0) x.op_fail("missing activation_state (input #4)");
    const tfl_tensor& state = x.model().tensors[static_cast<std::size_t>(state_index)];
    if (!state.is_variable) x.op_fail("activation_state " + x.tensor_label(state_index) + " is not a variable tensor; TFLite's SVDF needs one");
    if (state.type != time_type) {
        x.op_fail("activation_state " + x.tensor_label(state_index) + " is " + tfl::tensor_type_name(state.type) + " but weights_time is " +
                  tfl::tensor_type_name(time_type) + "; TFLM reads both as one type");
    }
    // Data in its buffer, if any, is not read: TFLM resets variables before the first Invoke().
    const std::vector<int> state_shape = x.static_shape(state_index);
    if (state_shape != std::vector<int>{input.shape[0], filters * memory}) {
        x.op_fail("activation_state " + x.tensor_label(state_index) + " " + shape_text(state_shape) + " must be [" + std::to_string(input.shape[0]) +
                  ", " + std::to_string(filters * memory) + "] (batch, filters x memory)");
    }
    const tfl_model& m = x.model();
    for (std::size_t k = 0; k < m.operators.size(); ++k) {
        const auto& other = m.operators[k];
        const bool reads = std::count(other.inputs.begin(), other.inputs.end(), state_index) > 0;
        const bool writes = std::count(other.outputs.begin(), other.outputs.end(), state_index) > 0;
        if ((reads || writes) && &other != &op) {
            x.op_fail("activation_state " + x.tensor_label(state_index) + " is also used by operator #" + std::to_string(k) +
                      "; ctnn keeps an SVDF's state inside the layer");
        }
    }
    for (const int io : m.inputs)
        if (io == state_index) x.op_fail("activation_state " + x.tensor_label(state_index) + " is a model input; it must be the layer's own state");
    for (const int io : m.outputs)
        if (io == state_index) x.op_fail("activation_state " + x.tensor_label(state_index) + " is a model output; it must be the layer's own state");
    s.state_q = x.per_tensor_quantization(state_index);

    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, {input.shape[0], units});

    if (!ctnn::kernels::svdf_bias_scale_ok(s.bias_scale, s.state_q.scale, s.time_scale)) {
        x.op_fail("bias " + x.tensor_label(bias_index) + " has scale " + float_text(s.bias_scale) + "; TFLM's Prepare needs it within 1e-5 of state scale " +
                  float_text(s.state_q.scale) + " x weights_time scale " + float_text(s.time_scale));
    }
    x.check_multiplier(ctnn::kernels::svdf_feature_real(input.q.scale, s.feature_scale, s.state_q.scale), "the effective state scale",
                       "input scale " + float_text(input.q.scale) + " x weights_feature scale " + float_text(s.feature_scale) + " / state scale " +
                           float_text(s.state_q.scale));
    x.check_multiplier(ctnn::kernels::svdf_output_real(s.state_q.scale, s.time_scale, out.q.scale), "the effective output scale",
                       "state scale " + float_text(s.state_q.scale) + " x weights_time scale " + float_text(s.time_scale) + " / output scale " +
                           float_text(out.q.scale) + "; output " + x.tensor_label(out.tflite_index));
    // The feature dot product's int32 accumulator (the layer static_asserts the same bound).
    const std::int64_t x_max = std::max<std::int64_t>(127 - input.q.zero_point, input.q.zero_point + 128);
    for (int f = 0; f < filters; ++f) {
        std::int64_t sum = 0;
        for (int i = 0; i < input.shape[1]; ++i) sum += std::abs(std::int64_t{s.weights_feature[std::size_t(f) * std::size_t(input.shape[1]) + std::size_t(i)]});
        if (sum * x_max > ctnn::max_accumulator_magnitude) {
            x.op_fail("filter " + std::to_string(f) + " of weights_feature " + x.tensor_label(feature_index) + " could overflow the int32 accumulator");
        }
    }

    const std::size_t state_element_bytes = int16_time ? 2 : 1;
    l.state_bytes = std::size_t(input.shape[0]) * time_count * state_element_bytes;
    l.table_bytes = s.weights_feature.size() + time_count * state_element_bytes + s.bias.size() * 4;  // as the layer's param_bytes
    l.act = o.activation == 0 ? activation::none : activation::relu;  // for the options text only: the integer kernel applies none
    l.svdf = std::move(s);
}

std::string svdf_name(std::size_t node) { return "svdf" + std::to_string(node); }

std::string svdf_type(const model_ir&, const ir_layer&, std::size_t node) {
    return "ctnn::layers::svdf<w::" + svdf_name(node) + ", " + q_name(node) + ">";
}

template <class T>
std::string list_text(const std::vector<T>& values, std::size_t per_line) {
    std::string s;
    for (std::size_t i = 0; i < values.size(); ++i) s += (i % per_line == 0 ? "\n        " : " ") + std::to_string(values[i]) + ",";
    return s + "\n    ";
}

std::string svdf_constants(const ir_layer& l, std::size_t node) {
    const ir_svdf& s = *l.svdf;
    const std::string element = s.state_type == element::int16 ? "std::int16_t" : "std::int8_t";
    std::vector<int> feature(s.weights_feature.begin(), s.weights_feature.end()), time(s.weights_time.begin(), s.weights_time.end());
    std::string t = "// operator #" + std::to_string(l.op_index) + " " + l.op_name + ": weights_feature " + shape_text(s.feature_shape) +
                    ", weights_time " + shape_text(s.time_shape) + " " + element_name(s.state_type) + ", rank " + std::to_string(s.rank) + "\n";
    t += "struct " + svdf_name(node) + " {\n";
    t += "    static constexpr int rank = " + std::to_string(s.rank) + ";\n";
    t += "    using feature_shape = " + shape_type(s.feature_shape) + ";\n";
    t += "    static constexpr std::int8_t weights_feature[" + std::to_string(feature.size()) + "] = {" + list_text(feature, 24) + "};\n";
    t += "    static constexpr float feature_scale = " + float_literal(s.feature_scale) + ";\n";
    t += "    using time_shape = " + shape_type(s.time_shape) + ";\n";
    t += "    static constexpr " + element + " weights_time[" + std::to_string(time.size()) + "] = {" + list_text(time, 16) + "};\n";
    t += "    static constexpr float time_scale = " + float_literal(s.time_scale) + ";\n";
    t += "    static constexpr std::int32_t bias[" + std::to_string(s.bias.size()) + "] = {" + list_text(s.bias, 12) + "};\n";
    t += "    static constexpr float bias_scale = " + float_literal(s.bias_scale) + ";\n";
    t += "    struct state_quant {\n        using element = " + element + ";\n        static constexpr float scale = " + float_literal(s.state_q.scale) +
         ";\n        static constexpr std::int32_t zero_point = " + std::to_string(s.state_q.zero_point) + ";\n    };\n";
    t += "};\n\n";
    return t;
}

std::string svdf_options(const ir_layer& l) {
    const ir_svdf& s = *l.svdf;
    return "rank " + std::to_string(s.rank) + " memory " + std::to_string(s.time_shape[1]) + " state " + element_name(s.state_type) +
           (l.act != activation::none ? " (fused activation ignored, as TFLM's integer kernel does)" : "");
}

}  // namespace

extern const operator_entry svdf_operator;  // external linkage: operators.cpp lists it
const operator_entry svdf_operator{
    .builtin = tfl::op::svdf, .name = "SVDF", .lower = lower_svdf, .layer_type = svdf_type, .traits = ctnn::layers::svdf_traits,
    .constants = svdf_constants, .options_text = svdf_options,
};

}  // namespace ctnn_convert
