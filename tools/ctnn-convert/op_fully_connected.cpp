// FULLY_CONNECTED: int8 x int8 (or int4) weights [O, I] over rows of the input, per-tensor or per-channel;
// or 16x8 (int16 input and output) with an int32 or int64 bias (TFLite's accumulator width).
#include <cstdint>

#include <ctnn/layers/fully_connected.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_fully_connected(lowering& x, ir_layer& l) {
    const element type = x.weighted_input_type(0);
    const bool wide = type == element::int16;
    const int in = x.layer_input(l, 2, 3, type);
    const tfl_options& o = x.options(tfl::options::fully_connected, false);
    l.act = x.fused_activation(o.activation);
    l.keep_dims = o.keep_num_dims;
    if (o.weights_format != 0) x.op_fail("unsupported option: weights_format SHUFFLED4x16INT8; supported: DEFAULT");
    x.check_bias_type(o.quantized_bias_type, wide);

    ir_params p = x.weighted_params(2, 0, 2, wide ? lowering::bias_types::int32_or_int64 : lowering::bias_types::int32,
                                    wide ? lowering::int4_needs_int8 : nullptr);
    if (p.int4 && p.weight_scales.size() > 1) {
        x.op_fail("weights " + x.tensor_label(x.op().inputs[1]) + " are int4 and quantized per channel; TFLM's FULLY_CONNECTED takes int4 weights per tensor only");
    }
    const int outs = p.weight_shape[0], ins = p.weight_shape[1];
    const ir_tensor input = x.graph_tensor(in);
    if (l.keep_dims && input.shape.empty()) x.op_fail("keep_num_dims with the scalar input " + x.tensor_label(input.tflite_index) + "; it needs a last dimension");
    if (input.elements() % static_cast<std::size_t>(ins) != 0) {
        x.op_fail("input " + shape_text(input.shape) + " does not divide into rows of " + std::to_string(ins) + " (the weights' input size)");
    }
    const auto batches = static_cast<std::int64_t>(input.elements() / static_cast<std::size_t>(ins));
    const ir_tensor& out = x.add_output(type);
    dims64 want = {batches, outs};
    if (l.keep_dims) {
        if (input.shape.back() != ins) x.op_fail("keep_num_dims needs the input's last dimension to be " + std::to_string(ins));
        want.assign(input.shape.begin(), input.shape.end());
        want.back() = outs;
    }
    x.expect_shape(out, want);
    if (wide) x.check_accumulator_16x8(p, ins, false);
    else x.check_accumulator(p, ins, false, input.q.zero_point);
    x.check_requantization(p, input, out, p.weight_scales.size() == 1);
    x.check_activation(l.act, out);
    l.params = std::move(p);
}

std::string fully_connected_type(const model_ir&, const ir_layer& l, std::size_t node) {
    return "ctnn::layers::fully_connected<w::" + params_name(l, node) + ", " + q_name(node) + ", " + act_type(l.act) + (l.keep_dims ? ", true" : "") + ">";
}

std::string fully_connected_options(const ir_layer& l) {
    return "weights " + shape_text(l.params->weight_shape) + " " + activation_text(l.act) + (l.keep_dims ? " keep_dims" : "") +
           (l.params->weight_scales.size() > 1 ? " per-channel" : " per-tensor") + (l.params->int64_bias() ? " int64-bias" : "");
}

}  // namespace

extern const operator_entry fully_connected_operator;  // external linkage: operators.cpp lists it
const operator_entry fully_connected_operator{
    .builtin = tfl::op::fully_connected, .name = "FULLY_CONNECTED", .lower = lower_fully_connected,
    .layer_type = fully_connected_type, .traits = ctnn::layers::fully_connected_traits,
    .options_text = fully_connected_options, .params_prefix = "fc", .constant_per_tensor_multiplier = true,
};

}  // namespace ctnn_convert
