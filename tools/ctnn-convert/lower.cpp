// Lowering, the driver: model-level checks, one call per operator through its table entry
// (operators.hpp), and the model's totals. See lowering.hpp for the layout.
#include "lower.hpp"

#include <ctnn/core/shape.hpp>

#include "layer_stats.hpp"
#include "lowering.hpp"
#include "operators.hpp"

namespace ctnn_convert {

const char* element_name(element e) {
    switch (e) {
        case element::int8: return "int8";
        case element::float32: return "float32";
        case element::uint8: return "uint8";
        case element::int32: return "int32";
    }
    return "?";
}
std::size_t element_bytes(element e) { return e == element::float32 || e == element::int32 ? 4 : 1; }
bool is_quantized(element e) { return e == element::int8 || e == element::uint8; }

std::size_t ir_tensor::elements() const {
    std::size_t n = 1;
    for (const int d : shape) n *= static_cast<std::size_t>(d);
    return n;
}

using tfl::tensor_type;

// Walks the operators in order, keeping which .tflite tensor each graph tensor is.
model_ir lowering::run() {
    if (m_.inputs.size() != 1) fail("model has " + std::to_string(m_.inputs.size()) + " inputs; only 1 is supported");
    if (m_.outputs.size() != 1) fail("model has " + std::to_string(m_.outputs.size()) + " outputs; only 1 is supported");
    if (m_.operators.empty()) fail("model has no operators");

    const int in = m_.inputs[0];
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(in)];
    if (is_constant(t)) fail("model input " + tensor_label(in) + " is a constant");
    if (t.type != static_cast<int>(tensor_type::int8) && t.type != static_cast<int>(tensor_type::float32) &&
        t.type != static_cast<int>(tensor_type::uint8) && t.type != static_cast<int>(tensor_type::int32)) {
        fail("model input " + tensor_label(in) + " is " + tfl::tensor_type_name(t.type) + "; ctnn supports int8, uint8, int32 or float32 inputs");
    }
    ir_.tensors.push_back(make_tensor(in));
    graph_index_[in] = 0;

    for (std::size_t k = 0; k < m_.operators.size(); ++k) lower_operator(static_cast<int>(k));
    k_ = -1;
    entry_ = nullptr;

    const int out = m_.outputs[0];
    const int last = m_.operators.back().outputs.empty() ? -1 : m_.operators.back().outputs[0];
    if (out != last) {
        fail("model output " + tensor_label(out) + " is not produced by the last operator (#" + std::to_string(m_.operators.size() - 1) +
             "); ctnn needs the output to be the last operator's");
    }
    check_totals();
    return std::move(ir_);
}

void lowering::lower_operator(int k) {
    k_ = k;
    const tfl_operator& op = m_.operators[static_cast<std::size_t>(k)];
    name_ = tfl::operator_name(op.builtin_code);
    entry_ = nullptr;
    const std::string& supported = supported_operators_text();
    if (op.builtin_code == tfl::op::custom) op_fail("unsupported custom operator '" + op.custom_code + "'; supported: " + supported);
    if (op.outputs.size() != 1) op_fail("has " + std::to_string(op.outputs.size()) + " outputs; expected 1");
    if (op.options_2_type != 0) op_fail("unsupported option: builtin_options_2 (type " + std::to_string(op.options_2_type) + ")");
    if (op.has_custom_options) op_fail("unsupported option: custom_options");

    ir_layer l;
    l.op_index = k;
    l.op_name = name_;
    const int out_index = op.outputs[0];
    if (graph_index_.count(out_index) != 0) op_fail("writes " + tensor_label(out_index) + ", which an earlier operator produced");
    if (is_constant(m_.tensors[static_cast<std::size_t>(out_index)])) op_fail("writes the constant " + tensor_label(out_index));

    const operator_entry* entry = find_operator(op.builtin_code);
    if (entry == nullptr) op_fail("unsupported operator; supported: " + supported);
    entry_ = entry;
    l.entry = entry;
    l.table_bytes = entry->table_bytes;
    entry->lower(*this, l);
    ir_.layers.push_back(std::move(l));
    graph_index_[out_index] = static_cast<int>(ir_.tensors.size()) - 1;
}

// What a 32-bit target must address: every activation tensor at once (an upper bound of the
// arena, which the library plans with size_t), and the constant data.
void lowering::check_totals() const {
    const std::uint64_t limit = ctnn::max_tensor_bytes;
    std::uint64_t activations = 0, constants = 0;
    for (const auto& t : ir_.tensors) activations += t.bytes();
    for (const auto& l : ir_.layers) constants += layer_tflite_param_bytes(l);
    if (activations > limit) {
        fail("model's activation tensors total " + std::to_string(activations) + " bytes, more than the " + std::to_string(limit) +
             " ctnn plans an arena for (32-bit sizes)");
    }
    if (constants > limit) {
        fail("model's weights, biases and multipliers total " + std::to_string(constants) + " bytes, more than the " + std::to_string(limit) +
             " a 32-bit target can address");
    }
}

model_ir lower_to_ir(const tfl_model& model) { return lowering(model).run(); }

}  // namespace ctnn_convert
