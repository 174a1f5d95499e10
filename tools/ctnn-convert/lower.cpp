// Validation and lowering: every rule ctnn relies on is checked here, once, with a message that
// names the operator (index and TFLite name), the tensor and the rule.
#include "lower.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include "convert_error.hpp"
#include "text.hpp"
#include "tflite_schema.hpp"

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

// Walks the operators in order, keeping which .tflite tensor each graph tensor is.
class lowering {
public:
    explicit lowering(const tfl_model& m) : m_(m) {}

    model_ir run() {
        if (m_.inputs.size() != 1) fail("model has " + std::to_string(m_.inputs.size()) + " inputs; only 1 is supported");
        if (m_.outputs.size() != 1) fail("model has " + std::to_string(m_.outputs.size()) + " outputs; only 1 is supported");
        if (m_.operators.empty()) fail("model has no operators");

        const int in = m_.inputs[0];
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(in)];
        if (is_constant(t)) fail("model input " + tensor_label(in) + " is a constant");
        if (t.type != static_cast<int>(tensor_type::int8) && t.type != static_cast<int>(tensor_type::float32)) {
            fail("model input " + tensor_label(in) + " is " + tfl::tensor_type_name(t.type) + "; ctnn supports int8 or float32 inputs");
        }
        ir_.tensors.push_back(make_tensor(in, "model input"));
        graph_index_[in] = 0;

        for (std::size_t k = 0; k < m_.operators.size(); ++k) lower_operator(static_cast<int>(k));

        const int out = m_.outputs[0];
        const int last = m_.operators.back().outputs.empty() ? -1 : m_.operators.back().outputs[0];
        if (out != last) {
            fail("model output " + tensor_label(out) + " is not produced by the last operator (#" + std::to_string(m_.operators.size() - 1) +
                 "); ctnn needs the output to be the last operator's");
        }
        return std::move(ir_);
    }

private:
    // ---- naming ------------------------------------------------------------------------------
    std::string tensor_label(int index) const {
        const auto& name = m_.tensors[static_cast<std::size_t>(index)].name;
        return name.empty() ? "tensor #" + std::to_string(index) : "tensor '" + name + "'";
    }
    std::string op_label() const { return "operator #" + std::to_string(k_) + " (" + name_ + ")"; }
    [[noreturn]] void op_fail(const std::string& what) const { fail(name_ + " at operator #" + std::to_string(k_) + ": " + what); }

    // ---- tensor checks -----------------------------------------------------------------------
    bool is_constant(const tfl_tensor& t) const { return t.buffer != 0 && !m_.buffers[t.buffer].empty(); }

    std::vector<int> static_shape(int index) const {
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
        // Keras exports mark the batch dimension unknown (-1) and store batch 1 in `shape`; that
        // fixed batch is what ctnn runs. Any other unknown dimension is a dynamic shape.
        for (std::size_t d = 0; d < t.shape_signature.size(); ++d) {
            const bool batch = d == 0 && !t.shape.empty() && t.shape[0] == 1;
            if (t.shape_signature[d] < 0 && !batch) {
                fail(tensor_label(index) + " has a dynamic shape (shape_signature " + signature_text(t.shape_signature) + ")");
            }
        }
        std::size_t elements = 1;
        for (const auto d : t.shape) {
            if (d <= 0) fail(tensor_label(index) + " has shape " + signature_text(t.shape) + "; every dimension must be positive");
            elements *= static_cast<std::size_t>(d);
            if (elements > (std::size_t{1} << 31)) fail(tensor_label(index) + " is too large (shape " + signature_text(t.shape) + ")");
        }
        if (t.is_sparse) fail(tensor_label(index) + " is sparse; ctnn supports dense tensors only");
        return {t.shape.begin(), t.shape.end()};
    }

    static std::string signature_text(const std::vector<std::int32_t>& dims) {
        std::string s = "[";
        for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
        return s + "]";
    }

    quantization per_tensor_quantization(int index) const {
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
        if (!t.quantization || t.quantization->scale.empty() || t.quantization->zero_point.empty()) {
            fail(tensor_label(index) + " of " + op_label() + " is int8 but has no quantization parameters");
        }
        const auto& q = *t.quantization;
        if (q.has_details) fail(tensor_label(index) + " uses custom quantization; ctnn supports scale and zero point only");
        if (q.scale.size() != 1 || q.zero_point.size() != 1) {
            fail(tensor_label(index) + " of " + op_label() + " is quantized per channel (" + std::to_string(q.scale.size()) +
                 " scales); activations must be quantized per tensor");
        }
        check_scale(index, q.scale[0]);
        if (q.zero_point[0] < -128 || q.zero_point[0] > 127) {
            fail(tensor_label(index) + " has zero point " + std::to_string(q.zero_point[0]) + ", outside the int8 range");
        }
        return {q.scale[0], static_cast<std::int32_t>(q.zero_point[0])};
    }

    void check_scale(int index, float scale) const {
        if (!(std::isfinite(scale) && scale > 0.0f)) {
            fail(tensor_label(index) + " of " + op_label() + " has scale " + std::to_string(scale) + "; scales must be positive and finite");
        }
    }

    ir_tensor make_tensor(int index, const std::string& role) const {
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
        ir_tensor out;
        out.name = t.name;
        out.tflite_index = index;
        out.shape = static_shape(index);
        if (t.type == static_cast<int>(tensor_type::float32)) {
            out.type = element::float32;
        } else if (t.type == static_cast<int>(tensor_type::int8)) {
            out.type = element::int8;
            if (k_ >= 0) out.q = per_tensor_quantization(index);
            else out.q = input_quantization(index);
        } else {
            fail(role + " " + tensor_label(index) + " is " + tfl::tensor_type_name(t.type) +
                 "; ctnn supports int8 activations (float32 only into QUANTIZE and out of DEQUANTIZE)");
        }
        return out;
    }

    quantization input_quantization(int index) const {
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
        if (!t.quantization || t.quantization->scale.size() != 1 || t.quantization->zero_point.size() != 1) {
            fail("model input " + tensor_label(index) + " is int8 but not quantized per tensor");
        }
        check_scale(index, t.quantization->scale[0]);
        const auto zp = t.quantization->zero_point[0];
        if (zp < -128 || zp > 127) fail("model input " + tensor_label(index) + " has zero point " + std::to_string(zp) + ", outside the int8 range");
        return {t.quantization->scale[0], static_cast<std::int32_t>(zp)};
    }

    // The graph tensor an activation input reads; checks it exists and has the wanted type.
    int activation_input(std::size_t slot, element wanted) const {
        const auto& op = m_.operators[static_cast<std::size_t>(k_)];
        if (slot >= op.inputs.size() || op.inputs[slot] < 0) {
            op_fail("missing input #" + std::to_string(slot));
        }
        const int index = op.inputs[slot];
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
        check_type(index, wanted);
        if (is_constant(t)) {
            op_fail("input #" + std::to_string(slot) + " " + tensor_label(index) +
                    " is a constant; ctnn supports constants only as weights, bias, paddings, shape and axes");
        }
        const auto found = graph_index_.find(index);
        if (found == graph_index_.end()) op_fail("reads " + tensor_label(index) + " before any operator produces it");
        return found->second;
    }

    void check_type(int index, element wanted) const {
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
        const int want = wanted == element::int8 ? static_cast<int>(tensor_type::int8) : static_cast<int>(tensor_type::float32);
        if (t.type == want) return;
        if (t.type == static_cast<int>(tensor_type::float32)) {
            fail("model is not fully int8-quantized: " + tensor_label(index) + " of " + op_label() + " is float32");
        }
        fail(tensor_label(index) + " of " + op_label() + " is " + tfl::tensor_type_name(t.type) + "; expected " +
             (wanted == element::int8 ? "int8" : "float32"));
    }

    // Constant data of an input, checked for type and size.
    const std::vector<std::uint8_t>& constant_input(std::size_t slot, tensor_type type, const char* role) const {
        const auto& op = m_.operators[static_cast<std::size_t>(k_)];
        if (slot >= op.inputs.size() || op.inputs[slot] < 0) op_fail(std::string("missing ") + role + " (input #" + std::to_string(slot) + ")");
        const int index = op.inputs[slot];
        const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
        if (t.type != static_cast<int>(type)) {
            if (t.type == static_cast<int>(tensor_type::float32)) {
                fail("model is not fully int8-quantized: " + tensor_label(index) + " of " + op_label() + " is float32");
            }
            op_fail(std::string(role) + " " + tensor_label(index) + " is " + tfl::tensor_type_name(t.type) + "; expected " +
                    tfl::tensor_type_name(static_cast<int>(type)));
        }
        if (!is_constant(t)) op_fail(std::string(role) + " " + tensor_label(index) + " is not a constant; ctnn needs it at compile time");
        const auto shape = static_shape(index);
        std::size_t elements = 1;
        for (const int d : shape) elements *= static_cast<std::size_t>(d);
        const auto& data = m_.buffers[t.buffer];
        const std::size_t want = elements * static_cast<std::size_t>(tfl::tensor_type_bytes(static_cast<int>(type)));
        if (data.size() != want) {
            fail("constant " + tensor_label(index) + " has " + std::to_string(data.size()) + " bytes of data (buffer #" + std::to_string(t.buffer) +
                 "); its shape " + shape_text(shape) + " needs " + std::to_string(want));
        }
        return data;
    }

    static std::int32_t load_i32(const std::vector<std::uint8_t>& data, std::size_t i) {
        std::uint32_t v = 0;
        for (std::size_t b = 0; b < 4; ++b) v |= static_cast<std::uint32_t>(data[4 * i + b]) << (8 * b);
        return static_cast<std::int32_t>(v);
    }

    // ---- options -----------------------------------------------------------------------------
    const tfl_options& options(int expected_type, bool required) const {
        const auto& o = m_.operators[static_cast<std::size_t>(k_)].options;
        if (o.type == expected_type) return o;
        if (o.type == tfl::options::none && !required) return o;
        op_fail("builtin options are " + tfl::options_name(o.type) + "; expected " + tfl::options_name(expected_type));
    }

    activation fused_activation(int value) const {
        switch (static_cast<tfl::activation>(value)) {
            case tfl::activation::none: return activation::none;
            case tfl::activation::relu: return activation::relu;
            case tfl::activation::relu6: return activation::relu6;
            case tfl::activation::relu_n1_to_1: return activation::relu_n1_to_1;
            default:
                fail("unsupported option: fused activation " + tfl::activation_name(value) + " at " + op_label() +
                     "; supported: NONE, RELU, RELU6, RELU_N1_TO_1");
        }
    }

    bool same_padding(int value) const {
        if (value == static_cast<int>(tfl::padding::same)) return true;
        if (value == static_cast<int>(tfl::padding::valid)) return false;
        fail("unsupported option: padding " + std::to_string(value) + " at " + op_label() + "; supported: SAME, VALID");
    }

    void check_positive(int value, const char* what) const {
        if (value <= 0) fail("unsupported option: " + std::string(what) + " " + std::to_string(value) + " at " + op_label() + "; must be positive");
    }

    void check_bias_type(int type) const {
        if (type != 0 && type != static_cast<int>(tensor_type::int32)) {
            fail("unsupported option: quantized_bias_type " + tfl::tensor_type_name(type) + " at " + op_label() + "; ctnn uses int32 bias");
        }
    }

    // TFLite's output size for SAME / VALID (kernels/padding.h).
    static int spatial_out(int in, int kernel, int stride, int dilation, bool same) {
        const int effective = (kernel - 1) * dilation + 1;
        if (same) return (in + stride - 1) / stride;
        return (in - effective + stride) / stride;
    }

    void check_spatial(const ir_tensor& in, const ir_tensor& out, int kh, int kw, const ir_layer& l, int out_channels) const {
        const int oh = spatial_out(in.shape[1], kh, l.stride_h, l.dilation_h, l.same_padding);
        const int ow = spatial_out(in.shape[2], kw, l.stride_w, l.dilation_w, l.same_padding);
        if (oh <= 0 || ow <= 0) {
            op_fail("kernel " + std::to_string(kh) + "x" + std::to_string(kw) + " does not fit input " + shape_text(in.shape) + " with VALID padding");
        }
        const std::vector<int> want = {in.shape[0], oh, ow, out_channels};
        if (out.shape != want) op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
    }

    void require_rank(const ir_tensor& t, std::size_t rank, const char* role) const {
        if (t.shape.size() != rank) {
            op_fail(std::string(role) + " " + (t.name.empty() ? "tensor" : "'" + t.name + "'") + " has shape " + shape_text(t.shape) + "; expected " +
                    std::to_string(rank) + "-D");
        }
    }

    // ---- weights -----------------------------------------------------------------------------
    // Reads weights (int8, zero point 0, per tensor or per channel on `channel_dim`) and the
    // optional int32 bias of a weighted layer.
    ir_params weighted_params(std::size_t rank, int channel_dim) const {
        const auto& op = m_.operators[static_cast<std::size_t>(k_)];
        const auto& data = constant_input(1, tensor_type::int8, "weights");
        const int w = op.inputs[1];
        ir_params p;
        p.weight_shape = static_shape(w);
        if (p.weight_shape.size() != rank) {
            op_fail("weights " + tensor_label(w) + " have shape " + shape_text(p.weight_shape) + "; expected " + std::to_string(rank) + "-D");
        }
        const int channels = p.weight_shape[static_cast<std::size_t>(channel_dim)];
        p.weights.resize(data.size());
        std::memcpy(p.weights.data(), data.data(), data.size());

        const tfl_tensor& wt = m_.tensors[static_cast<std::size_t>(w)];
        if (!wt.quantization || wt.quantization->scale.empty()) op_fail("weights " + tensor_label(w) + " have no quantization parameters");
        const auto& q = *wt.quantization;
        if (q.has_details) op_fail("weights " + tensor_label(w) + " use custom quantization");
        if (q.scale.size() != 1) {
            if (q.quantized_dimension != channel_dim) {
                op_fail("weights " + tensor_label(w) + " are quantized per channel on dimension " + std::to_string(q.quantized_dimension) + "; " +
                        name_ + " needs dimension " + std::to_string(channel_dim) + " (output channels)");
            }
            if (static_cast<int>(q.scale.size()) != channels) {
                op_fail("weights " + tensor_label(w) + " have " + std::to_string(q.scale.size()) + " per-channel scales for " +
                        std::to_string(channels) + " output channels");
            }
        }
        if (q.zero_point.size() != 1 && q.zero_point.size() != q.scale.size()) {
            op_fail("weights " + tensor_label(w) + " have " + std::to_string(q.zero_point.size()) + " zero points for " +
                    std::to_string(q.scale.size()) + " scales");
        }
        for (const auto zp : q.zero_point) {
            if (zp != 0) op_fail("weights " + tensor_label(w) + " have zero point " + std::to_string(zp) + "; ctnn needs symmetric weights (zero point 0)");
        }
        for (const float s : q.scale) check_scale(w, s);
        p.weight_scales = q.scale;

        p.bias.assign(static_cast<std::size_t>(channels), 0);
        if (op.inputs.size() > 2 && op.inputs[2] >= 0) {
            const auto& bias = constant_input(2, tensor_type::int32, "bias");
            const auto bshape = static_shape(op.inputs[2]);
            if (bshape.size() != 1 || bshape[0] != channels) {
                op_fail("bias " + tensor_label(op.inputs[2]) + " has shape " + shape_text(bshape) + "; expected " + std::to_string(channels));
            }
            for (std::size_t i = 0; i < p.bias.size(); ++i) p.bias[i] = load_i32(bias, i);
        }
        if (op.inputs.size() > 3) op_fail("has " + std::to_string(op.inputs.size()) + " inputs; expected at most 3");
        return p;
    }

    // ---- operators ---------------------------------------------------------------------------
    void lower_operator(int k) {
        k_ = k;
        const tfl_operator& op = m_.operators[static_cast<std::size_t>(k)];
        name_ = tfl::operator_name(op.builtin_code);
        if (op.builtin_code == tfl::op::custom) {
            fail("unsupported custom operator '" + op.custom_code + "' at operator #" + std::to_string(k) + "; supported: " + supported_list);
        }
        if (op.outputs.size() != 1) op_fail("has " + std::to_string(op.outputs.size()) + " outputs; expected 1");
        if (op.options_2_type != 0) fail("unsupported option: builtin_options_2 (type " + std::to_string(op.options_2_type) + ") at " + op_label());
        if (op.has_custom_options) fail("unsupported option: custom_options at " + op_label());

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
            default:
                fail("unsupported operator " + name_ + " at operator #" + std::to_string(k) + "; supported: " + supported_list);
        }
        ir_.layers.push_back(std::move(l));
        graph_index_[out_index] = static_cast<int>(ir_.tensors.size()) - 1;
    }

    // Adds the operator's output tensor (checked to be of `type`) and returns it.
    const ir_tensor& add_output(element type) {
        const int index = m_.operators[static_cast<std::size_t>(k_)].outputs[0];
        check_type(index, type);
        ir_.tensors.push_back(make_tensor(index, "output"));
        return ir_.tensors.back();
    }

    const ir_tensor& graph_tensor(int g) const { return ir_.tensors[static_cast<std::size_t>(g)]; }

    void expect_inputs(std::size_t min, std::size_t max) const {
        const auto n = m_.operators[static_cast<std::size_t>(k_)].inputs.size();
        if (n < min || n > max) {
            op_fail("has " + std::to_string(n) + " inputs; expected " + std::to_string(min) + (min == max ? "" : " to " + std::to_string(max)));
        }
    }

    void lower_conv(ir_layer& l, bool depthwise) {
        l.kind = depthwise ? layer_kind::depthwise_conv2d : layer_kind::conv2d;
        expect_inputs(2, 3);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        const tfl_options& o = options(depthwise ? tfl::options::depthwise_conv2d : tfl::options::conv2d, true);
        l.same_padding = same_padding(o.padding);
        l.stride_h = o.stride_h;
        l.stride_w = o.stride_w;
        l.dilation_h = o.dilation_h;
        l.dilation_w = o.dilation_w;
        check_positive(l.stride_h, "stride_h");
        check_positive(l.stride_w, "stride_w");
        check_positive(l.dilation_h, "dilation_h_factor");
        check_positive(l.dilation_w, "dilation_w_factor");
        l.act = fused_activation(o.activation);
        if (!depthwise) check_bias_type(o.quantized_bias_type);

        const ir_tensor input = graph_tensor(in);
        require_rank(input, 4, "input");
        ir_params p = weighted_params(4, depthwise ? 3 : 0);
        const auto& ws = p.weight_shape;
        const int in_c = input.shape[3];
        if (depthwise) {
            if (ws[0] != 1) op_fail("weights have shape " + shape_text(ws) + "; expected [1, KH, KW, C]");
            if (ws[3] % in_c != 0) op_fail(std::to_string(ws[3]) + " output channels are not a multiple of the " + std::to_string(in_c) + " input channels");
        } else if (ws[3] != in_c) {
            op_fail("weights have " + std::to_string(ws[3]) + " input channels, the input has " + std::to_string(in_c) +
                    (in_c % ws[3] == 0 ? " (grouped convolution is not supported)" : ""));
        }
        const ir_tensor& out = add_output(element::int8);
        require_rank(out, 4, "output");
        check_spatial(input, out, ws[1], ws[2], l, depthwise ? ws[3] : ws[0]);
        l.params = std::move(p);
    }

    void lower_fully_connected(ir_layer& l) {
        l.kind = layer_kind::fully_connected;
        expect_inputs(2, 3);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        const tfl_options& o = options(tfl::options::fully_connected, false);
        l.act = fused_activation(o.activation);
        l.keep_dims = o.keep_num_dims;
        if (o.weights_format != 0) fail("unsupported option: weights_format SHUFFLED4x16INT8 at " + op_label() + "; supported: DEFAULT");
        check_bias_type(o.quantized_bias_type);

        ir_params p = weighted_params(2, 0);
        const int outs = p.weight_shape[0], ins = p.weight_shape[1];
        const ir_tensor input = graph_tensor(in);
        if (input.elements() % static_cast<std::size_t>(ins) != 0) {
            op_fail("input " + shape_text(input.shape) + " does not divide into rows of " + std::to_string(ins) + " (the weights' input size)");
        }
        const int batches = static_cast<int>(input.elements() / static_cast<std::size_t>(ins));
        const ir_tensor& out = add_output(element::int8);
        std::vector<int> want = {batches, outs};
        if (l.keep_dims) {
            if (input.shape.back() != ins) op_fail("keep_num_dims needs the input's last dimension to be " + std::to_string(ins));
            want = input.shape;
            want.back() = outs;
        }
        if (out.shape != want) op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
        l.params = std::move(p);
    }

    void lower_pool(ir_layer& l, layer_kind kind) {
        l.kind = kind;
        expect_inputs(1, 1);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        const tfl_options& o = options(tfl::options::pool2d, true);
        l.same_padding = same_padding(o.padding);
        l.stride_h = o.stride_h;
        l.stride_w = o.stride_w;
        l.filter_h = o.filter_h;
        l.filter_w = o.filter_w;
        check_positive(l.stride_h, "stride_h");
        check_positive(l.stride_w, "stride_w");
        check_positive(l.filter_h, "filter_height");
        check_positive(l.filter_w, "filter_width");
        l.act = fused_activation(o.activation);
        const ir_tensor input = graph_tensor(in);
        require_rank(input, 4, "input");
        const ir_tensor& out = add_output(element::int8);
        require_rank(out, 4, "output");
        check_spatial(input, out, l.filter_h, l.filter_w, l, input.shape[3]);
        check_same_quantization(input, out);
    }

    void check_same_quantization(const ir_tensor& in, const ir_tensor& out) const {
        if (in.q == out.q) return;
        op_fail("input and output quantization differ (scale " + float_text(in.q.scale) + " zp " + std::to_string(in.q.zero_point) + " vs scale " +
                float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) + "); ctnn requires them equal");
    }

    void lower_add(ir_layer& l) {
        l.kind = layer_kind::add;
        expect_inputs(2, 2);
        const int a = activation_input(0, element::int8);
        const int b = activation_input(1, element::int8);
        l.inputs = {a, b};
        l.act = fused_activation(options(tfl::options::add, false).activation);
        const ir_tensor& ta = graph_tensor(a);
        const ir_tensor& tb = graph_tensor(b);
        if (ta.shape != tb.shape) {
            op_fail("input shapes " + shape_text(ta.shape) + " and " + shape_text(tb.shape) + " differ; broadcasting is not supported");
        }
        const std::vector<int> shape = ta.shape;
        const ir_tensor& out = add_output(element::int8);
        if (out.shape != shape) op_fail("output shape " + shape_text(out.shape) + " differs from the inputs' " + shape_text(shape));
    }

    void lower_reshape(ir_layer& l) {
        l.kind = layer_kind::reshape;
        expect_inputs(1, 2);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        const auto& op = m_.operators[static_cast<std::size_t>(k_)];
        if (op.inputs.size() == 2 && op.inputs[1] >= 0) constant_input(1, tensor_type::int32, "shape");  // output shape is authoritative
        options(tfl::options::reshape, false);
        const ir_tensor input = graph_tensor(in);
        const ir_tensor& out = add_output(element::int8);
        if (out.elements() != input.elements()) {
            op_fail("output " + shape_text(out.shape) + " has " + std::to_string(out.elements()) + " elements, the input " + shape_text(input.shape) + " has " +
                    std::to_string(input.elements()));
        }
        check_same_quantization(input, out);
    }

    void lower_softmax(ir_layer& l) {
        l.kind = layer_kind::softmax;
        expect_inputs(1, 1);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        l.beta = options(tfl::options::softmax, true).beta;
        if (!(std::isfinite(l.beta) && l.beta > 0.0f)) fail("unsupported option: softmax beta " + float_text(l.beta) + " at " + op_label() + "; must be positive");
        const ir_tensor input = graph_tensor(in);
        const ir_tensor& out = add_output(element::int8);
        if (out.shape != input.shape) op_fail("output shape " + shape_text(out.shape) + " differs from the input's " + shape_text(input.shape));
        if (out.q.scale != 1.0f / 256.0f || out.q.zero_point != -128) {
            op_fail("output quantization is scale " + float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) +
                    "; int8 softmax needs scale 1/256 (0.00390625) and zero point -128");
        }
    }

    void lower_pad(ir_layer& l) {
        l.kind = layer_kind::pad;
        expect_inputs(2, 2);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        options(tfl::options::pad, false);
        const ir_tensor input = graph_tensor(in);
        const auto& data = constant_input(1, tensor_type::int32, "paddings");
        const int pad_index = m_.operators[static_cast<std::size_t>(k_)].inputs[1];
        const auto pshape = static_shape(pad_index);
        const int rank = static_cast<int>(input.shape.size());
        if (pshape != std::vector<int>{rank, 2}) {
            op_fail("paddings " + tensor_label(pad_index) + " have shape " + shape_text(pshape) + "; expected " + std::to_string(rank) + "x2");
        }
        std::vector<int> want = input.shape;
        for (int d = 0; d < rank; ++d) {
            const int before = load_i32(data, static_cast<std::size_t>(2 * d));
            const int after = load_i32(data, static_cast<std::size_t>(2 * d + 1));
            if (before < 0 || after < 0 || before > (1 << 20) || after > (1 << 20)) {
                op_fail("padding of dimension " + std::to_string(d) + " is " + std::to_string(before) + ", " + std::to_string(after) + "; must be small and non-negative");
            }
            l.paddings.push_back(before);
            l.paddings.push_back(after);
            want[static_cast<std::size_t>(d)] += before + after;
        }
        const ir_tensor& out = add_output(element::int8);
        if (out.shape != want) op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
        check_same_quantization(input, out);
    }

    void lower_mean(ir_layer& l) {
        l.kind = layer_kind::mean;
        expect_inputs(2, 2);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        l.keep_dims = options(tfl::options::reducer, false).keep_dims;
        const ir_tensor input = graph_tensor(in);
        require_rank(input, 4, "input");
        const auto& data = constant_input(1, tensor_type::int32, "axes");
        std::set<int> axes;
        for (std::size_t i = 0; i < data.size() / 4; ++i) {
            int a = load_i32(data, i);
            if (a < 0) a += 4;
            axes.insert(a);
        }
        if (axes != std::set<int>{1, 2}) {
            std::string listed;
            for (std::size_t i = 0; i < data.size() / 4; ++i) listed += (i ? ", " : "") + std::to_string(load_i32(data, i));
            op_fail("reduces axes {" + listed + "}; ctnn supports MEAN over axes {1, 2} (height and width) of a 4-D tensor only");
        }
        const ir_tensor& out = add_output(element::int8);
        const std::vector<int> want = l.keep_dims ? std::vector<int>{input.shape[0], 1, 1, input.shape[3]} : std::vector<int>{input.shape[0], input.shape[3]};
        if (out.shape != want) op_fail("output shape " + shape_text(out.shape) + " differs from the computed " + shape_text(want));
    }

    void lower_quantize(ir_layer& l) {
        l.kind = layer_kind::quantize;
        expect_inputs(1, 1);
        const int index = m_.operators[static_cast<std::size_t>(k_)].inputs[0];
        if (index >= 0 && m_.tensors[static_cast<std::size_t>(index)].type != static_cast<int>(tensor_type::float32)) {
            op_fail("converts " + tfl::tensor_type_name(m_.tensors[static_cast<std::size_t>(index)].type) +
                    " to int8 (requantization); only float32 -> int8 is supported");
        }
        const int in = activation_input(0, element::float32);
        l.inputs = {in};
        options(tfl::options::quantize, false);
        const std::vector<int> shape = graph_tensor(in).shape;
        const ir_tensor& out = add_output(element::int8);
        if (out.shape != shape) op_fail("output shape " + shape_text(out.shape) + " differs from the input's " + shape_text(shape));
    }

    void lower_dequantize(ir_layer& l) {
        l.kind = layer_kind::dequantize;
        expect_inputs(1, 1);
        const int in = activation_input(0, element::int8);
        l.inputs = {in};
        options(tfl::options::dequantize, false);
        const int out_index = m_.operators[static_cast<std::size_t>(k_)].outputs[0];
        if (m_.tensors[static_cast<std::size_t>(out_index)].type != static_cast<int>(tensor_type::float32)) {
            op_fail("produces " + tfl::tensor_type_name(m_.tensors[static_cast<std::size_t>(out_index)].type) + "; only int8 -> float32 is supported");
        }
        const std::vector<int> shape = graph_tensor(in).shape;
        const ir_tensor& out = add_output(element::float32);
        if (out.shape != shape) op_fail("output shape " + shape_text(out.shape) + " differs from the input's " + shape_text(shape));
    }

    const tfl_model& m_;
    model_ir ir_;
    std::map<int, int> graph_index_;  // .tflite tensor -> graph tensor
    int k_ = -1;                      // operator being lowered
    std::string name_;
};

}  // namespace

model_ir lower_to_ir(const tfl_model& model) { return lowering(model).run(); }

}  // namespace ctnn_convert
