// TRANSPOSE_CONV: inputs output_shape (int32 [4]: a constant, or a model input that must hold
// the output tensor's shape), weights OHWI int8 (per-tensor or per
// channel on dimension 0), the int8 NHWC input, and an optional int32 bias; the output is
// output_shape, whatever size it names (TFLite derives the padding from it).
#include <ctnn/layers/transpose_conv2d.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_transpose_conv(lowering& x, ir_layer& l) {
    x.expect_inputs(3, 4);
    const int in = x.activation_input(2, element::int8);
    l.inputs = {in};
    const tfl_options& o = x.options(tfl::options::transpose_conv, true);
    l.same_padding = x.same_padding(o.padding);
    l.stride_h = o.stride_h;
    l.stride_w = o.stride_w;
    x.check_positive(l.stride_h, "stride_h");
    x.check_positive(l.stride_w, "stride_w");
    l.act = x.fused_activation(o.activation);
    x.check_bias_type(o.quantized_bias_type);

    // A constant, or a model input (TFLM's TRANSPOSE_CONV tests) that must hold the output's shape.
    const std::vector<int> out_static = x.static_shape(x.op().outputs[0]);
    if (out_static.size() != 4) x.op_fail("output " + x.tensor_label(x.op().outputs[0]) + " has shape " + shape_text(out_static) + "; expected rank 4");
    const dims64 want = x.shape_operand(0, "output_shape", dims64(out_static.begin(), out_static.end()));

    const ir_tensor input = x.graph_tensor(in);
    x.require_rank(input, 4, "input");
    ir_params p = x.weighted_params(4, 0, 3);
    const auto& ws = p.weight_shape;
    if (ws[3] != input.shape[3]) {
        x.op_fail("weights " + x.tensor_label(x.op().inputs[1]) + " have " + std::to_string(ws[3]) + " input channels, the input " +
                  x.tensor_label(input.tflite_index) + " has " + std::to_string(input.shape[3]));
    }
    if (want[0] != input.shape[0] || want[3] != ws[0]) {
        x.op_fail("output_shape " + dims_text(want) + " must have the input's batch " + std::to_string(input.shape[0]) + " and the weights' " +
                  std::to_string(ws[0]) + " output channels");
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, want, "output_shape's");
    if (!ctnn::kernels::transpose_conv_axis_in_int_range(out.shape[1], ws[1], l.stride_h) ||
        !ctnn::kernels::transpose_conv_axis_in_int_range(out.shape[2], ws[2], l.stride_w)) {
        x.op_fail("unsupported option: strides " + std::to_string(l.stride_h) + "x" + std::to_string(l.stride_w) + " with kernel " +
                  std::to_string(ws[1]) + "x" + std::to_string(ws[2]) + " and output " + dims_text(want) +
                  " are too large: output size + kernel + 2 x stride must stay below 2^31");
    }
    x.check_accumulator(p, ws[1] * ws[2] * ws[3], false, input.q.zero_point, 3);
    x.check_requantization(p, input, out, false);
    x.check_activation(l.act, out);
    l.params = std::move(p);
}

std::string transpose_conv_type(const model_ir& m, const ir_layer& l, std::size_t node) {
    return "ctnn::layers::transpose_conv2d<w::" + params_name(l, node) + ", " + q_name(node) + ", " + shape_type(m.tensors[node].shape) + ", " +
           stride_type(l) + ", " + padding_type(l) + ", " + act_type(l.act) + ">";
}

std::string transpose_conv_options(const ir_layer& l) {
    const auto pair = [](int a, int b) { return std::to_string(a) + "x" + std::to_string(b); };
    const auto& ws = l.params->weight_shape;
    return "kernel " + pair(ws[1], ws[2]) + " stride " + pair(l.stride_h, l.stride_w) + (l.same_padding ? " SAME " : " VALID ") +
           activation_text(l.act) + (l.params->weight_scales.size() > 1 ? " per-channel" : " per-tensor");
}

}  // namespace

extern const operator_entry transpose_conv_operator;  // external linkage: operators.cpp lists it
const operator_entry transpose_conv_operator{
    .builtin = tfl::op::transpose_conv, .name = "TRANSPOSE_CONV", .lower = lower_transpose_conv, .layer_type = transpose_conv_type,
    .traits = ctnn::layers::transpose_conv2d_traits, .options_text = transpose_conv_options, .params_prefix = "tconv",
};

}  // namespace ctnn_convert
