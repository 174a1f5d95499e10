// ADD: two int8 tensors of one shape, each rescaled to the output (no broadcasting).
#include <ctnn/quant/requantize.hpp>

#include <ctnn/layers/add.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_add(lowering& x, ir_layer& l) {
    x.expect_inputs(2, 2);
    const int a = x.activation_input(0, element::int8);
    const int b = x.activation_input(1, element::int8);
    l.inputs = {a, b};
    l.act = x.fused_activation(x.options(tfl::options::add, false).activation);
    const ir_tensor ta = x.graph_tensor(a);
    const ir_tensor tb = x.graph_tensor(b);
    if (ta.shape != tb.shape) x.op_fail("input shapes " + shape_text(ta.shape) + " and " + shape_text(tb.shape) + " differ; broadcasting is not supported");
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, dims64(ta.shape.begin(), ta.shape.end()), "the inputs'");
    const ctnn::add_reals r = ctnn::add_multiplier_reals(ta.q.scale, tb.q.scale, out.q.scale);
    const std::string scales = "input scales " + float_text(ta.q.scale) + " and " + float_text(tb.q.scale) + ", output scale " + float_text(out.q.scale) +
                               " (" + x.tensor_label(out.tflite_index) + ")";
    x.check_multiplier(r.input1, "the first input's rescaling factor", scales);
    x.check_multiplier(r.input2, "the second input's rescaling factor", scales);
    x.check_multiplier(r.output, "the output rescaling factor 2 max(s1, s2) / (2^20 s_out) =", scales);
    x.check_activation(l.act, out);
}

std::string add_type(const model_ir&, const ir_layer& l, std::size_t node) { return "ctnn::layers::add<" + q_name(node) + ", " + act_type(l.act) + ">"; }

}  // namespace

extern const operator_entry add_operator;  // external linkage: operators.cpp lists it
const operator_entry add_operator{
    .builtin = tfl::op::add, .name = "ADD", .lower = lower_add, .layer_type = add_type, .traits = ctnn::layers::add_traits,
    .options_text = [](const ir_layer& l) { return activation_text(l.act); },
};

}  // namespace ctnn_convert
