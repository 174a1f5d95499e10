// MIRROR_PAD: constant paddings (int32 or int64, [rank, 2]) around a tensor of rank 1 to 5,
// REFLECT or SYMMETRIC; TFLite allows at most extent - 1 (REFLECT) or extent (SYMMETRIC) on
// each side, which TFLM does not check (it would read outside the input).
#include <ctnn/kernels/reference/mirror_pad.hpp>    // mirror_padding_fits, shared with the layer
#include <ctnn/kernels/reference/strided_copy.hpp>  // max_movement_rank
#include <ctnn/layers/mirror_pad.hpp>               // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "movement_common.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_mirror_pad(lowering& x, ir_layer& l) {
    const int in = x.layer_input(l, 2, 2);
    const tfl_options& o = x.options(tfl::options::mirror_pad, false);
    if (o.mirror_mode != 0 && o.mirror_mode != 1) x.op_fail("unsupported option: mode " + std::to_string(o.mirror_mode) + "; supported: REFLECT, SYMMETRIC");
    l.mirror_symmetric = o.mirror_mode == 1;
    const auto mode = l.mirror_symmetric ? ctnn::kernels::mirror_mode::symmetric : ctnn::kernels::mirror_mode::reflect;
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank > ctnn::kernels::max_movement_rank) x.op_fail("input " + x.tensor_label(input.tflite_index) + " has rank " + std::to_string(rank) + "; ctnn mirror-pads rank 1 to 5");
    const index_operand p = constant_indices(x, 1, "paddings");
    if (p.shape != std::vector<int>{rank, 2}) x.op_fail("paddings " + x.tensor_label(p.tensor) + " have shape " + shape_text(p.shape) + "; expected " + std::to_string(rank) + "x2");
    dims64 want(input.shape.begin(), input.shape.end());
    for (int d = 0; d < rank; ++d) {
        const int before = p.values[static_cast<std::size_t>(2 * d)], after = p.values[static_cast<std::size_t>(2 * d + 1)];
        const int extent = input.shape[static_cast<std::size_t>(d)];
        if (!ctnn::kernels::mirror_padding_fits(mode, extent, before, after)) {
            x.op_fail("padding of dimension " + std::to_string(d) + " is " + std::to_string(before) + ", " + std::to_string(after) + "; " +
                      (l.mirror_symmetric ? "SYMMETRIC pads at most the extent " : "REFLECT pads at most the extent - 1 = ") +
                      std::to_string(l.mirror_symmetric ? extent : extent - 1) + " on each side, none negative");
        }
        l.paddings.push_back(before);
        l.paddings.push_back(after);
        want[static_cast<std::size_t>(d)] += std::int64_t{before} + after;
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, want);
    x.check_same_quantization(input, out);
}

std::string mirror_pad_type(const model_ir&, const ir_layer& l, std::size_t) {
    return "ctnn::layers::mirror_pad<ctnn::paddings<" + list_text(l.paddings) + ">, ctnn::mirror_mode::" + (l.mirror_symmetric ? "symmetric" : "reflect") + ">";
}
std::string mirror_pad_options(const ir_layer& l) {
    std::string s = l.mirror_symmetric ? "SYMMETRIC paddings" : "REFLECT paddings";
    for (std::size_t i = 0; i + 1 < l.paddings.size(); i += 2) s += " " + std::to_string(l.paddings[i]) + "/" + std::to_string(l.paddings[i + 1]);
    return s;
}

}  // namespace

extern const operator_entry mirror_pad_operator;  // external linkage: operators.cpp lists it
const operator_entry mirror_pad_operator{
    .builtin = tfl::op::mirror_pad, .name = "MIRROR_PAD", .lower = lower_mirror_pad, .layer_type = mirror_pad_type,
    .traits = ctnn::layers::mirror_pad_traits, .options_text = mirror_pad_options,
};

}  // namespace ctnn_convert
