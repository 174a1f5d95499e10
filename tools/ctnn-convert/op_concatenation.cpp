// CONCATENATION and PACK: int8 tensors of one quantization (TFLite requires it; the bytes are
// copied), 1 to 16 inputs, any of which may be a constant or a model input.
#include <ctnn/kernels/concatenation_params.hpp>
#include <ctnn/layers/concatenation.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

// The inputs (every one an activation or constant operand), checked against the first one's
// quantization and against the output's.
std::vector<int> joined_inputs(lowering& x, ir_layer& l) {
    const std::size_t n = x.op().inputs.size();
    if (n < 1 || n > static_cast<std::size_t>(ctnn::kernels::max_concatenation_inputs)) {
        x.op_fail("has " + std::to_string(n) + " inputs; ctnn joins 1 to " + std::to_string(ctnn::kernels::max_concatenation_inputs));
    }
    const element type = x.int8_or_int16_input(0);  // every input the first one's
    for (std::size_t i = 0; i < n; ++i) l.inputs.push_back(x.activation_input(i, type));
    return l.inputs;
}

void require_one_quantization(lowering& x, const ir_layer& l, const ir_tensor& out) {
    for (std::size_t i = 0; i < l.inputs.size(); ++i) {
        const ir_tensor& t = x.graph_tensor(l.inputs[i]);
        if (!(t.q == out.q)) {
            x.op_fail("input #" + std::to_string(i) + " " + x.tensor_label(t.tflite_index) + " has scale " + float_text(t.q.scale) + " zp " +
                      std::to_string(t.q.zero_point) + ", the output " + x.tensor_label(out.tflite_index) + " scale " + float_text(out.q.scale) +
                      " zp " + std::to_string(out.q.zero_point) + "; TFLite requires every input's quantization to equal the output's");
        }
    }
}

void lower_concatenation(lowering& x, ir_layer& l) {
    const tfl_options& o = x.options(tfl::options::concatenation, false);
    if (o.activation != 0) x.op_fail("fused activation " + tfl::activation_name(o.activation) + " is not supported; TFLite Micro requires NONE");
    joined_inputs(x, l);
    const std::vector<int> first = x.graph_tensor(l.inputs[0]).shape;  // a copy: add_output may move the tensors
    const int rank = static_cast<int>(first.size());
    if (o.axis < -rank || o.axis >= rank) {
        x.op_fail("axis " + std::to_string(o.axis) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for inputs of rank " + std::to_string(rank));
    }
    l.axis = o.axis < 0 ? o.axis + rank : o.axis;
    dims64 want(first.begin(), first.end());
    want[static_cast<std::size_t>(l.axis)] = 0;
    for (std::size_t i = 0; i < l.inputs.size(); ++i) {
        const std::vector<int>& s = x.graph_tensor(l.inputs[i]).shape;
        bool fits = s.size() == first.size();
        for (std::size_t d = 0; fits && d < s.size(); ++d) fits = static_cast<int>(d) == l.axis || s[d] == first[d];
        if (!fits) {
            x.op_fail("input #" + std::to_string(i) + " has shape " + shape_text(s) + "; it must match input #0's " + shape_text(first) +
                      " on every dimension but axis " + std::to_string(l.axis));
        }
        want[static_cast<std::size_t>(l.axis)] += s[static_cast<std::size_t>(l.axis)];
    }
    const ir_tensor& out = x.add_output(x.graph_tensor(l.inputs[0]).type);
    x.expect_shape(out, want);
    require_one_quantization(x, l, out);
    ctnn::kernels::concatenation_params p;
    for (int d = 0; d < l.axis; ++d) p.outer *= first[static_cast<std::size_t>(d)];
    l.joins = ctnn::kernels::concatenation_is_one_run(p);
}

void lower_pack(lowering& x, ir_layer& l) {
    const tfl_options& o = x.options(tfl::options::pack, false);
    joined_inputs(x, l);
    if (o.count != static_cast<int>(l.inputs.size())) {
        x.op_fail("values_count " + std::to_string(o.count) + " differs from its " + std::to_string(l.inputs.size()) + " inputs");
    }
    const std::vector<int> first = x.graph_tensor(l.inputs[0]).shape;  // a copy: add_output may move the tensors
    const int rank = static_cast<int>(first.size()) + 1;
    if (o.axis < -rank || o.axis >= rank) {
        x.op_fail("axis " + std::to_string(o.axis) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for an output of rank " + std::to_string(rank));
    }
    l.axis = o.axis < 0 ? o.axis + rank : o.axis;
    for (std::size_t i = 0; i < l.inputs.size(); ++i) {
        const std::vector<int>& s = x.graph_tensor(l.inputs[i]).shape;
        if (s != first) x.op_fail("input #" + std::to_string(i) + " has shape " + shape_text(s) + "; PACK needs every input to have input #0's " + shape_text(first));
    }
    dims64 want(first.begin(), first.end());
    want.insert(want.begin() + l.axis, static_cast<std::int64_t>(l.inputs.size()));
    const ir_tensor& out = x.add_output(x.graph_tensor(l.inputs[0]).type);
    x.expect_shape(out, want);
    require_one_quantization(x, l, out);
    ctnn::kernels::concatenation_params p;
    for (int d = 0; d < l.axis; ++d) p.outer *= first[static_cast<std::size_t>(d)];
    l.joins = ctnn::kernels::concatenation_is_one_run(p);
}

std::string concatenation_type(const model_ir&, const ir_layer& l, std::size_t) {
    return "ctnn::layers::concatenation<" + std::to_string(l.axis) + ">";
}
std::string pack_type(const model_ir&, const ir_layer& l, std::size_t) { return "ctnn::layers::pack<" + std::to_string(l.axis) + ">"; }
std::string axis_text(const ir_layer& l) { return "axis " + std::to_string(l.axis); }

}  // namespace

extern const operator_entry concatenation_operator, pack_operator;  // external linkage: operators.cpp lists them
const operator_entry concatenation_operator{
    .builtin = tfl::op::concatenation, .name = "CONCATENATION", .lower = lower_concatenation, .layer_type = concatenation_type,
    .traits = ctnn::layers::concatenation_traits, .options_text = axis_text,
};
const operator_entry pack_operator{
    .builtin = tfl::op::pack, .name = "PACK", .lower = lower_pack, .layer_type = pack_type, .traits = ctnn::layers::concatenation_traits,
    .options_text = axis_text,
};

}  // namespace ctnn_convert
