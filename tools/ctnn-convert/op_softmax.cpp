// SOFTMAX: int8 in, int8 out with TFLite's fixed output quantization (scale 1/256, zp -128);
// int16 in, int16 out (scale 1/32768, zp 0).
#include <cmath>

#include <ctnn/kernels/reference/softmax_s16.hpp>
#include <ctnn/kernels/softmax_params.hpp>

#include <ctnn/layers/softmax.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

// int16 -> int16 (16x8 mode): output scale 1/32768 (TFLM allows 0.1%), zero point 0.
void lower_softmax_s16(lowering& x, const ir_layer& l, int in) {
    const ir_tensor input = x.graph_tensor(in);
    const ir_tensor& out = x.same_shape_output(in, element::int16);
    if (!ctnn::kernels::softmax_s16_output_ok(out.q.scale, out.q.zero_point)) {
        x.op_fail("output quantization is scale " + float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) +
                  "; int16 softmax needs scale 1/32768 (3.05175781e-05, within 0.1%) and zero point 0");
    }
    if (!ctnn::kernels::softmax_s16_beta_in_range(l.beta, input.q.scale)) {
        x.op_fail("unsupported option: softmax beta " + float_text(l.beta) + " with input scale " + float_text(input.q.scale) + " (" +
                  x.tensor_label(input.tflite_index) + ") gives the input multiplier beta x scale x 65535 / 10 = " +
                  real_text(ctnn::kernels::softmax_s16_input_real(l.beta, input.q.scale)) + ", out of range (a left shift of at most 30 bits)");
    }
}

void lower_softmax(lowering& x, ir_layer& l) {
    const int first = x.op().inputs.empty() ? -1 : x.op().inputs[0];
    const bool int16 = first >= 0 && x.model().tensors[static_cast<std::size_t>(first)].type == static_cast<int>(tfl::tensor_type::int16);
    const int in = x.layer_input(l, 1, 1, int16 ? element::int16 : element::int8);
    l.beta = x.options(tfl::options::softmax, true).beta;
    if (!(std::isfinite(l.beta) && l.beta > 0.0f)) x.op_fail("unsupported option: softmax beta " + float_text(l.beta) + "; must be positive and finite");
    if (int16) {
        lower_softmax_s16(x, l, in);
        return;
    }
    const ir_tensor input = x.graph_tensor(in);
    const ir_tensor& out = x.same_shape_output(in);
    if (out.q.scale != 1.0f / 256.0f || out.q.zero_point != -128) {
        x.op_fail("output quantization is scale " + float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) +
                  "; int8 softmax needs scale 1/256 (0.00390625) and zero point -128");
    }
    if (!ctnn::kernels::softmax_beta_in_range(l.beta, input.q.scale)) {
        x.op_fail("unsupported option: softmax beta " + float_text(l.beta) + " with input scale " + float_text(input.q.scale) + " (" +
                  x.tensor_label(input.tflite_index) + ") gives the input multiplier beta x scale x 2^26 = " +
                  real_text(ctnn::kernels::softmax_input_real(l.beta, input.q.scale)) + "; TFLite needs it greater than 1");
    }
}

std::string beta_name(std::size_t node) { return "softmax" + std::to_string(node) + "_beta"; }

std::string softmax_type(const model_ir&, const ir_layer& l, std::size_t node) {
    return "ctnn::layers::softmax<" + q_name(node) + (l.beta != 1.0f ? ", w::" + beta_name(node) : "") + ">";
}

// A beta other than 1 is a float constant in namespace w, named by the layer type.
std::string softmax_constants(const ir_layer& l, std::size_t node) {
    if (l.beta == 1.0f) return "";
    return "struct " + beta_name(node) + " { static constexpr float value = " + float_literal(l.beta) + "; };\n\n";
}

}  // namespace

extern const operator_entry softmax_operator;  // external linkage: operators.cpp lists it
const operator_entry softmax_operator{
    .builtin = tfl::op::softmax, .name = "SOFTMAX", .lower = lower_softmax, .layer_type = softmax_type,
    .traits = ctnn::layers::softmax_traits, .constants = softmax_constants,
    .options_text = [](const ir_layer& l) { return "beta " + float_text(l.beta); },
};

}  // namespace ctnn_convert
