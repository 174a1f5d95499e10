// Lowering, the driver: model-level checks, one call per operator through its table entry
// (operators.hpp), and the model's totals. See lowering.hpp for the layout.
#include "lower.hpp"

#include <ctnn/core/shape.hpp>

#include "layer_stats.hpp"
#include "lowering.hpp"
#include "op_decode.hpp"
#include "operators.hpp"

namespace ctnn_convert {

const char* element_name(element e) {
    switch (e) {
        case element::int8: return "int8";
        case element::float32: return "float32";
        case element::uint8: return "uint8";
        case element::int32: return "int32";
        case element::int16: return "int16";
        case element::int64: return "int64";
    }
    return "?";
}
std::size_t element_bytes(element e) {
    switch (e) {
        case element::int8:
        case element::uint8: return 1;
        case element::int16: return 2;
        case element::float32:
        case element::int32: return 4;
        case element::int64: return 8;
    }
    return 1;
}
bool is_quantized(element e) { return e == element::int8 || e == element::uint8 || e == element::int16; }

std::size_t ir_tensor::elements() const {
    std::size_t n = 1;
    for (const int d : shape) n *= static_cast<std::size_t>(d);
    return n;
}

using tfl::tensor_type;

// Walks the operators in order, keeping which .tflite tensor each graph tensor is. The model's
// inputs come first (graph tensors 0..I-1); a constant operand becomes a source layer just
// before the operator that first reads it.
model_ir lowering::run() {
    if (m_.inputs.empty()) fail("model has no inputs");
    if (m_.outputs.empty()) fail("model has no outputs");
    if (m_.operators.empty()) fail("model has no operators");

    for (std::size_t i = 0; i < m_.inputs.size(); ++i) {
        const int in = m_.inputs[i];
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(in)];
        if (is_constant(t)) fail("model input " + tensor_label(in) + " is a constant");
        if (t.type != static_cast<int>(tensor_type::int8) && t.type != static_cast<int>(tensor_type::float32) &&
            t.type != static_cast<int>(tensor_type::uint8) && t.type != static_cast<int>(tensor_type::int32) &&
            t.type != static_cast<int>(tensor_type::int16)) {
            fail("model input " + tensor_label(in) + " is " + tfl::tensor_type_name(t.type) + "; ctnn supports int8, uint8, int16, int32 or float32 inputs");
        }
        if (graph_index_.count(in) != 0) fail("model input " + tensor_label(in) + " is listed twice");
        ir_.tensors.push_back(make_tensor(in));
        if (i > 0) {
            ir_layer l;
            l.entry = &model_input_entry;
            l.op_index = -1;
            l.op_name = "INPUT";
            ir_.layers.push_back(std::move(l));
        }
        graph_index_[in] = static_cast<int>(ir_.tensors.size()) - 1;
        ir_.inputs.push_back(graph_index_[in]);
    }

    for (std::size_t k = 0; k < m_.operators.size(); ++k) lower_operator(static_cast<int>(k));
    k_ = -1;
    entry_ = nullptr;

    for (const int out : m_.outputs) {
        const auto found = graph_index_.find(out);
        if (found == graph_index_.end()) fail("model output " + tensor_label(out) + " is not produced by any operator");
        ir_.outputs.push_back(found->second);
    }
    check_totals();
    ir_.includes = custom_.includes;
    return std::move(ir_);
}

// The graph tensor of constant .tflite tensor `index`, read as an operand: a constant source
// layer, made once per tensor. Only before the current operator adds its output (the source
// must precede it): every lowering takes its activation inputs first.
int lowering::constant_operand(int index) {
    const auto found = graph_index_.find(index);
    if (found != graph_index_.end()) return found->second;
    if (ir_.tensors.size() != ir_.layers.size() + 1) op_fail("internal error: a constant operand read after the output was added");
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    if (t.type != static_cast<int>(tensor_type::int8) && t.type != static_cast<int>(tensor_type::int16)) {
        tensor_fail(index, "is a " + tfl::tensor_type_name(t.type) + " constant operand; ctnn supports int8 and int16 constant operands");
    }
    ir_tensor tensor = make_tensor(index, true);
    const std::vector<std::uint8_t>& data = m_.buffers[t.buffer];
    if (data.size() != tensor.bytes()) {
        tensor_fail(index, "holds " + std::to_string(data.size()) + " bytes for " + std::to_string(tensor.bytes()) + " elements");
    }
    ir_layer l;
    l.entry = &constant_entry;
    l.op_index = k_;
    l.op_name = "CONSTANT";
    l.constant_values = data;
    l.constant_element = tensor.type;
    ir_.tensors.push_back(std::move(tensor));
    ir_.layers.push_back(std::move(l));
    graph_index_[index] = static_cast<int>(ir_.tensors.size()) - 1;
    return graph_index_[index];
}

void lowering::lower_operator(int k) {
    k_ = k;
    const tfl_operator& op = m_.operators[static_cast<std::size_t>(k)];
    if (op.folded) return;  // its outputs are constants now
    name_ = tfl::operator_name(op.builtin_code);
    entry_ = nullptr;
    const std::string& supported = supported_operators_text();
    // A user layer for this custom code or builtin (custom_ops.hpp) comes first: it may override.
    const custom_op_mapping* user = custom_.find(op.builtin_code == tfl::op::custom ? op.custom_code : name_);
    if (op.builtin_code == tfl::op::custom && user == nullptr) {
        op_fail("unsupported custom operator '" + op.custom_code + "'; supported: " + supported +
                "; map it to a layer of your own with --custom " + op.custom_code + "=TYPE (docs/custom-operators.md)");
    }
    const operator_entry* entry = user != nullptr ? &user_layer_entry : find_operator(op.builtin_code);
    if (entry == nullptr) op_fail("unsupported operator (docs/operators.md lists what ctnn converts); supported: " + supported);
    if (op.outputs.empty() || (op.outputs.size() != 1 && !entry->multi_output)) {
        op_fail("has " + std::to_string(op.outputs.size()) + " outputs; expected 1");
    }
    if (op.options_2_type != 0 && user == nullptr) op_fail("unsupported option: builtin_options_2 (type " + std::to_string(op.options_2_type) + ")");
    if (op.has_custom_options && user == nullptr) op_fail("unsupported option: custom_options");

    for (const int out_index : op.outputs) {
        if (out_index < 0) op_fail("leaves out an output");
        if (graph_index_.count(out_index) != 0) op_fail("writes " + tensor_label(out_index) + ", which an earlier operator produced");
        if (is_constant(m_.tensors[static_cast<std::size_t>(out_index)])) op_fail("writes the constant " + tensor_label(out_index));
    }
    entry_ = entry;
    // One layer per output: an operator with several (SPLIT) is lowered once for each, its
    // lowering reading output_slot() to tell which part it makes.
    for (out_slot_ = 0; out_slot_ < static_cast<int>(op.outputs.size()); ++out_slot_) {
        ir_layer l;
        l.op_index = k;
        l.op_name = name_;
        if (user != nullptr) {
            l.custom_layer = user->layer_type;
            l.custom_code = op.builtin_code == tfl::op::custom ? op.custom_code : name_;
            l.custom_options = op.custom_options;
        }
        l.entry = entry;
        l.table_bytes = entry->table_bytes;
        entry->lower(*this, l);
        ir_.layers.push_back(std::move(l));
        graph_index_[op.outputs[static_cast<std::size_t>(out_slot_)]] = static_cast<int>(ir_.tensors.size()) - 1;
    }
    out_slot_ = 0;
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

model_ir lower_to_ir(const tfl_model& model, const custom_ops& custom) {
    if (has_decode(model)) return lowering(fold_decode(model), custom).run();  // a copy only when there is something to fold
    return lowering(model, custom).run();
}

}  // namespace ctnn_convert
