// What several operators' lowerings share: the output tensor, the input count, weights, and
// the options and output geometry of the window operators (convolutions and pools).
#include <algorithm>
#include <cstring>

#include <ctnn/kernels/geometry.hpp>  // the reductions' rank limit, shared with the layers

#include "lowering.hpp"
#include "text.hpp"

namespace ctnn_convert {

using tfl::tensor_type;

namespace {

std::size_t elements_of(const std::vector<int>& shape) {
    std::size_t n = 1;
    for (const int d : shape) n *= static_cast<std::size_t>(d);  // bounded by static_shape
    return n;
}

}  // namespace

// TFLite's packing (tensor_utils' UnpackDenseInt4IntoInt8): two values a byte in element order,
// the first in the low nibble, each sign-extended; an odd count leaves the last high nibble unused.
std::vector<std::int8_t> unpack_int4(const std::vector<std::uint8_t>& packed, std::size_t elements) {
    std::vector<std::int8_t> out(elements);
    for (std::size_t i = 0; i < elements; ++i) {
        const unsigned nibble = (packed[i / 2] >> (4 * (i % 2))) & 15u;
        out[i] = static_cast<std::int8_t>(static_cast<int>(nibble ^ 8u) - 8);  // sign-extend bit 3
    }
    return out;
}

// Reads weights (int8, zero point 0, per tensor or per channel on `channel_dim`) and the
// optional int32 bias of a weighted layer.
ir_params lowering::weighted_params(std::size_t rank, int channel_dim, std::size_t bias_slot, bias_types biases, const char* int4_refusal) const {
    const auto& op = m_.operators[static_cast<std::size_t>(k_)];
    const bool int4 = op.inputs.size() > 1 && op.inputs[1] >= 0 &&
                      m_.tensors[static_cast<std::size_t>(op.inputs[1])].type == static_cast<int>(tensor_type::int4);
    if (int4 && int4_refusal != nullptr) op_fail("weights " + tensor_label(op.inputs[1]) + " are int4; " + int4_refusal);
    const auto& data = int4 ? int4_constant(1, "weights") : constant_input(1, tensor_type::int8, "weights");
    const int w = op.inputs[1];
    ir_params p;
    p.weight_shape = static_shape(w);
    if (p.weight_shape.size() != rank) {
        op_fail("weights " + tensor_label(w) + " have shape " + shape_text(p.weight_shape) + "; expected " + std::to_string(rank) + "-D");
    }
    const int channels = p.weight_shape[static_cast<std::size_t>(channel_dim)];
    if (int4) {
        p.weights = unpack_int4(data, elements_of(p.weight_shape));
        p.int4 = true;
    } else {
        p.weights.resize(data.size());
        std::memcpy(p.weights.data(), data.data(), data.size());
    }

    const tfl_tensor& wt = m_.tensors[static_cast<std::size_t>(w)];
    if (!wt.quantization || wt.quantization->scale.empty()) op_fail("weights " + tensor_label(w) + " have no quantization parameters");
    const auto& q = *wt.quantization;
    if (q.has_details) op_fail("weights " + tensor_label(w) + " use custom quantization");
    if (q.scale.size() != 1) {
        if (q.quantized_dimension != channel_dim) {
            op_fail("weights " + tensor_label(w) + " are quantized per channel on dimension " + std::to_string(q.quantized_dimension) + "; " + name_ +
                    " needs dimension " + std::to_string(channel_dim) + " (output channels)");
        }
        if (static_cast<int>(q.scale.size()) != channels) {
            op_fail("weights " + tensor_label(w) + " have " + std::to_string(q.scale.size()) + " per-channel scales for " + std::to_string(channels) +
                    " output channels");
        }
    }
    if (q.zero_point.size() != 1 && q.zero_point.size() != q.scale.size()) {
        op_fail("weights " + tensor_label(w) + " have " + std::to_string(q.zero_point.size()) + " zero points for " + std::to_string(q.scale.size()) + " scales");
    }
    for (const auto zp : q.zero_point) {
        if (zp != 0) op_fail("weights " + tensor_label(w) + " have zero point " + std::to_string(zp) + "; ctnn needs symmetric weights (zero point 0)");
    }
    for (const float s : q.scale) check_scale(w, s);
    p.weight_scales = q.scale;

    const bool has_bias = op.inputs.size() > bias_slot && op.inputs[bias_slot] >= 0;
    const int bias_type = has_bias ? m_.tensors[static_cast<std::size_t>(op.inputs[bias_slot])].type : -1;
    const bool stored64 = bias_type == static_cast<int>(tensor_type::int64);
    // The accumulator's width: int64 for an int64 bias or none (16x8). The int64-only operators'
    // TFLite kernels read any bias as int64 (an int32 one would be misread: refused).
    const bool int64_bias = biases == bias_types::int64 || (biases == bias_types::int32_or_int64 && (stored64 || !has_bias));
    if (has_bias && biases == bias_types::int64 && !stored64) {
        op_fail("bias " + tensor_label(op.inputs[bias_slot]) + " is " + tfl::tensor_type_name(bias_type) + "; the 16x8 " + name_ +
                " takes an int64 bias only (TFLite's int16 kernel reads int64)");
    }
    if (has_bias && biases == bias_types::int32_or_int64 && !stored64 && bias_type != static_cast<int>(tensor_type::int32)) {
        op_fail("bias " + tensor_label(op.inputs[bias_slot]) + " is " + tfl::tensor_type_name(bias_type) + "; the 16x8 " + name_ + " takes an int32 or an int64 bias");
    }
    if (int64_bias) p.bias64.assign(static_cast<std::size_t>(channels), 0);
    else p.bias.assign(static_cast<std::size_t>(channels), 0);
    if (has_bias) {
        const auto& bias = constant_input(bias_slot, stored64 && biases != bias_types::int32 ? tensor_type::int64 : tensor_type::int32, "bias");
        const auto bshape = static_shape(op.inputs[bias_slot]);
        if (bshape.size() != 1 || bshape[0] != channels) {
            op_fail("bias " + tensor_label(op.inputs[bias_slot]) + " has shape " + shape_text(bshape) + "; expected " + std::to_string(channels));
        }
        for (std::size_t i = 0; i < p.bias.size(); ++i) p.bias[i] = load_i32(bias, i);
        for (std::size_t i = 0; i < p.bias64.size(); ++i) {
            if (stored64) std::memcpy(&p.bias64[i], bias.data() + 8 * i, 8);  // little-endian, as TFLite stores it
            else p.bias64[i] = load_i32(bias, i);
        }
    }
    if (op.inputs.size() > bias_slot + 1) op_fail("has " + std::to_string(op.inputs.size()) + " inputs; expected at most " + std::to_string(bias_slot + 1));
    return p;
}

element lowering::weighted_input_type(std::size_t slot) const {
    const auto& op = m_.operators[static_cast<std::size_t>(k_)];
    if (slot >= op.inputs.size() || op.inputs[slot] < 0) return element::int8;
    return m_.tensors[static_cast<std::size_t>(op.inputs[slot])].type == static_cast<int>(tensor_type::int16) ? element::int16 : element::int8;
}

// Adds the operator's output tensor (checked to be of `type`) and returns it.
const ir_tensor& lowering::add_output(element type) {
    const int index = m_.operators[static_cast<std::size_t>(k_)].outputs[static_cast<std::size_t>(out_slot_)];
    check_type(index, type);
    ir_.tensors.push_back(make_tensor(index));
    return ir_.tensors.back();
}

void lowering::expect_inputs(std::size_t min, std::size_t max) const {
    const auto n = m_.operators[static_cast<std::size_t>(k_)].inputs.size();
    if (n < min || n > max) {
        op_fail("has " + std::to_string(n) + " inputs; expected " + std::to_string(min) + (min == max ? "" : " to " + std::to_string(max)));
    }
}

int lowering::layer_input(ir_layer& l, std::size_t min_inputs, std::size_t max_inputs, element type) {
    expect_inputs(min_inputs, max_inputs);
    const int in = activation_input(0, type);
    l.inputs = {in};
    return in;
}

const ir_tensor& lowering::same_shape_output(int input, element type) {
    const std::vector<int> shape = graph_tensor(input).shape;  // a copy: add_output grows the tensors
    const ir_tensor& out = add_output(type);
    expect_shape(out, dims64(shape.begin(), shape.end()), "the input's");
    return out;
}

void lowering::check_same_quantization(const ir_tensor& in, const ir_tensor& out) const {
    if (in.q == out.q) return;
    op_fail("input and output quantization differ (scale " + float_text(in.q.scale) + " zp " + std::to_string(in.q.zero_point) + " vs scale " +
            float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) + "); ctnn requires them equal");
}

// The options CONV_2D, DEPTHWISE_CONV_2D and the pools share, checked in the order TFLite
// lists them, so that the first bad one is named.
void lowering::spatial_options(ir_layer& l, const tfl_options& o, bool pool) const {
    l.same_padding = same_padding(o.padding);
    l.stride_h = o.stride_h;
    l.stride_w = o.stride_w;
    check_positive(l.stride_h, "stride_h");
    check_positive(l.stride_w, "stride_w");
    if (pool) {
        l.filter_h = o.filter_h;
        l.filter_w = o.filter_w;
        check_positive(l.filter_h, "filter_height");
        check_positive(l.filter_w, "filter_width");
    } else {
        l.dilation_h = o.dilation_h;
        l.dilation_w = o.dilation_w;
        check_positive(l.dilation_h, "dilation_h_factor");
        check_positive(l.dilation_w, "dilation_w_factor");
    }
    l.act = fused_activation(o.activation);
}

ir_tensor lowering::nhwc_input(int graph_index) const {
    const ir_tensor input = graph_tensor(graph_index);
    require_rank(input, 4, "input");
    require_batch_one(input);
    return input;
}

const ir_tensor& lowering::window_layer_output(const ir_layer& l, const ir_tensor& input, int kh, int kw, int channels, bool pool, element type) {
    // Pools have no dilation option to blame; their dilation is always 1.
    const char* const word = pool ? "filter" : "kernel";
    const std::int64_t oh = window_output({"height", "stride_h", pool ? "" : "dilation_h_factor", input.shape[1], kh, l.stride_h, l.dilation_h}, l.same_padding, word);
    const std::int64_t ow = window_output({"width", "stride_w", pool ? "" : "dilation_w_factor", input.shape[2], kw, l.stride_w, l.dilation_w}, l.same_padding, word);
    const ir_tensor& out = add_output(type);
    require_rank(out, 4, "output");
    expect_shape(out, {1, oh, ow, channels});
    return out;
}

std::size_t lowering::reduction_axes(ir_layer& l, element type) {
    const int in = layer_input(l, 2, 2, type);
    l.keep_dims = options(tfl::options::reducer, false).keep_dims;
    const ir_tensor& input = graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank < 1 || rank > ctnn::kernels::max_reduction_rank) {
        op_fail("input " + shape_text(input.shape) + " has rank " + std::to_string(rank) + "; ctnn's " + name_ + " takes rank 1 to 6");
    }
    const auto& data = constant_input(1, tensor_type::int32, "axes");
    std::vector<bool> reduced(static_cast<std::size_t>(rank), false);
    for (std::size_t i = 0; i < data.size() / 4; ++i) {
        const int a = load_i32(data, i);
        if (a < -rank || a >= rank) {
            op_fail("axis " + std::to_string(a) + " is outside [-" + std::to_string(rank) + ", " + std::to_string(rank) + ") for input " + shape_text(input.shape));
        }
        reduced[static_cast<std::size_t>(a < 0 ? a + rank : a)] = true;
    }
    std::size_t count = 1;
    for (int d = 0; d < rank; ++d) {
        if (!reduced[static_cast<std::size_t>(d)]) continue;
        l.axes.push_back(d);
        count *= static_cast<std::size_t>(input.shape[static_cast<std::size_t>(d)]);
    }
    return count;
}

const ir_tensor& lowering::reduction_output(const ir_layer& l) {
    const ir_tensor input = graph_tensor(l.inputs[0]);  // a copy: add_output grows the tensors
    std::vector<int> want;
    for (std::size_t d = 0; d < input.shape.size(); ++d) {
        const bool r = std::find(l.axes.begin(), l.axes.end(), static_cast<int>(d)) != l.axes.end();
        if (!r) want.push_back(input.shape[d]);
        else if (l.keep_dims) want.push_back(1);
    }
    const ir_tensor& out = add_output(input.type);
    // A full reduction without keep_dims is a scalar; TFLite writes its shape as [] or [1].
    const bool scalar = want.empty() && (out.shape.empty() || out.shape == std::vector<int>{1});
    if (out.shape != want && !scalar) op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
    return out;
}

}  // namespace ctnn_convert
