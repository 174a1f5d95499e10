// Lowering, the driver: model-level checks, one call per operator (lower_ops.cpp,
// lower_reshape.cpp; MEAN below), and the model's totals. See lowering.hpp for the layout.
#include "lower.hpp"

#include <ctnn/core/shape.hpp>
#include <ctnn/kernels/geometry.hpp>  // MEAN's limits, shared with the layer

#include "layer_stats.hpp"
#include "lowering.hpp"
#include "text.hpp"

namespace ctnn_convert {

std::size_t ir_tensor::elements() const {
    std::size_t n = 1;
    for (const int d : shape) n *= static_cast<std::size_t>(d);
    return n;
}

namespace {

using tfl::tensor_type;

const std::string supported_list =
    "ADD, AVERAGE_POOL_2D, CONV_2D, DEPTHWISE_CONV_2D, DEQUANTIZE, FULLY_CONNECTED, MAX_POOL_2D, MEAN, PAD, QUANTIZE, "
    "RESHAPE, SOFTMAX";

}  // namespace

// Walks the operators in order, keeping which .tflite tensor each graph tensor is.
model_ir lowering::run() {
    if (m_.inputs.size() != 1) fail("model has " + std::to_string(m_.inputs.size()) + " inputs; only 1 is supported");
    if (m_.outputs.size() != 1) fail("model has " + std::to_string(m_.outputs.size()) + " outputs; only 1 is supported");
    if (m_.operators.empty()) fail("model has no operators");

    const int in = m_.inputs[0];
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(in)];
    if (is_constant(t)) fail("model input " + tensor_label(in) + " is a constant");
    if (t.type != static_cast<int>(tensor_type::int8) && t.type != static_cast<int>(tensor_type::float32)) {
        fail("model input " + tensor_label(in) + " is " + tfl::tensor_type_name(t.type) + "; ctnn supports int8 or float32 inputs");
    }
    ir_.tensors.push_back(make_tensor(in));
    graph_index_[in] = 0;

    for (std::size_t k = 0; k < m_.operators.size(); ++k) lower_operator(static_cast<int>(k));
    k_ = -1;

    const int out = m_.outputs[0];
    const int last = m_.operators.back().outputs.empty() ? -1 : m_.operators.back().outputs[0];
    if (out != last) {
        fail("model output " + tensor_label(out) + " is not produced by the last operator (#" + std::to_string(m_.operators.size() - 1) +
             "); ctnn needs the output to be the last operator's");
    }
    check_totals();
    return std::move(ir_);
}

void lowering::lower_operator(int k) {
    k_ = k;
    const tfl_operator& op = m_.operators[static_cast<std::size_t>(k)];
    name_ = tfl::operator_name(op.builtin_code);
    if (op.builtin_code == tfl::op::custom) op_fail("unsupported custom operator '" + op.custom_code + "'; supported: " + supported_list);
    if (op.outputs.size() != 1) op_fail("has " + std::to_string(op.outputs.size()) + " outputs; expected 1");
    if (op.options_2_type != 0) op_fail("unsupported option: builtin_options_2 (type " + std::to_string(op.options_2_type) + ")");
    if (op.has_custom_options) op_fail("unsupported option: custom_options");

    ir_layer l;
    l.op_index = k;
    l.op_name = name_;
    const int out_index = op.outputs[0];
    if (graph_index_.count(out_index) != 0) op_fail("writes " + tensor_label(out_index) + ", which an earlier operator produced");
    if (is_constant(m_.tensors[static_cast<std::size_t>(out_index)])) op_fail("writes the constant " + tensor_label(out_index));

    switch (op.builtin_code) {
        case tfl::op::conv_2d: lower_conv(l, false); break;
        case tfl::op::depthwise_conv_2d: lower_conv(l, true); break;
        case tfl::op::fully_connected: lower_fully_connected(l); break;
        case tfl::op::average_pool_2d: lower_pool(l, layer_kind::average_pool2d); break;
        case tfl::op::max_pool_2d: lower_pool(l, layer_kind::max_pool2d); break;
        case tfl::op::add: lower_add(l); break;
        case tfl::op::reshape: lower_reshape(l); break;
        case tfl::op::softmax: lower_softmax(l); break;
        case tfl::op::pad: lower_pad(l); break;
        case tfl::op::mean: lower_mean(l); break;
        case tfl::op::quantize: lower_quantize(l); break;
        case tfl::op::dequantize: lower_dequantize(l); break;
        default: op_fail("unsupported operator; supported: " + supported_list);
    }
    ir_.layers.push_back(std::move(l));
    graph_index_[out_index] = static_cast<int>(ir_.tensors.size()) - 1;
}

// What a 32-bit target must address: every activation tensor at once (an upper bound of the
// arena, which the library plans with size_t), and the constant data.
void lowering::check_totals() const {
    const std::uint64_t limit = ctnn::max_tensor_bytes;
    std::uint64_t activations = 0, constants = 0;
    for (const auto& t : ir_.tensors) activations += t.bytes();
    for (const auto& l : ir_.layers) constants += layer_flash_bytes(l);
    if (activations > limit) {
        fail("model's activation tensors total " + std::to_string(activations) + " bytes, more than the " + std::to_string(limit) +
             " ctnn plans an arena for (32-bit sizes)");
    }
    if (constants > limit) {
        fail("model's weights, biases and multipliers total " + std::to_string(constants) + " bytes, more than the " + std::to_string(limit) +
             " a 32-bit target can address");
    }
}

void lowering::lower_mean(ir_layer& l) {
    l.kind = layer_kind::mean;
    expect_inputs(2, 2);
    const int in = activation_input(0, element::int8);
    l.inputs = {in};
    l.keep_dims = options(tfl::options::reducer, false).keep_dims;
    const ir_tensor input = graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank < 1 || rank > ctnn::kernels::max_mean_rank) op_fail("input " + shape_text(input.shape) + " has rank " + std::to_string(rank) + "; ctnn's MEAN takes rank 1 to 6");
    const auto& data = constant_input(1, tensor_type::int32, "axes");
    std::vector<bool> reduced(static_cast<std::size_t>(rank), false);
    for (std::size_t i = 0; i < data.size() / 4; ++i) {
        const int a = load_i32(data, i);
        if (a < -rank || a >= rank) op_fail("axis " + std::to_string(a) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for input " + shape_text(input.shape));
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
        op_fail("averages " + std::to_string(count) + " elements per output value; more than 2^23 could overflow the int32 sum");
    }
    const ir_tensor& out = add_output(element::int8);
    // A full reduction without keep_dims is a scalar; TFLite writes its shape as [] or [1].
    const bool scalar = want.empty() && (out.shape.empty() || out.shape == std::vector<int>{1});
    if (out.shape != want && !scalar) op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
}

model_ir lower_to_ir(const tfl_model& model) { return lowering(model).run(); }

}  // namespace ctnn_convert
