// SQUEEZE and EXPAND_DIMS: the same bytes under a shape with dimensions of 1 dropped or added,
// so both lower to RESHAPE's layer (a view: no code, no arena bytes); the converter only
// computes the shape, as TFLite's Prepare does, and checks it against the output tensor.
#include <ctnn/layers/reshape.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "movement_common.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

// squeeze_dims: the dimensions to drop, each of size 1, negative ones counted from the end;
// none listed: every dimension of size 1.
void lower_squeeze(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 1, 1, type);
    const auto& o = x.options(tfl::options::squeeze, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    std::vector<bool> drop(static_cast<std::size_t>(rank), o.squeeze_dims.empty());
    for (const int d : o.squeeze_dims) {
        if (d < -rank || d >= rank) {
            x.op_fail("squeeze_dims entry " + std::to_string(d) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for input " +
                      x.tensor_label(input.tflite_index) + " " + shape_text(input.shape));
        }
        const int k = d < 0 ? d + rank : d;
        if (input.shape[static_cast<std::size_t>(k)] != 1) {
            x.op_fail("squeeze_dims entry " + std::to_string(d) + " names dimension " + std::to_string(k) + " of input " + x.tensor_label(input.tflite_index) +
                      " " + shape_text(input.shape) + ", of size " + std::to_string(input.shape[static_cast<std::size_t>(k)]) + "; only dimensions of 1 can go");
        }
        drop[static_cast<std::size_t>(k)] = true;
    }
    dims64 want;
    for (int d = 0; d < rank; ++d)
        if (!drop[static_cast<std::size_t>(d)] || input.shape[static_cast<std::size_t>(d)] != 1) want.push_back(input.shape[static_cast<std::size_t>(d)]);
    const ir_tensor& out = x.add_output(type);
    x.expect_shape(out, want, "the squeezed");
    x.check_same_quantization(input, out);
}

// axis: one int32 or int64 value in [-rank - 1, rank]; negative ones count from the end.
void lower_expand_dims(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 2, 2, type);
    x.options(tfl::options::expand_dims, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    const index_operand axis = constant_indices(x, 1, "axis");
    if (axis.values.size() != 1) {
        x.op_fail("axis " + x.tensor_label(axis.tensor) + " has " + std::to_string(axis.values.size()) + " elements; EXPAND_DIMS takes exactly one");
    }
    const int a = axis.values[0];
    if (a < -rank - 1 || a > rank) {
        x.op_fail("axis " + std::to_string(a) + " (" + x.tensor_label(axis.tensor) + ") is outside [-" + std::to_string(rank + 1) + ", " + std::to_string(rank) +
                  "] for input " + shape_text(input.shape));
    }
    const int at = a < 0 ? a + rank + 1 : a;
    dims64 want(input.shape.begin(), input.shape.end());
    want.insert(want.begin() + at, 1);
    const ir_tensor& out = x.add_output(type);
    x.expect_shape(out, want, "the expanded");
    x.check_same_quantization(input, out);
}

std::string view_type(const model_ir& m, const ir_layer&, std::size_t node) { return "ctnn::layers::reshape<" + shape_type(m.tensors[node].shape) + ">"; }

}  // namespace

extern const operator_entry squeeze_operator, expand_dims_operator;  // external linkage: operators.cpp lists them
const operator_entry squeeze_operator{
    .builtin = tfl::op::squeeze, .name = "SQUEEZE", .lower = lower_squeeze, .layer_type = view_type, .traits = ctnn::layers::reshape_traits,
};
const operator_entry expand_dims_operator{
    .builtin = tfl::op::expand_dims, .name = "EXPAND_DIMS", .lower = lower_expand_dims, .layer_type = view_type,
    .traits = ctnn::layers::reshape_traits,
};

}  // namespace ctnn_convert
