// DEPTH_TO_SPACE and SPACE_TO_DEPTH: an int8 NHWC tensor's blocks of block_size x block_size
// pixels to channels and back (options DepthToSpaceOptions / SpaceToDepthOptions: block_size).
#include <ctnn/kernels/reference/depth_space_s8.hpp>  // the rules, shared with the layers

#include <ctnn/layers/depth_to_space.hpp>  // its operator_traits
#include <ctnn/layers/space_to_depth.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

// schema.fbs BuiltinOperator values.
constexpr int depth_to_space_builtin = 5, space_to_depth_builtin = 26;

// The input (rank 4) and the block size; the output's shape and quantization are checked by the caller.
ir_tensor block_input(lowering& x, ir_layer& l, int options_type) {
    const int in = x.layer_input(l, 1, 1);
    const int block = x.options(options_type, false).block_size;
    const ir_tensor input = x.graph_tensor(in);
    x.require_rank(input, 4, "input");
    if (block < 1) x.op_fail("unsupported option: block_size " + std::to_string(block) + "; must be at least 1");
    l.block = {block};
    return input;
}

void lower_depth_to_space(lowering& x, ir_layer& l) {
    const ir_tensor input = block_input(x, l, tfl::options::depth_to_space);
    const int b = l.block[0];
    const auto& s = input.shape;
    if (!ctnn::kernels::depth_to_space_fits(s[3], b)) {
        x.op_fail("input " + x.tensor_label(input.tflite_index) + " has " + std::to_string(s[3]) + " channels, not a multiple of block_size^2 = " +
                  std::to_string(static_cast<long long>(b) * b));
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, {s[0], std::int64_t{s[1]} * b, std::int64_t{s[2]} * b, s[3] / (b * b)});
    x.check_same_quantization(input, out);
}

void lower_space_to_depth(lowering& x, ir_layer& l) {
    const ir_tensor input = block_input(x, l, tfl::options::space_to_depth);
    const int b = l.block[0];
    const auto& s = input.shape;
    if (!ctnn::kernels::space_to_depth_fits(s[1], s[2], b)) {
        x.op_fail("input " + x.tensor_label(input.tflite_index) + " is " + shape_text(s) + "; its height and width must be multiples of block_size " +
                  std::to_string(b));
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, {s[0], s[1] / b, s[2] / b, std::int64_t{s[3]} * b * b});
    x.check_same_quantization(input, out);
}

std::string block_options(const ir_layer& l) { return "block_size " + std::to_string(l.block[0]); }

}  // namespace

extern const operator_entry depth_to_space_operator, space_to_depth_operator;  // external linkage: operators.cpp lists them
const operator_entry depth_to_space_operator{
    .builtin = depth_to_space_builtin, .name = "DEPTH_TO_SPACE", .lower = lower_depth_to_space,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) { return "ctnn::layers::depth_to_space<" + std::to_string(l.block[0]) + ">"; },
    .traits = ctnn::layers::depth_to_space_traits, .options_text = block_options,
};
const operator_entry space_to_depth_operator{
    .builtin = space_to_depth_builtin, .name = "SPACE_TO_DEPTH", .lower = lower_space_to_depth,
    .layer_type = [](const model_ir&, const ir_layer& l, std::size_t) { return "ctnn::layers::space_to_depth<" + std::to_string(l.block[0]) + ">"; },
    .traits = ctnn::layers::space_to_depth_traits, .options_text = block_options,
};

}  // namespace ctnn_convert
