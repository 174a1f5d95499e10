// MEAN: the average over constant int32 axes of an int8 or int16 tensor of rank 1 to 6 (the axis rules
// every reduction shares: lowering::reduction_axes).
#include <ctnn/kernels/geometry.hpp>  // MEAN's limits, shared with the layer

#include <ctnn/layers/mean.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

void lower_mean(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const std::size_t count = x.reduction_axes(l, type);
    if (count > static_cast<std::size_t>(ctnn::kernels::max_mean_count)) {
        x.op_fail("averages " + std::to_string(count) + " elements per output value; more than 2^23 could overflow the int32 sum");
    }
    if (type == element::int16 && count > static_cast<std::size_t>(ctnn::kernels::max_mean_count_int16)) {
        x.op_fail("averages " + std::to_string(count) + " int16 elements per output value; more than 2^16 could overflow the int32 sum");
    }
    x.reduction_output(l);
}

std::string mean_type(const model_ir&, const ir_layer& l, std::size_t node) {
    std::string axes;
    for (const int a : l.axes) axes += (axes.empty() ? "" : ", ") + std::to_string(a);
    return "ctnn::layers::mean<" + q_name(node) + ", " + (l.keep_dims ? "true" : "false") + ", ctnn::axes<" + axes + ">>";
}

std::string mean_options(const ir_layer& l) {
    std::string axes = "axes ";
    for (std::size_t i = 0; i < l.axes.size(); ++i) axes += (i ? "," : "") + std::to_string(l.axes[i]);
    return axes + (l.keep_dims ? " keep_dims" : "");
}

}  // namespace

extern const operator_entry mean_operator;  // external linkage: operators.cpp lists it
const operator_entry mean_operator{
    .builtin = tfl::op::mean, .name = "MEAN", .lower = lower_mean, .layer_type = mean_type, .traits = ctnn::layers::mean_traits,
    .options_text = mean_options,
    .scalar_output = true,
};

}  // namespace ctnn_convert
