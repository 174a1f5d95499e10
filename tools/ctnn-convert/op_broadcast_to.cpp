// BROADCAST_TO: the output shape is the constant shape operand (int32 or int64, rank <= 5);
// the input's dimensions align with its last ones and each equals the target's or is 1.
#include <ctnn/kernels/reference/strided_copy.hpp>  // max_movement_rank
#include <ctnn/layers/broadcast_to.hpp>             // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "movement_common.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_broadcast_to(lowering& x, ir_layer& l) {
    const int in = x.layer_input(l, 2, 2);
    x.options(tfl::options::broadcast_to, false);
    const ir_tensor input = x.graph_tensor(in);
    const index_operand shape = constant_indices(x, 1, "shape");
    if (shape.shape.size() != 1) x.op_fail("shape " + x.tensor_label(shape.tensor) + " has shape " + shape_text(shape.shape) + "; it must be 1-D");
    const int rank = static_cast<int>(input.shape.size()), out_rank = static_cast<int>(shape.values.size());
    const std::string target = "shape [" + list_text(shape.values) + "] (" + x.tensor_label(shape.tensor) + ")";
    if (out_rank > ctnn::kernels::max_movement_rank || out_rank < rank) {
        x.op_fail(target + " has rank " + std::to_string(out_rank) + "; BROADCAST_TO takes a shape of rank 1 to 5, at least the input's " + std::to_string(rank));
    }
    for (int d = 0; d < rank; ++d) {
        const int i = input.shape[static_cast<std::size_t>(d)], o = shape.values[static_cast<std::size_t>(out_rank - rank + d)];
        if (i != o && i != 1) {
            x.op_fail("input " + x.tensor_label(input.tflite_index) + " " + shape_text(input.shape) + " does not broadcast to " + target + ": dimension " +
                      std::to_string(d) + " is " + std::to_string(i) + ", neither 1 nor " + std::to_string(o));
        }
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, dims64(shape.values.begin(), shape.values.end()), "the shape operand's");
    x.check_same_quantization(input, out);
}

std::string broadcast_to_type(const model_ir& m, const ir_layer&, std::size_t node) {
    return "ctnn::layers::broadcast_to<" + shape_type(m.tensors[node].shape) + ">";
}

}  // namespace

extern const operator_entry broadcast_to_operator;  // external linkage: operators.cpp lists it
const operator_entry broadcast_to_operator{
    .builtin = tfl::op::broadcast_to, .name = "BROADCAST_TO", .lower = lower_broadcast_to, .layer_type = broadcast_to_type,
    .traits = ctnn::layers::broadcast_to_traits,
};

}  // namespace ctnn_convert
