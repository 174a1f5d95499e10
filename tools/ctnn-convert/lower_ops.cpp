// One lowering function per operator (MEAN's is in lower.cpp): inputs, options, output shape
// and quantization, and the rules the matching layer type static_asserts.
#include <cmath>
#include <cstdio>
#include <cstring>

#include <ctnn/kernels/softmax_params.hpp>
#include <ctnn/layers/options.hpp>
#include <ctnn/quant/requantize.hpp>

#include "lowering.hpp"
#include "text.hpp"

namespace ctnn_convert {

using tfl::tensor_type;

// Reads weights (int8, zero point 0, per tensor or per channel on `channel_dim`) and the
// optional int32 bias of a weighted layer.
ir_params lowering::weighted_params(std::size_t rank, int channel_dim) const {
    const auto& op = m_.operators[static_cast<std::size_t>(k_)];
    const auto& data = constant_input(1, tensor_type::int8, "weights");
    const int w = op.inputs[1];
    ir_params p;
    p.weight_shape = static_shape(w);
    if (p.weight_shape.size() != rank) {
        op_fail("weights " + tensor_label(w) + " have shape " + shape_text(p.weight_shape) + "; expected " + std::to_string(rank) + "-D");
    }
    const int channels = p.weight_shape[static_cast<std::size_t>(channel_dim)];
    p.weights.resize(data.size());
    std::memcpy(p.weights.data(), data.data(), data.size());

    const tfl_tensor& wt = m_.tensors[static_cast<std::size_t>(w)];
    if (!wt.quantization || wt.quantization->scale.empty()) op_fail("weights " + tensor_label(w) + " have no quantization parameters");
    const auto& q = *wt.quantization;
    if (q.has_details) op_fail("weights " + tensor_label(w) + " use custom quantization");
    if (q.scale.size() != 1) {
        if (q.quantized_dimension != channel_dim) {
            op_fail("weights " + tensor_label(w) + " are quantized per channel on dimension " + std::to_string(q.quantized_dimension) + "; " + name_ +
                    " needs dimension " + std::to_string(channel_dim) + " (output channels)");
        }
        if (static_cast<int>(q.scale.size()) != channels) {
            op_fail("weights " + tensor_label(w) + " have " + std::to_string(q.scale.size()) + " per-channel scales for " + std::to_string(channels) +
                    " output channels");
        }
    }
    if (q.zero_point.size() != 1 && q.zero_point.size() != q.scale.size()) {
        op_fail("weights " + tensor_label(w) + " have " + std::to_string(q.zero_point.size()) + " zero points for " + std::to_string(q.scale.size()) + " scales");
    }
    for (const auto zp : q.zero_point) {
        if (zp != 0) op_fail("weights " + tensor_label(w) + " have zero point " + std::to_string(zp) + "; ctnn needs symmetric weights (zero point 0)");
    }
    for (const float s : q.scale) check_scale(w, s);
    p.weight_scales = q.scale;

    p.bias.assign(static_cast<std::size_t>(channels), 0);
    if (op.inputs.size() > 2 && op.inputs[2] >= 0) {
        const auto& bias = constant_input(2, tensor_type::int32, "bias");
        const auto bshape = static_shape(op.inputs[2]);
        if (bshape.size() != 1 || bshape[0] != channels) {
            op_fail("bias " + tensor_label(op.inputs[2]) + " has shape " + shape_text(bshape) + "; expected " + std::to_string(channels));
        }
        for (std::size_t i = 0; i < p.bias.size(); ++i) p.bias[i] = load_i32(bias, i);
    }
    if (op.inputs.size() > 3) op_fail("has " + std::to_string(op.inputs.size()) + " inputs; expected at most 3");
    return p;
}

// Adds the operator's output tensor (checked to be of `type`) and returns it.
const ir_tensor& lowering::add_output(element type) {
    const int index = m_.operators[static_cast<std::size_t>(k_)].outputs[0];
    check_type(index, type);
    ir_.tensors.push_back(make_tensor(index));
    return ir_.tensors.back();
}

void lowering::expect_inputs(std::size_t min, std::size_t max) const {
    const auto n = m_.operators[static_cast<std::size_t>(k_)].inputs.size();
    if (n < min || n > max) {
        op_fail("has " + std::to_string(n) + " inputs; expected " + std::to_string(min) + (min == max ? "" : " to " + std::to_string(max)));
    }
}

void lowering::lower_conv(ir_layer& l, bool depthwise) {
    l.kind = depthwise ? layer_kind::depthwise_conv2d : layer_kind::conv2d;
    expect_inputs(2, 3);
    const int in = activation_input(0, element::int8);
    l.inputs = {in};
    const tfl_options& o = options(depthwise ? tfl::options::depthwise_conv2d : tfl::options::conv2d, true);
    l.same_padding = same_padding(o.padding);
    l.stride_h = o.stride_h;
    l.stride_w = o.stride_w;
    l.dilation_h = o.dilation_h;
    l.dilation_w = o.dilation_w;
    check_positive(l.stride_h, "stride_h");
    check_positive(l.stride_w, "stride_w");
    check_positive(l.dilation_h, "dilation_h_factor");
    check_positive(l.dilation_w, "dilation_w_factor");
    l.act = fused_activation(o.activation);
    if (!depthwise) check_bias_type(o.quantized_bias_type);

    const ir_tensor input = graph_tensor(in);
    require_rank(input, 4, "input");
    require_batch_one(input);
    ir_params p = weighted_params(4, depthwise ? 3 : 0);
    const auto& ws = p.weight_shape;
    const int in_c = input.shape[3];
    if (depthwise) {
        if (ws[0] != 1) op_fail("weights have shape " + shape_text(ws) + "; expected [1, KH, KW, C]");
        if (ws[3] % in_c != 0) op_fail(std::to_string(ws[3]) + " output channels are not a multiple of the " + std::to_string(in_c) + " input channels");
    } else if (ws[3] != in_c) {
        op_fail("weights have " + std::to_string(ws[3]) + " input channels, the input has " + std::to_string(in_c) +
                (in_c % ws[3] == 0 ? " (grouped convolution is not supported)" : ""));
    }
    const std::int64_t oh = window_output({"height", "stride_h", "dilation_h_factor", input.shape[1], ws[1], l.stride_h, l.dilation_h}, l.same_padding, "kernel");
    const std::int64_t ow = window_output({"width", "stride_w", "dilation_w_factor", input.shape[2], ws[2], l.stride_w, l.dilation_w}, l.same_padding, "kernel");
    const ir_tensor& out = add_output(element::int8);
    require_rank(out, 4, "output");
    expect_shape(out, {1, oh, ow, depthwise ? ws[3] : ws[0]});
    check_accumulator(p, depthwise ? ws[1] * ws[2] : ws[1] * ws[2] * ws[3], depthwise, input.q.zero_point);
    check_requantization(p, input, out, false);
    check_activation(l.act, out);
    l.params = std::move(p);
}

void lowering::lower_fully_connected(ir_layer& l) {
    l.kind = layer_kind::fully_connected;
    expect_inputs(2, 3);
    const int in = activation_input(0, element::int8);
    l.inputs = {in};
    const tfl_options& o = options(tfl::options::fully_connected, false);
    l.act = fused_activation(o.activation);
    l.keep_dims = o.keep_num_dims;
    if (o.weights_format != 0) op_fail("unsupported option: weights_format SHUFFLED4x16INT8; supported: DEFAULT");
    check_bias_type(o.quantized_bias_type);

    ir_params p = weighted_params(2, 0);
    const int outs = p.weight_shape[0], ins = p.weight_shape[1];
    const ir_tensor input = graph_tensor(in);
    if (l.keep_dims && input.shape.empty()) op_fail("keep_num_dims with the scalar input " + tensor_label(input.tflite_index) + "; it needs a last dimension");
    if (input.elements() % static_cast<std::size_t>(ins) != 0) {
        op_fail("input " + shape_text(input.shape) + " does not divide into rows of " + std::to_string(ins) + " (the weights' input size)");
    }
    const auto batches = static_cast<std::int64_t>(input.elements() / static_cast<std::size_t>(ins));
    const ir_tensor& out = add_output(element::int8);
    dims64 want = {batches, outs};
    if (l.keep_dims) {
        if (input.shape.back() != ins) op_fail("keep_num_dims needs the input's last dimension to be " + std::to_string(ins));
        want.assign(input.shape.begin(), input.shape.end());
        want.back() = outs;
    }
    expect_shape(out, want);
    check_accumulator(p, ins, false, input.q.zero_point);
    check_requantization(p, input, out, p.weight_scales.size() == 1);
    check_activation(l.act, out);
    l.params = std::move(p);
}

void lowering::lower_pool(ir_layer& l, layer_kind kind) {
    l.kind = kind;
    expect_inputs(1, 1);
    const int in = activation_input(0, element::int8);
    l.inputs = {in};
    const tfl_options& o = options(tfl::options::pool2d, true);
    l.same_padding = same_padding(o.padding);
    l.stride_h = o.stride_h;
    l.stride_w = o.stride_w;
    l.filter_h = o.filter_h;
    l.filter_w = o.filter_w;
    check_positive(l.stride_h, "stride_h");
    check_positive(l.stride_w, "stride_w");
    check_positive(l.filter_h, "filter_height");
    check_positive(l.filter_w, "filter_width");
    l.act = fused_activation(o.activation);
    if (kind == layer_kind::average_pool2d && !ctnn::average_pool_window_in_range(l.filter_h, l.filter_w)) {
        op_fail("filter " + std::to_string(l.filter_h) + "x" + std::to_string(l.filter_w) + " has more than 2^24 taps; ctnn's int32 sum of a window could overflow");
    }
    const ir_tensor input = graph_tensor(in);
    require_rank(input, 4, "input");
    require_batch_one(input);
    const std::int64_t oh = window_output({"height", "stride_h", "", input.shape[1], l.filter_h, l.stride_h, 1}, l.same_padding, "filter");
    const std::int64_t ow = window_output({"width", "stride_w", "", input.shape[2], l.filter_w, l.stride_w, 1}, l.same_padding, "filter");
    const ir_tensor& out = add_output(element::int8);
    require_rank(out, 4, "output");
    expect_shape(out, {1, oh, ow, input.shape[3]});
    check_same_quantization(input, out);
    check_activation(l.act, out);
}

void lowering::check_same_quantization(const ir_tensor& in, const ir_tensor& out) const {
    if (in.q == out.q) return;
    op_fail("input and output quantization differ (scale " + float_text(in.q.scale) + " zp " + std::to_string(in.q.zero_point) + " vs scale " +
            float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) + "); ctnn requires them equal");
}

void lowering::lower_add(ir_layer& l) {
    l.kind = layer_kind::add;
    expect_inputs(2, 2);
    const int a = activation_input(0, element::int8);
    const int b = activation_input(1, element::int8);
    l.inputs = {a, b};
    l.act = fused_activation(options(tfl::options::add, false).activation);
    const ir_tensor ta = graph_tensor(a);
    const ir_tensor tb = graph_tensor(b);
    if (ta.shape != tb.shape) op_fail("input shapes " + shape_text(ta.shape) + " and " + shape_text(tb.shape) + " differ; broadcasting is not supported");
    const ir_tensor& out = add_output(element::int8);
    expect_shape(out, dims64(ta.shape.begin(), ta.shape.end()), "the inputs'");
    const ctnn::add_reals r = ctnn::add_multiplier_reals(ta.q.scale, tb.q.scale, out.q.scale);
    const std::string scales = "input scales " + float_text(ta.q.scale) + " and " + float_text(tb.q.scale) + ", output scale " + float_text(out.q.scale) +
                               " (" + tensor_label(out.tflite_index) + ")";
    check_multiplier(r.input1, "the first input's rescaling factor", scales);
    check_multiplier(r.input2, "the second input's rescaling factor", scales);
    check_multiplier(r.output, "the output rescaling factor 2 max(s1, s2) / (2^20 s_out) =", scales);
    check_activation(l.act, out);
}

void lowering::lower_softmax(ir_layer& l) {
    l.kind = layer_kind::softmax;
    expect_inputs(1, 1);
    const int in = activation_input(0, element::int8);
    l.inputs = {in};
    l.beta = options(tfl::options::softmax, true).beta;
    if (!(std::isfinite(l.beta) && l.beta > 0.0f)) op_fail("unsupported option: softmax beta " + float_text(l.beta) + "; must be positive and finite");
    const ir_tensor input = graph_tensor(in);
    const ir_tensor& out = add_output(element::int8);
    expect_shape(out, dims64(input.shape.begin(), input.shape.end()), "the input's");
    if (out.q.scale != 1.0f / 256.0f || out.q.zero_point != -128) {
        op_fail("output quantization is scale " + float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) +
                "; int8 softmax needs scale 1/256 (0.00390625) and zero point -128");
    }
    if (!ctnn::kernels::softmax_beta_in_range(l.beta, input.q.scale)) {
        char real[40];
        std::snprintf(real, sizeof real, "%.9g", ctnn::kernels::softmax_input_real(l.beta, input.q.scale));
        op_fail("unsupported option: softmax beta " + float_text(l.beta) + " with input scale " + float_text(input.q.scale) + " (" +
                tensor_label(input.tflite_index) + ") gives the input multiplier beta x scale x 2^26 = " + real +
                "; TFLite needs it greater than 1");
    }
}

void lowering::lower_pad(ir_layer& l) {
    l.kind = layer_kind::pad;
    expect_inputs(2, 2);
    const int in = activation_input(0, element::int8);
    l.inputs = {in};
    options(tfl::options::pad, false);
    const ir_tensor input = graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank > 4) op_fail("input " + tensor_label(input.tflite_index) + " has rank " + std::to_string(rank) + "; ctnn pads tensors of rank 1 to 4");
    const auto& data = constant_input(1, tensor_type::int32, "paddings");
    const int pad_index = m_.operators[static_cast<std::size_t>(k_)].inputs[1];
    const auto pshape = static_shape(pad_index);
    if (pshape != std::vector<int>{rank, 2}) {
        op_fail("paddings " + tensor_label(pad_index) + " have shape " + shape_text(pshape) + "; expected " + std::to_string(rank) + "x2");
    }
    dims64 want(input.shape.begin(), input.shape.end());
    for (int d = 0; d < rank; ++d) {
        const int before = load_i32(data, static_cast<std::size_t>(2 * d));
        const int after = load_i32(data, static_cast<std::size_t>(2 * d + 1));
        if (before < 0 || after < 0 || before > (1 << 20) || after > (1 << 20)) {
            op_fail("padding of dimension " + std::to_string(d) + " is " + std::to_string(before) + ", " + std::to_string(after) +
                    "; must be non-negative and at most 2^20");
        }
        l.paddings.push_back(before);
        l.paddings.push_back(after);
        want[static_cast<std::size_t>(d)] += std::int64_t{before} + after;
    }
    const ir_tensor& out = add_output(element::int8);
    expect_shape(out, want);
    check_same_quantization(input, out);
}

void lowering::lower_quantize(ir_layer& l) {
    l.kind = layer_kind::quantize;
    expect_inputs(1, 1);
    const int index = m_.operators[static_cast<std::size_t>(k_)].inputs[0];
    if (index >= 0 && m_.tensors[static_cast<std::size_t>(index)].type != static_cast<int>(tensor_type::float32)) {
        op_fail("converts " + tfl::tensor_type_name(m_.tensors[static_cast<std::size_t>(index)].type) +
                " to int8 (requantization); only float32 -> int8 is supported");
    }
    const int in = activation_input(0, element::float32);
    l.inputs = {in};
    options(tfl::options::quantize, false);
    const std::vector<int> shape = graph_tensor(in).shape;
    const ir_tensor& out = add_output(element::int8);
    expect_shape(out, dims64(shape.begin(), shape.end()), "the input's");
}

void lowering::lower_dequantize(ir_layer& l) {
    l.kind = layer_kind::dequantize;
    expect_inputs(1, 1);
    const int in = activation_input(0, element::int8);
    l.inputs = {in};
    options(tfl::options::dequantize, false);
    const int out_index = m_.operators[static_cast<std::size_t>(k_)].outputs[0];
    if (m_.tensors[static_cast<std::size_t>(out_index)].type != static_cast<int>(tensor_type::float32)) {
        op_fail("produces " + tfl::tensor_type_name(m_.tensors[static_cast<std::size_t>(out_index)].type) + "; only int8 -> float32 is supported");
    }
    const std::vector<int> shape = graph_tensor(in).shape;
    const ir_tensor& out = add_output(element::float32);
    expect_shape(out, dims64(shape.begin(), shape.end()), "the input's");
}

}  // namespace ctnn_convert
