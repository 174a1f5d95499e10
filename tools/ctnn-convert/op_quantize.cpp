// QUANTIZE (float32 -> int8 or int16; requantization between int8, uint8, int16 and int32: the
// pairs TFLM runs) and DEQUANTIZE (int8, uint8 or int16 -> float32): the model's float, uint8
// and int32 edges, and scale and type changes.
#include <ctnn/kernels/portable/lut_s8.hpp>
#include <ctnn/kernels/reference/requantize.hpp>
#include <ctnn/layers/quantize.hpp>  // its operator_traits
#include <ctnn/quant/quantize_multiplier.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

#include <cstdint>

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

element element_of(const tfl_tensor& t) {
    switch (static_cast<tensor_type>(t.type)) {
        case tensor_type::int8: return element::int8;
        case tensor_type::uint8: return element::uint8;
        case tensor_type::int16: return element::int16;
        case tensor_type::int32: return element::int32;
        case tensor_type::float32: return element::float32;
        default: return element::int64;  // not a QUANTIZE type: refused below by its name
    }
}

// The pairs TFLM's QUANTIZE runs (micro/kernels/quantize_common.cc): float32 -> int8 or int16,
// and requantization int8 -> int8, uint8, int16 or int32, uint8 -> int8, int16 -> int8, int16
// or int32, int32 -> int8 or int16. uint8 -> uint8, float32 -> uint8 or int32 and the rest it
// refuses.
bool quantize_pair_supported(element in, element out) {
    using e = element;
    if (in == e::float32) return out == e::int8 || out == e::int16;
    if (in == e::int8) return out == e::int8 || out == e::uint8 || out == e::int16 || out == e::int32;
    if (in == e::uint8) return out == e::int8;
    if (in == e::int16) return out == e::int8 || out == e::int16 || out == e::int32;
    if (in == e::int32) return out == e::int8 || out == e::int16;
    return false;
}

// An int32 side's scale and zero point: raw in ctnn's tensors, read here for the multiplier.
quantization int32_quantization(lowering& x, int index) {
    const tfl_tensor& t = x.model().tensors[static_cast<std::size_t>(index)];
    if (!t.quantization || t.quantization->scale.empty() || t.quantization->zero_point.empty()) {
        x.tensor_fail(index, "is int32 without quantization parameters; QUANTIZE needs the scale its values carry");
    }
    const auto& q = *t.quantization;
    if (q.has_details || q.scale.size() != 1 || q.zero_point.size() != 1) {
        x.tensor_fail(index, "is int32 quantized per channel or with custom quantization; QUANTIZE takes one scale and zero point");
    }
    x.check_scale(index, q.scale[0]);
    if (q.zero_point[0] < INT32_MIN || q.zero_point[0] > INT32_MAX) x.tensor_fail(index, "has a zero point outside int32");
    return {q.scale[0], static_cast<std::int32_t>(q.zero_point[0])};
}

void lower_quantize(lowering& x, ir_layer& l) {
    x.expect_inputs(1, 1);
    const int index = x.op().inputs[0];
    const int out_index = x.op().outputs[0];
    const element out_type = element_of(x.model().tensors[static_cast<std::size_t>(out_index)]);
    if (index >= 0) {
        const int in_tflite = x.model().tensors[static_cast<std::size_t>(index)].type;
        const int out_tflite = x.model().tensors[static_cast<std::size_t>(out_index)].type;
        if (!quantize_pair_supported(element_of(x.model().tensors[static_cast<std::size_t>(index)]), out_type)) {
            x.op_fail("converts " + tfl::tensor_type_name(in_tflite) + " to " + tfl::tensor_type_name(out_tflite) +
                      "; TFLM's QUANTIZE runs float32 -> int8 or int16, int8 -> int8, uint8, int16 or int32, uint8 -> int8, "
                      "int16 -> int8, int16 or int32 and int32 -> int8 or int16");
        }
    }
    const element in_type = index >= 0 ? element_of(x.model().tensors[static_cast<std::size_t>(index)]) : element::float32;  // missing: refused next
    const int in = x.activation_input(0, in_type);
    l.inputs = {in};
    x.options(tfl::options::quantize, false);
    const ir_tensor input = x.graph_tensor(in);
    const ir_tensor& out = x.same_shape_output(in, out_type);
    if (in_type == element::float32) return;
    const quantization qin = in_type == element::int32 ? int32_quantization(x, index) : input.q;
    const quantization qout = out_type == element::int32 ? int32_quantization(x, out_index) : out.q;
    if (in_type == element::int32 || out_type == element::int32) l.int32_q = in_type == element::int32 ? qin : qout;
    const bool table = (in_type == element::int8 || in_type == element::uint8) && (out_type == element::int8 || out_type == element::uint8);
    if (table) l.table_bytes = sizeof(ctnn::kernels::lut_s8_table);  // the layer's 256-entry table, in flash
    x.check_multiplier(static_cast<double>(qin.scale) / static_cast<double>(qout.scale), "the requantization scale",
                       "input scale " + float_text(qin.scale) + " / output scale " + float_text(qout.scale) + "; output " + x.tensor_label(out.tflite_index));
}

void lower_dequantize(lowering& x, ir_layer& l) {
    x.expect_inputs(1, 1);
    const int index = x.op().inputs[0];
    const int in_tflite = index >= 0 ? x.model().tensors[static_cast<std::size_t>(index)].type : -1;
    const element type = in_tflite == static_cast<int>(tensor_type::uint8)   ? element::uint8
                         : in_tflite == static_cast<int>(tensor_type::int16) ? element::int16
                                                                             : element::int8;
    const int in = x.layer_input(l, 1, 1, type);
    x.options(tfl::options::dequantize, false);
    const int out_index = x.op().outputs[0];
    if (x.model().tensors[static_cast<std::size_t>(out_index)].type != static_cast<int>(tensor_type::float32)) {
        x.op_fail("produces " + tfl::tensor_type_name(x.model().tensors[static_cast<std::size_t>(out_index)].type) +
                  "; only int8, uint8 or int16 -> float32 is supported");
    }
    x.same_shape_output(in, element::float32);
}

bool int32_input(const model_ir& m, const ir_layer& l) { return m.tensors[static_cast<std::size_t>(l.inputs[0])].type == element::int32; }

std::string int32_scale_name(std::size_t node) { return "w::int32_scale_" + std::to_string(node); }

std::string quantize_type(const model_ir& m, const ir_layer& l, std::size_t node) {
    if (m.tensors[node].type == element::int32) return "ctnn::layers::quantize_to_int32<" + int32_scale_name(node) + ">";
    if (int32_input(m, l)) return "ctnn::layers::quantize<" + q_name(node) + ", " + int32_scale_name(node) + ">";
    return "ctnn::layers::quantize<" + q_name(node) + ">";
}

// The int32 side's scale, as a quantization tag in namespace w.
std::string quantize_constants(const ir_layer& l, std::size_t node) {
    if (l.int32_q.scale == 0.0f) return {};
    return "struct int32_scale_" + std::to_string(node) + " { static constexpr float scale = " + float_literal(l.int32_q.scale) +
           "; static constexpr std::int32_t zero_point = " + std::to_string(l.int32_q.zero_point) + "; };  // the int32 side of QUANTIZE\n\n";
}

}  // namespace

extern const operator_entry quantize_operator, dequantize_operator;  // external linkage: operators.cpp lists it
const operator_entry quantize_operator{
    .builtin = tfl::op::quantize, .name = "QUANTIZE", .lower = lower_quantize, .layer_type = quantize_type,
    .traits = ctnn::layers::quantize_traits, .constants = quantize_constants,
};

const operator_entry dequantize_operator{
    .builtin = tfl::op::dequantize, .name = "DEQUANTIZE", .lower = lower_dequantize,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t) { return std::string("ctnn::layers::dequantize"); },
    .traits = ctnn::layers::dequantize_traits,
};

}  // namespace ctnn_convert
