// GATHER: constant indices (int32 or int64, any shape) along one axis, batch_dims 0. The
// output is the input's dimensions before the axis, the indices' shape, then the input's
// dimensions after it (TFLite's Prepare); every index must lie in [0, extent of the axis),
// which TFLM checks as it runs and ctnn checks here.
#include <ctnn/layers/gather.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "movement_common.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_gather(lowering& x, ir_layer& l) {
    const int in = x.layer_input(l, 2, 2);
    const tfl_options& o = x.options(tfl::options::gather, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (o.axis < -rank || o.axis >= rank) {
        x.op_fail("unsupported option: axis " + std::to_string(o.axis) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for input " +
                  shape_text(input.shape));
    }
    const int axis = o.axis < 0 ? o.axis + rank : o.axis;
    const index_operand indices = constant_indices(x, 1, "indices");
    const int batch_dims = o.batch_dims < 0 ? o.batch_dims + static_cast<int>(indices.shape.size()) : o.batch_dims;
    if (batch_dims != 0) x.op_fail("unsupported option: batch_dims " + std::to_string(o.batch_dims) + "; ctnn gathers with batch_dims 0");
    const int extent = input.shape[static_cast<std::size_t>(axis)];
    for (std::size_t k = 0; k < indices.values.size(); ++k) {
        const int v = indices.values[k];
        if (v < 0 || v >= extent) {
            x.op_fail("indices " + x.tensor_label(indices.tensor) + " hold " + std::to_string(v) + " at position " + std::to_string(k) + "; indices must lie in [0, " +
                      std::to_string(extent) + ") (axis " + std::to_string(axis) + " of input " + shape_text(input.shape) + ")");
        }
    }
    dims64 want(input.shape.begin(), input.shape.begin() + axis);
    want.insert(want.end(), indices.shape.begin(), indices.shape.end());
    want.insert(want.end(), input.shape.begin() + axis + 1, input.shape.end());
    l.axis = axis;
    l.indices.assign(indices.values.begin(), indices.values.end());
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, want, "the gathered");
    x.check_same_quantization(input, out);
}

std::string gather_type(const model_ir& m, const ir_layer& l, std::size_t node) {
    return "ctnn::layers::gather<" + std::to_string(l.axis) + ", ctnn::gather_indices<" + list_text(l.indices) + ">, " + shape_type(m.tensors[node].shape) + ">";
}
std::string gather_options(const ir_layer& l) { return "axis " + std::to_string(l.axis) + ", " + std::to_string(l.indices.size()) + " indices"; }

}  // namespace

extern const operator_entry gather_operator;  // external linkage: operators.cpp lists it
const operator_entry gather_operator{
    .builtin = tfl::op::gather, .name = "GATHER", .lower = lower_gather, .layer_type = gather_type, .traits = ctnn::layers::gather_traits,
    .options_text = gather_options,
};

}  // namespace ctnn_convert
