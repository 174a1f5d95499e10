#include "emit_names.hpp"

#include <stdexcept>

#include "operators.hpp"

namespace ctnn_convert {

std::string shape_type(const std::vector<int>& shape) {
    std::string s = "ctnn::shape<";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + ">";
}

std::string q_name(std::size_t tensor) { return "q::t" + std::to_string(tensor); }

std::string act_type(activation a) {
    switch (a) {
        case activation::none: return "ctnn::act::none";
        case activation::relu: return "ctnn::act::relu";
        case activation::relu6: return "ctnn::act::relu6";
        case activation::relu_n1_to_1: return "ctnn::act::relu_n1_to_1";
    }
    return "";
}

std::string params_name(const ir_layer& l, std::size_t node) {
    // A layer with weights whose entry names no struct prefix is a table bug, not a model error.
    if (l.entry->params_prefix == nullptr) throw std::logic_error(std::string("operator_entry ") + l.entry->name + " has weights but no params_prefix");
    return l.entry->params_prefix + std::to_string(node);
}

std::string stride_type(const ir_layer& l) { return "ctnn::stride<" + std::to_string(l.stride_h) + ", " + std::to_string(l.stride_w) + ">"; }

std::string padding_type(const ir_layer& l) { return l.same_padding ? "ctnn::padding::same" : "ctnn::padding::valid"; }

}  // namespace ctnn_convert

namespace ctnn_convert {
std::string model_input_type(const model_ir& m, std::size_t tensor) {
    const ir_tensor& t = m.tensors[tensor];
    if (!t.fixed_values.empty()) return "ctnn::fixed_input<" + shape_type(t.shape) + ", " + quant_type(m, tensor) + ", w::" + fixed_values_name(tensor) + ">";
    return "ctnn::input<" + shape_type(t.shape) + ", " + quant_type(m, tensor) + ">";
}

std::string fixed_values_name(std::size_t tensor) { return "fixed" + std::to_string(tensor); }

std::string quant_type(const model_ir& m, std::size_t tensor) {
    const element e = m.tensors[tensor].type;
    return is_quantized(e) ? q_name(tensor) : std::string("ctnn::") + element_name(e);
}
}  // namespace ctnn_convert
