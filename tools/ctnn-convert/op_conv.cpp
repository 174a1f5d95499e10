// CONV_2D and DEPTHWISE_CONV_2D: int8 convolutions with int8 or int4 weights (OHWI, or 1HWO for
// depthwise), per-tensor or per-channel, and an int32 bias; or 16x8 (int16 input and output):
// an int32 or int64 bias for CONV_2D, int64 for DEPTHWISE_CONV_2D (TFLite's int16 kernels).
#include <ctnn/layers/conv2d.hpp>  // their operator_traits
#include <ctnn/layers/depthwise_conv2d.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

template <bool depthwise>
void lower_conv(lowering& x, ir_layer& l) {
    const element type = x.weighted_input_type(0);
    const bool wide = type == element::int16;
    const int in = x.layer_input(l, 2, 3, type);
    const tfl_options& o = x.options(depthwise ? tfl::options::depthwise_conv2d : tfl::options::conv2d, true);
    x.spatial_options(l, o, false);
    if (!depthwise) x.check_bias_type(o.quantized_bias_type, wide);

    const ir_tensor input = x.nhwc_input(in);
    using bias_types = lowering::bias_types;
    ir_params p = x.weighted_params(4, depthwise ? 3 : 0, 2, !wide ? bias_types::int32 : depthwise ? bias_types::int64 : bias_types::int32_or_int64,
                                    wide ? lowering::int4_needs_int8 : nullptr);
    const auto& ws = p.weight_shape;
    const int in_c = input.shape[3];
    if (depthwise) {
        if (ws[0] != 1) x.op_fail("weights have shape " + shape_text(ws) + "; expected [1, KH, KW, C]");
        if (ws[3] % in_c != 0) x.op_fail(std::to_string(ws[3]) + " output channels are not a multiple of the " + std::to_string(in_c) + " input channels");
    } else if (ws[3] != in_c) {
        x.op_fail("weights have " + std::to_string(ws[3]) + " input channels, the input has " + std::to_string(in_c) +
                  (in_c % ws[3] == 0 ? " (grouped convolution is not supported)" : ""));
    }
    const ir_tensor& out = x.window_layer_output(l, input, ws[1], ws[2], depthwise ? ws[3] : ws[0], false, type);
    if (wide) x.check_accumulator_16x8(p, depthwise ? ws[1] * ws[2] : ws[1] * ws[2] * ws[3], depthwise);
    else x.check_accumulator(p, depthwise ? ws[1] * ws[2] : ws[1] * ws[2] * ws[3], depthwise, input.q.zero_point);
    x.check_requantization(p, input, out, false);
    x.check_activation(l.act, out);
    l.params = std::move(p);
}

template <bool depthwise>
std::string conv_type(const model_ir&, const ir_layer& l, std::size_t node) {
    const char* const layer = depthwise ? "depthwise_conv2d" : "conv2d";
    const std::string dilation = (l.dilation_h != 1 || l.dilation_w != 1)
                                     ? ", ctnn::dilation<" + std::to_string(l.dilation_h) + ", " + std::to_string(l.dilation_w) + ">"
                                     : "";
    return std::string("ctnn::layers::") + layer + "<w::" + params_name(l, node) + ", " + q_name(node) + ", " + stride_type(l) + ", " + padding_type(l) +
           ", " + act_type(l.act) + dilation + ">";
}

std::string conv_options(const ir_layer& l) {
    const auto pair = [](int a, int b) { return std::to_string(a) + "x" + std::to_string(b); };
    const auto& ws = l.params->weight_shape;
    std::string s = "kernel " + pair(ws[1], ws[2]) + " stride " + pair(l.stride_h, l.stride_w);
    if (l.dilation_h != 1 || l.dilation_w != 1) s += " dilation " + pair(l.dilation_h, l.dilation_w);
    s += std::string(" ") + (l.same_padding ? "SAME" : "VALID") + " " + activation_text(l.act);
    s += l.params->weight_scales.size() > 1 ? " per-channel" : " per-tensor";
    if (l.params->int64_bias()) s += " int64-bias";
    return s;
}

}  // namespace

extern const operator_entry conv_2d_operator, depthwise_conv_2d_operator;  // external linkage: operators.cpp lists it
const operator_entry conv_2d_operator{
    .builtin = tfl::op::conv_2d, .name = "CONV_2D", .lower = lower_conv<false>, .layer_type = conv_type<false>,
    .traits = ctnn::layers::conv2d_traits, .options_text = conv_options, .params_prefix = "conv",
};

const operator_entry depthwise_conv_2d_operator{
    .builtin = tfl::op::depthwise_conv_2d, .name = "DEPTHWISE_CONV_2D", .lower = lower_conv<true>, .layer_type = conv_type<true>,
    .traits = ctnn::layers::depthwise_conv2d_traits, .options_text = conv_options, .params_prefix = "dwconv",
};

}  // namespace ctnn_convert
