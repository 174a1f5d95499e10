// SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND: an int8 tensor of rank 4 (NHWC) or 3 (NHC) with a
// constant int32 block shape [rank - 2] and constant paddings or crops [rank - 2, 2].
#include <ctnn/kernels/reference/batch_space_s8.hpp>  // the rules, shared with the layers

#include <ctnn/layers/batch_to_space_nd.hpp>  // its operator_traits
#include <ctnn/layers/space_to_batch_nd.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

// schema.fbs BuiltinOperator values.
constexpr int batch_to_space_nd_builtin = 37, space_to_batch_nd_builtin = 38;

// Reads the input, the block shape and the (before, after) amounts into l; returns the input.
ir_tensor batch_space_inputs(lowering& x, ir_layer& l, int options_type, const char* amounts) {
    const int in = x.layer_input(l, 3, 3);
    x.options(options_type, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank != 3 && rank != 4) {
        x.op_fail("input " + x.tensor_label(input.tflite_index) + " has shape " + shape_text(input.shape) + "; expected rank 3 (NHC) or 4 (NHWC)");
    }
    const int spatial = rank - 2;
    const auto& block = x.constant_input(1, tensor_type::int32, "block_shape");
    const auto bshape = x.static_shape(x.op().inputs[1]);
    if (bshape != std::vector<int>{spatial}) {
        x.op_fail("block_shape " + x.tensor_label(x.op().inputs[1]) + " has shape " + shape_text(bshape) + "; expected " + std::to_string(spatial));
    }
    const auto& data = x.constant_input(2, tensor_type::int32, amounts);
    const auto pshape = x.static_shape(x.op().inputs[2]);
    if (pshape != std::vector<int>{spatial, 2}) {
        x.op_fail(std::string(amounts) + " " + x.tensor_label(x.op().inputs[2]) + " have shape " + shape_text(pshape) + "; expected " +
                  std::to_string(spatial) + "x2");
    }
    for (int d = 0; d < spatial; ++d) {
        const int b = x.load_i32(block, static_cast<std::size_t>(d));
        const int before = x.load_i32(data, static_cast<std::size_t>(2 * d)), after = x.load_i32(data, static_cast<std::size_t>(2 * d + 1));
        if (b < 1) x.op_fail("block_shape[" + std::to_string(d) + "] is " + std::to_string(b) + "; must be at least 1");
        if (before < 0 || after < 0 || before > (1 << 20) || after > (1 << 20)) {
            x.op_fail(std::string(amounts) + " of spatial dimension " + std::to_string(d) + " are " + std::to_string(before) + ", " +
                      std::to_string(after) + "; must be non-negative and at most 2^20");
        }
        l.block.push_back(b);
        l.paddings.push_back(before);
        l.paddings.push_back(after);
    }
    return input;
}

void lower_space_to_batch_nd(lowering& x, ir_layer& l) {
    const ir_tensor input = batch_space_inputs(x, l, tfl::options::space_to_batch_nd, "paddings");
    dims64 want(input.shape.begin(), input.shape.end());
    for (std::size_t d = 0; d < l.block.size(); ++d) {
        const int size = input.shape[d + 1], b = l.block[d], before = l.paddings[2 * d], after = l.paddings[2 * d + 1];
        if (!ctnn::kernels::space_to_batch_dim_fits(size, b, before, after)) {
            x.op_fail("padded size " + std::to_string(std::int64_t{size} + before + after) + " of spatial dimension " + std::to_string(d) +
                      " (input " + x.tensor_label(input.tflite_index) + ") is not a multiple of its block " + std::to_string(b));
        }
        want[d + 1] = (std::int64_t{size} + before + after) / b;
        want[0] *= b;
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, want);
    x.check_same_quantization(input, out);
}

void lower_batch_to_space_nd(lowering& x, ir_layer& l) {
    const ir_tensor input = batch_space_inputs(x, l, tfl::options::batch_to_space_nd, "crops");
    dims64 want(input.shape.begin(), input.shape.end());
    std::int64_t blocks = 1;
    for (const int b : l.block) blocks *= b;
    if (input.shape[0] % blocks != 0) {
        x.op_fail("input " + x.tensor_label(input.tflite_index) + " has batch " + std::to_string(input.shape[0]) +
                  ", not a multiple of the block's size " + std::to_string(blocks));
    }
    want[0] = input.shape[0] / blocks;
    for (std::size_t d = 0; d < l.block.size(); ++d) {
        const int size = input.shape[d + 1], b = l.block[d], before = l.paddings[2 * d], after = l.paddings[2 * d + 1];
        if (!ctnn::kernels::batch_to_space_dim_fits(size, b, before, after)) {
            x.op_fail("crops " + std::to_string(before) + ", " + std::to_string(after) + " of spatial dimension " + std::to_string(d) +
                      " leave nothing of its size " + std::to_string(std::int64_t{size} * b) + " (input " + x.tensor_label(input.tflite_index) +
                      " times block " + std::to_string(b) + ")");
        }
        want[d + 1] = std::int64_t{size} * b - before - after;
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, want);
    x.check_same_quantization(input, out);
}

std::string list(const std::vector<int>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s;
}
std::string batch_space_type(const char* layer, const char* amounts, const ir_layer& l) {
    return std::string("ctnn::layers::") + layer + "<ctnn::block_shape<" + list(l.block) + ">, ctnn::" + amounts + "<" + list(l.paddings) + ">>";
}
std::string batch_space_options(const char* amounts, const ir_layer& l) {
    std::string s = "block ";
    for (std::size_t i = 0; i < l.block.size(); ++i) s += (i ? "x" : "") + std::to_string(l.block[i]);
    s += std::string(" ") + amounts;
    for (std::size_t i = 0; i + 1 < l.paddings.size(); i += 2) s += " " + std::to_string(l.paddings[i]) + "/" + std::to_string(l.paddings[i + 1]);
    return s;
}

}  // namespace

extern const operator_entry space_to_batch_nd_operator, batch_to_space_nd_operator;  // external linkage: operators.cpp lists them
const operator_entry space_to_batch_nd_operator{
    .builtin = space_to_batch_nd_builtin, .name = "SPACE_TO_BATCH_ND", .lower = lower_space_to_batch_nd,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) { return batch_space_type("space_to_batch_nd", "paddings", l); },
    .traits = ctnn::layers::space_to_batch_nd_traits, .options_text = [](const ir_layer& l) { return batch_space_options("paddings", l); },
};
const operator_entry batch_to_space_nd_operator{
    .builtin = batch_to_space_nd_builtin, .name = "BATCH_TO_SPACE_ND", .lower = lower_batch_to_space_nd,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) { return batch_space_type("batch_to_space_nd", "crops", l); },
    .traits = ctnn::layers::batch_to_space_nd_traits, .options_text = [](const ir_layer& l) { return batch_space_options("crops", l); },
};

}  // namespace ctnn_convert
