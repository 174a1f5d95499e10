// SUM, REDUCE_MAX and REDUCE_MIN of an int8 tensor (MEAN's axis rules: lowering::reduction_axes),
// and ARG_MAX, ARG_MIN of an int8 or float32 tensor (one constant axis, int32 indices out).
#include <ctnn/kernels/geometry.hpp>  // the reductions' limits, shared with the layers
#include <ctnn/layers/arg_max.hpp>    // their operator_traits
#include <ctnn/layers/reduce.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

std::string axes_type(const ir_layer& l) {
    std::string axes;
    for (const int a : l.axes) axes += (axes.empty() ? "" : ", ") + std::to_string(a);
    return "ctnn::axes<" + axes + ">";
}

std::string reduction_options(const ir_layer& l) {
    std::string axes = "axes ";
    for (std::size_t i = 0; i < l.axes.size(); ++i) axes += (i ? "," : "") + std::to_string(l.axes[i]);
    return axes + (l.keep_dims ? " keep_dims" : "");
}

void lower_sum(lowering& x, ir_layer& l) {
    const std::size_t count = x.reduction_axes(l);
    if (count > static_cast<std::size_t>(ctnn::kernels::max_mean_count)) {
        x.op_fail("sums " + std::to_string(count) + " elements per output value; more than 2^23 could overflow the int32 sum");
    }
    const ir_tensor input = x.graph_tensor(l.inputs[0]);
    const ir_tensor& out = x.reduction_output(l);
    x.check_multiplier(static_cast<double>(input.q.scale) / static_cast<double>(out.q.scale), "the requantization scale",
                       "input scale " + float_text(input.q.scale) + " / output scale " + float_text(out.q.scale) + "; output " +
                           x.tensor_label(out.tflite_index));
}

// TFLM's REDUCE_MAX and REDUCE_MIN refuse an int8 output whose scale or zero point differs.
void lower_reduce_extreme(lowering& x, ir_layer& l) {
    x.reduction_axes(l);
    const ir_tensor input = x.graph_tensor(l.inputs[0]);
    x.check_same_quantization(input, x.reduction_output(l));
}

void lower_arg(lowering& x, ir_layer& l) {
    x.expect_inputs(2, 2);
    const int index = x.op().inputs[0];
    const bool float_input = index >= 0 && x.model().tensors[static_cast<std::size_t>(index)].type == static_cast<int>(tensor_type::float32);
    const int in = x.layer_input(l, 2, 2, float_input ? element::float32 : element::int8);  // TFLM runs both
    const bool max = x.op().builtin_code == tfl::op::arg_max;
    x.options(max ? tfl::options::arg_max : tfl::options::arg_min, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    const auto& data = x.constant_input(1, tensor_type::int32, "axis");
    if (data.size() != 4) {
        x.op_fail("axis " + x.tensor_label(x.op().inputs[1]) + " holds " + std::to_string(data.size() / 4) + " values; " + x.op_name() + " takes one axis");
    }
    const int a = x.load_i32(data, 0);
    if (a < -rank || a >= rank) {
        x.op_fail("axis " + std::to_string(a) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for input " + shape_text(input.shape));
    }
    l.axes = {a < 0 ? a + rank : a};
    const int out_index = x.op().outputs[0];
    const int out_type = x.model().tensors[static_cast<std::size_t>(out_index)].type;
    if (out_type != static_cast<int>(tensor_type::int32)) {
        x.tensor_fail(out_index, "is " + tfl::tensor_type_name(out_type) + "; TFLM's " + x.op_name() + " writes int32 indices only");
    }
    std::vector<int> want;
    for (int d = 0; d < rank; ++d)
        if (d != l.axes[0]) want.push_back(input.shape[static_cast<std::size_t>(d)]);
    const ir_tensor& out = x.add_output(element::int32);
    // A rank-1 input gives one index; TFLite writes its shape as [] or [1].
    const bool scalar = want.empty() && (out.shape.empty() || out.shape == std::vector<int>{1});
    if (out.shape != want && !scalar) x.op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
}

}  // namespace

extern const operator_entry sum_operator, reduce_max_operator, reduce_min_operator, arg_max_operator, arg_min_operator;  // operators.cpp lists them
const operator_entry sum_operator{
    .builtin = tfl::op::sum, .name = "SUM", .lower = lower_sum,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t node) {
        return "ctnn::layers::sum<" + q_name(node) + ", " + (l.keep_dims ? "true" : "false") + ", " + axes_type(l) + ">";
    },
    .traits = ctnn::layers::sum_traits, .options_text = reduction_options,
    .scalar_output = true,
};
const operator_entry reduce_max_operator{
    .builtin = tfl::op::reduce_max, .name = "REDUCE_MAX", .lower = lower_reduce_extreme,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) {
        return std::string("ctnn::layers::reduce_max<") + (l.keep_dims ? "true" : "false") + ", " + axes_type(l) + ">";
    },
    .traits = ctnn::layers::reduce_max_traits, .options_text = reduction_options,
    .scalar_output = true,
};
const operator_entry reduce_min_operator{
    .builtin = tfl::op::reduce_min, .name = "REDUCE_MIN", .lower = lower_reduce_extreme,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) {
        return std::string("ctnn::layers::reduce_min<") + (l.keep_dims ? "true" : "false") + ", " + axes_type(l) + ">";
    },
    .traits = ctnn::layers::reduce_min_traits, .options_text = reduction_options,
    .scalar_output = true,
};
const operator_entry arg_max_operator{
    .builtin = tfl::op::arg_max, .name = "ARG_MAX", .lower = lower_arg,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) { return "ctnn::layers::arg_max<" + std::to_string(l.axes[0]) + ">"; },
    .traits = ctnn::layers::arg_max_traits,
    .options_text = [](const ir_layer& l) { return "axis " + std::to_string(l.axes[0]); },
    .scalar_output = true,
};
const operator_entry arg_min_operator{
    .builtin = tfl::op::arg_min, .name = "ARG_MIN", .lower = lower_arg,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) { return "ctnn::layers::arg_min<" + std::to_string(l.axes[0]) + ">"; },
    .traits = ctnn::layers::arg_min_traits,
    .options_text = [](const ir_layer& l) { return "axis " + std::to_string(l.axes[0]); },
    .scalar_output = true,
};

}  // namespace ctnn_convert
