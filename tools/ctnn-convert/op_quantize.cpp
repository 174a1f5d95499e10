// QUANTIZE (float32 -> int8) and DEQUANTIZE (int8 -> float32): the model's float edges.
#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

void lower_quantize(lowering& x, ir_layer& l) {
    x.expect_inputs(1, 1);
    const int index = x.op().inputs[0];
    if (index >= 0 && x.model().tensors[static_cast<std::size_t>(index)].type != static_cast<int>(tensor_type::float32)) {
        x.op_fail("converts " + tfl::tensor_type_name(x.model().tensors[static_cast<std::size_t>(index)].type) +
                  " to int8 (requantization); only float32 -> int8 is supported");
    }
    const int in = x.activation_input(0, element::float32);
    l.inputs = {in};
    x.options(tfl::options::quantize, false);
    const std::vector<int> shape = x.graph_tensor(in).shape;
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, dims64(shape.begin(), shape.end()), "the input's");
}

void lower_dequantize(lowering& x, ir_layer& l) {
    x.expect_inputs(1, 1);
    const int in = x.activation_input(0, element::int8);
    l.inputs = {in};
    x.options(tfl::options::dequantize, false);
    const int out_index = x.op().outputs[0];
    if (x.model().tensors[static_cast<std::size_t>(out_index)].type != static_cast<int>(tensor_type::float32)) {
        x.op_fail("produces " + tfl::tensor_type_name(x.model().tensors[static_cast<std::size_t>(out_index)].type) + "; only int8 -> float32 is supported");
    }
    const std::vector<int> shape = x.graph_tensor(in).shape;
    const ir_tensor& out = x.add_output(element::float32);
    x.expect_shape(out, dims64(shape.begin(), shape.end()), "the input's");
}

}  // namespace

extern const operator_entry quantize_operator, dequantize_operator;  // external linkage: operators.cpp lists it
const operator_entry quantize_operator{
    .builtin = tfl::op::quantize, .name = "QUANTIZE", .lower = lower_quantize,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t node) { return "ctnn::layers::quantize<" + q_name(node) + ">"; },
    .constants = nullptr, .options_text = nullptr, .params_prefix = nullptr,
    .constant_per_tensor_multiplier = false, .widenable_weights = false, .sharing = output_sharing::none,
    .residual_role = ctnn::plan::node_facts::op_kind::other, .scalar_output = false, .table_bytes = 0,
};

const operator_entry dequantize_operator{
    .builtin = tfl::op::dequantize, .name = "DEQUANTIZE", .lower = lower_dequantize,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t) { return std::string("ctnn::layers::dequantize"); },
    .constants = nullptr, .options_text = nullptr, .params_prefix = nullptr,
    .constant_per_tensor_multiplier = false, .widenable_weights = false, .sharing = output_sharing::none,
    .residual_role = ctnn::plan::node_facts::op_kind::other, .scalar_output = false, .table_bytes = 0,
};

}  // namespace ctnn_convert
