// QUANTIZE (float32 -> int8) and DEQUANTIZE (int8 -> float32): the model's float edges.
#include <ctnn/layers/quantize.hpp>  // its operator_traits

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
    x.same_shape_output(in, element::int8);
}

void lower_dequantize(lowering& x, ir_layer& l) {
    const int in = x.layer_input(l, 1, 1);
    x.options(tfl::options::dequantize, false);
    const int out_index = x.op().outputs[0];
    if (x.model().tensors[static_cast<std::size_t>(out_index)].type != static_cast<int>(tensor_type::float32)) {
        x.op_fail("produces " + tfl::tensor_type_name(x.model().tensors[static_cast<std::size_t>(out_index)].type) + "; only int8 -> float32 is supported");
    }
    x.same_shape_output(in, element::float32);
}

}  // namespace

extern const operator_entry quantize_operator, dequantize_operator;  // external linkage: operators.cpp lists it
const operator_entry quantize_operator{
    .builtin = tfl::op::quantize, .name = "QUANTIZE", .lower = lower_quantize,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t node) { return "ctnn::layers::quantize<" + q_name(node) + ">"; },
    .traits = ctnn::layers::quantize_traits,
};

const operator_entry dequantize_operator{
    .builtin = tfl::op::dequantize, .name = "DEQUANTIZE", .lower = lower_dequantize,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t) { return std::string("ctnn::layers::dequantize"); },
    .traits = ctnn::layers::dequantize_traits,
};

}  // namespace ctnn_convert
