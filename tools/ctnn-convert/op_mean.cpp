// MEAN: the average over constant int32 axes of an int8 tensor of rank 1 to 6.
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
    const int in = x.layer_input(l, 2, 2);
    l.keep_dims = x.options(tfl::options::reducer, false).keep_dims;
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank < 1 || rank > ctnn::kernels::max_mean_rank) x.op_fail("input " + shape_text(input.shape) + " has rank " + std::to_string(rank) + "; ctnn's MEAN takes rank 1 to 6");
    const auto& data = x.constant_input(1, tensor_type::int32, "axes");
    std::vector<bool> reduced(static_cast<std::size_t>(rank), false);
    for (std::size_t i = 0; i < data.size() / 4; ++i) {
        const int a = x.load_i32(data, i);
        if (a < -rank || a >= rank) x.op_fail("axis " + std::to_string(a) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for input " + shape_text(input.shape));
        reduced[static_cast<std::size_t>(a < 0 ? a + rank : a)] = true;
    }
    std::vector<int> want;
    std::size_t count = 1;
    for (int d = 0; d < rank; ++d) {
        const int n = input.shape[static_cast<std::size_t>(d)];
        if (reduced[static_cast<std::size_t>(d)]) {
            l.axes.push_back(d);
            count *= static_cast<std::size_t>(n);
        }
        if (!reduced[static_cast<std::size_t>(d)]) want.push_back(n);
        else if (l.keep_dims) want.push_back(1);
    }
    if (count > static_cast<std::size_t>(ctnn::kernels::max_mean_count)) {
        x.op_fail("averages " + std::to_string(count) + " elements per output value; more than 2^23 could overflow the int32 sum");
    }
    const ir_tensor& out = x.add_output(element::int8);
    // A full reduction without keep_dims is a scalar; TFLite writes its shape as [] or [1].
    const bool scalar = want.empty() && (out.shape.empty() || out.shape == std::vector<int>{1});
    if (out.shape != want && !scalar) x.op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
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
