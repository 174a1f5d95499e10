// The element-wise binary operators with broadcasting besides ADD (op_add.cpp): SUB, MUL,
// SQUARED_DIFFERENCE, MAXIMUM, MINIMUM, PRELU. Two int8 activation inputs, broadcast by
// TFLite's rule; each operator's rescaling factors checked with the library's own functions
// (ctnn/kernels/reference/binary_s8.hpp), so the converter refuses what the layer would.
#include <array>

#include <ctnn/core/broadcast.hpp>
#include <ctnn/kernels/reference/binary_s16.hpp>
#include <ctnn/kernels/reference/binary_s8.hpp>
#include <ctnn/layers/maximum_minimum.hpp>
#include <ctnn/layers/mul.hpp>
#include <ctnn/layers/prelu.hpp>
#include <ctnn/layers/squared_difference.hpp>
#include <ctnn/layers/sub.hpp>

#include "binary_lowering.hpp"
#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

binary_inputs lower_binary_inputs(lowering& x, ir_layer& l, int max_rank, bool always_walks, bool takes_int16) {
    x.expect_inputs(2, 2);
    const int first = x.op().inputs.empty() ? -1 : x.op().inputs[0];
    const bool int16 = takes_int16 && first >= 0 &&
                       x.model().tensors[static_cast<std::size_t>(first)].type == static_cast<int>(tfl::tensor_type::int16);
    const element type = int16 ? element::int16 : element::int8;
    const int ga = x.activation_input(0, type);
    const int gb = x.activation_input(1, type);
    l.inputs = {ga, gb};
    binary_inputs r;
    r.int16 = int16;
    r.a = x.graph_tensor(ga);
    r.b = x.graph_tensor(gb);
    const std::vector<int>& sa = r.a.shape;
    const std::vector<int>& sb = r.b.shape;
    r.broadcast = sa != sb;
    const std::size_t rank = sa.size() > sb.size() ? sa.size() : sb.size();
    if ((r.broadcast || always_walks) && rank > static_cast<std::size_t>(max_rank)) {
        x.op_fail("input shapes " + shape_text(sa) + " and " + shape_text(sb) + " have rank " + std::to_string(rank) + "; TFLite's " +
                  x.op_name() + (r.broadcast ? " broadcasts" : " runs") + " tensors of at most " + std::to_string(max_rank) + " dimensions");
    }
    dims64 want(rank, 1);
    for (std::size_t i = 0; i < rank; ++i) {  // right-aligned; each pair equal or one of them 1
        const std::int64_t da = i + sa.size() >= rank ? sa[i + sa.size() - rank] : 1;
        const std::int64_t db = i + sb.size() >= rank ? sb[i + sb.size() - rank] : 1;
        if (da != db && da != 1 && db != 1) {
            x.op_fail("input shapes " + shape_text(sa) + " (" + x.tensor_label(x.op().inputs[0]) + ") and " + shape_text(sb) + " (" +
                      x.tensor_label(x.op().inputs[1]) + ") do not broadcast: output axis " + std::to_string(i) + " is " + std::to_string(da) +
                      " in one and " + std::to_string(db) + " in the other (aligned on the last axis, each must be equal or 1)");
        }
        want[i] = da > db ? da : db;
    }
    r.out = &x.add_output(type);
    x.expect_shape(*r.out, want, "the broadcast of the inputs'");
    r.scales_text = "input scales " + float_text(r.a.q.scale) + " and " + float_text(r.b.q.scale) + ", output scale " + float_text(r.out->q.scale) +
                    " (" + x.tensor_label(r.out->tflite_index) + ")";
    return r;
}

void check_int16_add_reals(lowering& x, const ctnn::add_reals& r, const binary_inputs& in) {
    const auto check = [&](double real, const char* what) {
        if (ctnn::kernels::smaller_than_one_ok(real)) return;
        x.op_fail(std::string("int16: ") + what + " " + real_text(real) + " (" + in.scales_text +
                  ") is not in (0, 1); TFLite's int16 path needs every rescaling factor below one (QuantizeMultiplierSmallerThanOneExp)");
    };
    check(r.input1, "the first input's rescaling factor s1 / (2 max(s1, s2))");
    check(r.input2, "the second input's rescaling factor s2 / (2 max(s1, s2))");
    check(r.output, "the output rescaling factor 2 max(s1, s2) / (2^15 s_out) =");
}

namespace {

// schema.fbs: BuiltinOperator values and BuiltinOptions union types of these operators.
namespace code {
constexpr int mul = 18, sub = 41, prelu = 54, maximum = 55, minimum = 57, squared_difference = 99;
}
namespace options_type {
constexpr int mul = 21, sub = 28, maximum_minimum = 39, squared_difference = 76;
}

// An options table with no fields, which TFLite writes and a hand-made model may leave out.
void expect_empty_options(lowering& x, int type, const char* name) {
    const int got = x.op().options.type;
    if (got != tfl::options::none && got != type) x.op_fail("builtin options are " + tfl::options_name(got) + "; expected " + name);
}

void lower_sub(lowering& x, ir_layer& l) {
    l.act = x.fused_activation(x.options(options_type::sub, false).activation);
    const binary_inputs in = lower_binary_inputs(x, l, ctnn::layers::sub_max_broadcast_rank, false, true);
    if (in.int16) {
        check_int16_add_reals(x, ctnn::kernels::sub_s16_reals(in.a.q.scale, in.b.q.scale, in.out->q.scale), in);
        x.check_activation(l.act, *in.out);
        return;
    }
    const ctnn::add_reals r = ctnn::kernels::sub_multiplier_reals(in.a.q.scale, in.b.q.scale, in.out->q.scale);
    x.check_multiplier(r.output, "the output rescaling factor 2 max(s1, s2) / (2^20 s_out) =", in.scales_text);
    x.check_activation(l.act, *in.out);
}

void lower_mul(lowering& x, ir_layer& l) {
    l.act = x.fused_activation(x.options(options_type::mul, false).activation);
    const binary_inputs in = lower_binary_inputs(x, l, ctnn::layers::mul_max_broadcast_rank, false, true);
    x.check_multiplier(ctnn::kernels::mul_real(in.a.q.scale, in.b.q.scale, in.out->q.scale), "the output rescaling factor s1 s2 / s_out =",
                       in.scales_text);
    x.check_activation(l.act, *in.out);
}

void lower_squared_difference(lowering& x, ir_layer& l) {
    expect_empty_options(x, options_type::squared_difference, "SquaredDifferenceOptions");
    const binary_inputs in = lower_binary_inputs(x, l, ctnn::layers::squared_difference_max_broadcast_rank, false);
    const ctnn::add_reals r = ctnn::kernels::squared_difference_reals(in.a.q.scale, in.b.q.scale, in.out->q.scale);
    x.check_multiplier(r.output, "the output rescaling factor (2 max(s1, s2))^2 / (2^14 s_out) =", in.scales_text);
}

void lower_maximum_minimum(lowering& x, ir_layer& l) {
    expect_empty_options(x, options_type::maximum_minimum, "MaximumMinimumOptions");
    lower_binary_inputs(x, l, ctnn::layers::maximum_minimum_max_rank, true);
}

void lower_prelu(lowering& x, ir_layer& l) {
    if (x.op().options.type != tfl::options::none) x.op_fail("builtin options are " + tfl::options_name(x.op().options.type) + "; PRELU has none");
    const binary_inputs in = lower_binary_inputs(x, l, ctnn::layers::prelu_max_rank, true);
    const std::string scales = "input scale " + float_text(in.a.q.scale) + ", alpha scale " + float_text(in.b.q.scale) + ", output scale " +
                               float_text(in.out->q.scale) + " (" + x.tensor_label(in.out->tflite_index) + ")";
    x.check_multiplier(ctnn::kernels::prelu_identity_real(in.a.q.scale, in.out->q.scale), "the identity factor s_in / s_out =", scales);
    x.check_multiplier(ctnn::kernels::prelu_alpha_real(in.a.q.scale, in.b.q.scale, in.out->q.scale), "the alpha factor s_in s_alpha / s_out =",
                       scales);
}

std::string quant_only(const char* layer, std::size_t node) { return std::string("ctnn::layers::") + layer + "<" + q_name(node) + ">"; }

}  // namespace

extern const operator_entry sub_operator, mul_operator, squared_difference_operator, maximum_operator, minimum_operator, prelu_operator;
const operator_entry sub_operator{
    .builtin = code::sub, .name = "SUB", .lower = lower_sub,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t node) { return "ctnn::layers::sub<" + q_name(node) + ", " + act_type(l.act) + ">"; },
    .traits = ctnn::layers::sub_traits, .options_text = [](const ir_layer& l) { return activation_text(l.act); },
};
const operator_entry mul_operator{
    .builtin = code::mul, .name = "MUL", .lower = lower_mul,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t node) { return "ctnn::layers::mul<" + q_name(node) + ", " + act_type(l.act) + ">"; },
    .traits = ctnn::layers::mul_traits, .options_text = [](const ir_layer& l) { return activation_text(l.act); },
};
const operator_entry squared_difference_operator{
    .builtin = code::squared_difference, .name = "SQUARED_DIFFERENCE", .lower = lower_squared_difference,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t node) { return quant_only("squared_difference", node); },
    .traits = ctnn::layers::squared_difference_traits,
};
const operator_entry maximum_operator{
    .builtin = code::maximum, .name = "MAXIMUM", .lower = lower_maximum_minimum,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t node) { return quant_only("maximum", node); },
    .traits = ctnn::layers::maximum_traits,
};
const operator_entry minimum_operator{
    .builtin = code::minimum, .name = "MINIMUM", .lower = lower_maximum_minimum,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t node) { return quant_only("minimum", node); },
    .traits = ctnn::layers::minimum_traits,
};
const operator_entry prelu_operator{
    .builtin = code::prelu, .name = "PRELU", .lower = lower_prelu,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t node) { return quant_only("prelu", node); },
    .traits = ctnn::layers::prelu_traits,
};

}  // namespace ctnn_convert
