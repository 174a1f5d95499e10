// SPLIT, SPLIT_V and UNPACK: one output per part of an axis, each a split_part layer (a view of
// the input where the part is one aligned run: kernels/split_params.hpp). The axis and the sizes
// are constant inputs; their values must fit the static shapes.
#include <ctnn/kernels/split_params.hpp>
#include <ctnn/layers/split.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

// The axis from a constant int32 scalar (or 1-element) input, in [0, rank).
int constant_axis(lowering& x, std::size_t slot, int rank) {
    const auto& data = x.constant_input(slot, tensor_type::int32, "axis");
    if (data.size() != 4) x.op_fail("axis (input #" + std::to_string(slot) + ") holds " + std::to_string(data.size() / 4) + " values; expected 1");
    const int a = x.load_i32(data, 0);
    if (a < -rank || a >= rank) x.op_fail("axis " + std::to_string(a) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ")");
    return a < 0 ? a + rank : a;
}

// This output's part [begin, begin + size) of `axis`, checked against the output tensor.
void make_part(lowering& x, ir_layer& l, int in, int axis, int begin, int size, bool drop_axis) {
    const ir_tensor input = x.graph_tensor(in);
    l.inputs = {in};
    l.axis = axis;
    l.part_begin = begin;
    l.part_size = size;
    l.drop_axis = drop_axis;
    dims64 want(input.shape.begin(), input.shape.end());
    if (drop_axis) want.erase(want.begin() + axis);
    else want[static_cast<std::size_t>(axis)] = size;
    const ir_tensor& out = x.add_output(input.type);
    if (drop_axis && want.empty()) {
        if (!(out.shape.empty() || out.shape == std::vector<int>{1})) x.expect_shape(out, {1});
    } else {
        x.expect_shape(out, want);
    }
    const ctnn::kernels::split_params p =
        ctnn::kernels::split_part_params(input.shape.data(), static_cast<int>(input.shape.size()), axis, begin, size);
    l.view = ctnn::kernels::split_part_is_view(p, element_bytes(input.type));
    l.view_offset = static_cast<std::size_t>(p.begin) * element_bytes(input.type);  // bytes
}

void lower_split(lowering& x, ir_layer& l) {
    x.expect_inputs(2, 2);
    const int in = x.activation_input(1, x.int8_or_int16_input(1));
    const std::vector<int> shape = x.graph_tensor(in).shape;
    const int axis = constant_axis(x, 0, static_cast<int>(shape.size()));
    const int n = x.options(tfl::options::split, false).count;
    const int outputs = static_cast<int>(x.op().outputs.size());
    const int dim = shape[static_cast<std::size_t>(axis)];
    if (n != outputs) x.op_fail("num_splits " + std::to_string(n) + " differs from its " + std::to_string(outputs) + " outputs");
    if (n < 1 || dim % n != 0) x.op_fail("cannot split dimension " + std::to_string(axis) + " of size " + std::to_string(dim) + " into " + std::to_string(n) + " equal parts");
    const int size = dim / n;
    make_part(x, l, in, axis, x.output_slot() * size, size, false);
}

void lower_split_v(lowering& x, ir_layer& l) {
    x.expect_inputs(3, 3);
    const int in = x.activation_input(0, x.int8_or_int16_input(0));
    const std::vector<int> shape = x.graph_tensor(in).shape;
    const int axis = constant_axis(x, 2, static_cast<int>(shape.size()));
    const auto& data = x.constant_input(1, tensor_type::int32, "size_splits");
    const int outputs = static_cast<int>(x.op().outputs.size());
    if (static_cast<int>(data.size() / 4) != outputs) {
        x.op_fail("size_splits holds " + std::to_string(data.size() / 4) + " sizes for " + std::to_string(outputs) + " outputs");
    }
    const int dim = shape[static_cast<std::size_t>(axis)];
    std::vector<int> sizes;
    int known = 0, inferred = -1;
    for (int i = 0; i < outputs; ++i) {
        const int s = x.load_i32(data, static_cast<std::size_t>(i));
        if (s == -1 && inferred < 0) inferred = i;
        else if (s < 0) x.op_fail("size_splits[" + std::to_string(i) + "] is " + std::to_string(s) + "; sizes are positive, and at most one is -1");
        else known += s;
        sizes.push_back(s);
    }
    if (inferred >= 0) sizes[static_cast<std::size_t>(inferred)] = dim - known;
    int total = 0;
    for (const int s : sizes) total += s;
    if (total != dim || (inferred >= 0 && dim - known < 0)) {
        x.op_fail("size_splits sum to " + std::to_string(inferred >= 0 ? known : total) + "; dimension " + std::to_string(axis) + " has " + std::to_string(dim));
    }
    int begin = 0;
    for (int i = 0; i < x.output_slot(); ++i) begin += sizes[static_cast<std::size_t>(i)];
    const int size = sizes[static_cast<std::size_t>(x.output_slot())];
    if (size == 0) x.op_fail("output #" + std::to_string(x.output_slot()) + " would be empty; ctnn tensors have no size-0 dimension");
    make_part(x, l, in, axis, begin, size, false);
}

void lower_unpack(lowering& x, ir_layer& l) {
    x.expect_inputs(1, 1);
    const int in = x.activation_input(0, x.int8_or_int16_input(0));
    const std::vector<int> shape = x.graph_tensor(in).shape;
    const int rank = static_cast<int>(shape.size());
    const tfl_options& o = x.options(tfl::options::unpack, false);
    if (o.axis < -rank || o.axis >= rank) x.op_fail("axis " + std::to_string(o.axis) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ")");
    const int axis = o.axis < 0 ? o.axis + rank : o.axis;
    const int outputs = static_cast<int>(x.op().outputs.size());
    if (o.count != shape[static_cast<std::size_t>(axis)] || outputs != o.count) {
        x.op_fail("num " + std::to_string(o.count) + " and its " + std::to_string(outputs) + " outputs must both equal dimension " + std::to_string(axis) +
                  " (" + std::to_string(shape[static_cast<std::size_t>(axis)]) + ")");
    }
    make_part(x, l, in, axis, x.output_slot(), 1, true);
}

std::string split_type(const model_ir&, const ir_layer& l, std::size_t) {
    return "ctnn::layers::split_part<" + std::to_string(l.axis) + ", " + std::to_string(l.part_begin) + ", " + std::to_string(l.part_size) +
           (l.drop_axis ? ", true" : "") + ">";
}
std::string split_text(const ir_layer& l) {
    return "axis " + std::to_string(l.axis) + " [" + std::to_string(l.part_begin) + ", " + std::to_string(l.part_begin + l.part_size) + ")" +
           (l.view ? " view" : "");
}

}  // namespace

extern const operator_entry split_operator, split_v_operator, unpack_operator;  // external linkage: operators.cpp lists them
const operator_entry split_operator{
    .builtin = tfl::op::split, .name = "SPLIT", .lower = lower_split, .layer_type = split_type, .traits = ctnn::layers::split_traits,
    .options_text = split_text, .multi_output = true,
};
const operator_entry split_v_operator{
    .builtin = tfl::op::split_v, .name = "SPLIT_V", .lower = lower_split_v, .layer_type = split_type, .traits = ctnn::layers::split_traits,
    .options_text = split_text, .multi_output = true,
};
const operator_entry unpack_operator{
    .builtin = tfl::op::unpack, .name = "UNPACK", .lower = lower_unpack, .layer_type = split_type, .traits = ctnn::layers::split_traits,
    .options_text = split_text, .scalar_output = true, .multi_output = true,
};

}  // namespace ctnn_convert
