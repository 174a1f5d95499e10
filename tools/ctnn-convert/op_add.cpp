// ADD: two int8 (or two int16) tensors, each rescaled to the output; shapes that differ broadcast (TFLM: up to 6-D).
#include <ctnn/kernels/reference/binary_s16.hpp>
#include <ctnn/quant/requantize.hpp>

#include <ctnn/layers/add.hpp>  // its operator_traits

#include "binary_lowering.hpp"
#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_add(lowering& x, ir_layer& l) {
    l.act = x.fused_activation(x.options(tfl::options::add, false).activation);
    const binary_inputs in = lower_binary_inputs(x, l, ctnn::layers::add_max_broadcast_rank, false, true);
    if (in.int16) {  // TFLM's general int16 path (left shift 15); it never takes TFLite's power-of-two one
        check_int16_add_reals(x, ctnn::kernels::add_s16_reals(in.a.q.scale, in.b.q.scale, in.out->q.scale), in);
        x.check_activation(l.act, *in.out);
        return;
    }
    const ctnn::add_reals r = ctnn::add_multiplier_reals(in.a.q.scale, in.b.q.scale, in.out->q.scale);
    x.check_multiplier(r.input1, "the first input's rescaling factor", in.scales_text);
    x.check_multiplier(r.input2, "the second input's rescaling factor", in.scales_text);
    x.check_multiplier(r.output, "the output rescaling factor 2 max(s1, s2) / (2^20 s_out) =", in.scales_text);
    x.check_activation(l.act, *in.out);
}

std::string add_type(const model_ir&, const ir_layer& l, std::size_t node) { return "ctnn::layers::add<" + q_name(node) + ", " + act_type(l.act) + ">"; }

}  // namespace

extern const operator_entry add_operator;  // external linkage: operators.cpp lists it
const operator_entry add_operator{
    .builtin = tfl::op::add, .name = "ADD", .lower = lower_add, .layer_type = add_type, .traits = ctnn::layers::add_traits,
    .options_text = [](const ir_layer& l) { return activation_text(l.act); },
};

}  // namespace ctnn_convert
