// QUANTIZE (float32 -> int8; int8 -> int8, uint8 -> int8, int8 -> uint8: requantization) and
// DEQUANTIZE (int8 or uint8 -> float32): the model's float and uint8 edges, and scale changes.
#include <ctnn/kernels/portable/lut_s8.hpp>
#include <ctnn/kernels/reference/requantize.hpp>
#include <ctnn/layers/quantize.hpp>  // its operator_traits
#include <ctnn/quant/quantize_multiplier.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

element element_of(const tfl_tensor& t) {
    switch (static_cast<tensor_type>(t.type)) {
        case tensor_type::int8: return element::int8;
        case tensor_type::uint8: return element::uint8;
        case tensor_type::float32: return element::float32;
        default: return element::int32;  // not a QUANTIZE type: refused below by its name
    }
}

// The pairs TFLM's QUANTIZE runs that ctnn converts (micro/kernels/quantize_common.cc): from
// float32 to int8 (float32 -> int16 and the int16/int32 pairs are TFLite's too, not ctnn's),
// and between 8-bit types except uint8 -> uint8, which TFLM refuses.
bool quantize_pair_supported(int in, int out) {
    const auto i8 = static_cast<int>(tensor_type::int8), u8 = static_cast<int>(tensor_type::uint8), f32 = static_cast<int>(tensor_type::float32);
    return (in == f32 && out == i8) || (in == i8 && out == i8) || (in == u8 && out == i8) || (in == i8 && out == u8);
}

void lower_quantize(lowering& x, ir_layer& l) {
    x.expect_inputs(1, 1);
    const int index = x.op().inputs[0];
    const int out_index = x.op().outputs[0];
    if (index >= 0) {
        const int in_type = x.model().tensors[static_cast<std::size_t>(index)].type;
        const int out_type = x.model().tensors[static_cast<std::size_t>(out_index)].type;
        if (!quantize_pair_supported(in_type, out_type)) {
            x.op_fail("converts " + tfl::tensor_type_name(in_type) + " to " + tfl::tensor_type_name(out_type) +
                      "; ctnn supports float32 -> int8, int8 -> int8, uint8 -> int8 and int8 -> uint8 (TFLM refuses uint8 -> uint8)");
        }
    }
    const element in_type = index >= 0 ? element_of(x.model().tensors[static_cast<std::size_t>(index)]) : element::float32;  // missing: refused next
    const element out_type = element_of(x.model().tensors[static_cast<std::size_t>(out_index)]);
    const int in = x.activation_input(0, in_type);
    l.inputs = {in};
    x.options(tfl::options::quantize, false);
    const ir_tensor input = x.graph_tensor(in);
    const ir_tensor& out = x.same_shape_output(in, out_type);
    if (in_type != element::float32) {
        l.table_bytes = sizeof(ctnn::kernels::lut_s8_table);  // the layer's 256-entry table, in flash
        x.check_multiplier(static_cast<double>(input.q.scale) / static_cast<double>(out.q.scale), "the requantization scale",
                           "input scale " + float_text(input.q.scale) + " / output scale " + float_text(out.q.scale) + "; output " +
                               x.tensor_label(out.tflite_index));
    }
}

void lower_dequantize(lowering& x, ir_layer& l) {
    x.expect_inputs(1, 1);
    const int index = x.op().inputs[0];
    const bool uint8 = index >= 0 && x.model().tensors[static_cast<std::size_t>(index)].type == static_cast<int>(tensor_type::uint8);
    const int in = x.layer_input(l, 1, 1, uint8 ? element::uint8 : element::int8);
    x.options(tfl::options::dequantize, false);
    const int out_index = x.op().outputs[0];
    if (x.model().tensors[static_cast<std::size_t>(out_index)].type != static_cast<int>(tensor_type::float32)) {
        x.op_fail("produces " + tfl::tensor_type_name(x.model().tensors[static_cast<std::size_t>(out_index)].type) + "; only int8 or uint8 -> float32 is supported");
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
