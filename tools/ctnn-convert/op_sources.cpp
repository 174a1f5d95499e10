// The layers that are not TFLite operators: a model's further inputs (input 0 is graph tensor
// 0) and the constant tensors operators read as operands (ADD with a constant, PRELU's alpha),
// emitted as ctnn::input<...> and ctnn::constant<...> entries (graph/sources.hpp).
#include <ctnn/graph/sources.hpp>  // source_traits

#include <string>

#include "emit_names.hpp"
#include "operators.hpp"

namespace ctnn_convert {

namespace {

std::string values_name(std::size_t node) { return "c" + std::to_string(node); }

std::string input_type(const model_ir& m, const ir_layer&, std::size_t node) { return model_input_type(m, node); }

std::string constant_type(const model_ir& m, const ir_layer&, std::size_t node) {
    return "ctnn::constant<" + shape_type(m.tensors[node].shape) + ", " + quant_type(m, node) + ", w::" + values_name(node) + ">";
}

// The values as an int8 or int16 array (the constant operand types: the lowering checks them).
std::string constant_values(const ir_layer& l, std::size_t node) {
    const std::size_t width = l.constant_int16 ? 2 : 1;
    const std::size_t n = l.constant_values.size() / width;
    std::string s = "// operator #" + std::to_string(l.op_index) + "'s constant operand (a tensor in flash)\nstruct " + values_name(node) +
                    " {\n    static constexpr " + (l.constant_int16 ? "std::int16_t" : "std::int8_t") + " values[" + std::to_string(n) + "] = {";
    for (std::size_t i = 0; i < n; ++i) {
        const int v = l.constant_int16 ? static_cast<int>(static_cast<std::int16_t>(static_cast<std::uint16_t>(
                                             l.constant_values[2 * i] | (l.constant_values[2 * i + 1] << 8))))
                                       : static_cast<int>(static_cast<std::int8_t>(l.constant_values[i]));
        s += (i % 24 == 0 ? "\n        " : " ") + std::to_string(v) + ",";
    }
    return s + "\n    };\n};\n\n";
}

}  // namespace

const operator_entry model_input_entry{
    .builtin = -1, .name = "INPUT", .lower = nullptr, .layer_type = input_type, .traits = ctnn::layers::source_traits,
    .kind = ctnn::plan::entry_kind::input,
};
const operator_entry constant_entry{
    .builtin = -1, .name = "CONSTANT", .lower = nullptr, .layer_type = constant_type, .traits = ctnn::layers::source_traits,
    .constants = constant_values, .kind = ctnn::plan::entry_kind::constant,
};

}  // namespace ctnn_convert
