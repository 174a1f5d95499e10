// An operator mapped to a user layer (custom_ops.hpp): every input as an operand (activation,
// model input or constant), one output of its own type, and w::opN describing the operator to
// the layer: its output tensor type, custom code and raw custom options.
#include <string>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

element element_of(const lowering& x, int index) {
    return x.model().tensors[static_cast<std::size_t>(index)].type == static_cast<int>(tensor_type::float32) ? element::float32 : element::int8;
}

void lower_user_layer(lowering& x, ir_layer& l) {
    const tfl_operator& op = x.op();
    for (std::size_t i = 0; i < op.inputs.size(); ++i) {
        if (op.inputs[i] < 0) x.op_fail("input #" + std::to_string(i) + " is left out; a user layer takes every input it is given");
        l.inputs.push_back(x.activation_input(i, element_of(x, op.inputs[i])));
    }
    if (l.inputs.empty()) x.op_fail("has no inputs; a user layer reads at least one tensor");
    const ir_tensor& out = x.add_output(element_of(x, op.outputs[0]));
    // The output's type, spelled out in the description (its quantization as a nested tag).
    l.custom_output_type = "ctnn::tensor_type<" + shape_type(out.shape) + ", " +
                           (out.type == element::float32 ? std::string("ctnn::float32") : std::string("quant")) + ">";
    if (out.type != element::float32) {
        l.custom_output_quant = "    struct quant { static constexpr float scale = " + float_literal(out.q.scale) +
                                "; static constexpr std::int32_t zero_point = " + std::to_string(out.q.zero_point) + "; };\n";
    }
}

std::string description_name(std::size_t node) { return "op" + std::to_string(node); }

std::string user_layer_type(const model_ir&, const ir_layer& l, std::size_t node) {
    return l.custom_layer + "<w::" + description_name(node) + ">";
}

// What the user layer is told: its output's type (the layer must produce exactly it), the
// operator's custom code and its custom options, byte for byte.
std::string describe(const ir_layer& l, std::size_t node) {
    std::string s = "// operator #" + std::to_string(l.op_index) + " " + l.custom_code + " for the user layer " + l.custom_layer + "\n";
    s += "struct " + description_name(node) + " {\n";
    s += l.custom_output_quant + "    using output = " + l.custom_output_type + ";\n";
    s += "    static constexpr const char* custom_code = \"" + comment_text(l.custom_code) + "\";\n";
    s += "    static constexpr std::size_t options_size = " + std::to_string(l.custom_options.size()) + ";\n";
    s += "    static constexpr std::uint8_t options[" + std::to_string(l.custom_options.empty() ? 1 : l.custom_options.size()) + "] = {";
    for (std::size_t i = 0; i < l.custom_options.size(); ++i) s += (i % 24 == 0 ? "\n        " : " ") + std::to_string(l.custom_options[i]) + ",";
    return s + (l.custom_options.empty() ? "0" : "\n    ") + "};\n};\n\n";
}

}  // namespace

const operator_entry user_layer_entry{
    .builtin = -1, .name = "CUSTOM", .lower = lower_user_layer, .layer_type = user_layer_type, .traits = ctnn::layers::separate_output,
    .constants = describe,
};

}  // namespace ctnn_convert
