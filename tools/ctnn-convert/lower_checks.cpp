// Checks shared by the operators: tensors, options, weights, and the rules ctnn's layers
// static_assert, evaluated here with the same constexpr functions so that a model which would
// not compile is rejected at convert time.
#include <algorithm>
#include <limits>

#include <ctnn/core/shape.hpp>
#include <ctnn/layers/accumulator_bound.hpp>
#include <ctnn/layers/options.hpp>
#include <ctnn/quant/activation.hpp>
#include <ctnn/quant/qparams.hpp>
#include <ctnn/quant/requantize.hpp>

#include "lowering.hpp"
#include "text.hpp"

namespace ctnn_convert {

using tfl::tensor_type;

std::string dims_text(const dims64& dims) {
    std::string s;
    for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? "x" : "") + std::to_string(dims[i]);
    return s.empty() ? "scalar" : s;
}

// ---- naming and failing ------------------------------------------------------------------

std::string lowering::tensor_label(int index) const {
    const auto& name = m_.tensors[static_cast<std::size_t>(index)].name;
    return name.empty() ? "tensor #" + std::to_string(index) : "tensor '" + name + "'";
}

void lowering::op_fail(const std::string& what) const {
    if (k_ < 0) fail(what);
    fail("operator #" + std::to_string(k_) + " " + name_ + ": " + what);
}

void lowering::tensor_fail(int index, const std::string& what) const {
    op_fail((k_ < 0 ? "model input " : "") + tensor_label(index) + " " + what);
}

std::string lowering::signature_text(const std::vector<std::int32_t>& dims) {
    std::string s = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
    return s + "]";
}

// ---- tensor checks -----------------------------------------------------------------------

std::vector<int> lowering::static_shape(int index) const {
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    // Keras exports mark the batch dimension unknown (-1) and store batch 1 in `shape`; that
    // fixed batch is what ctnn runs. Any other unknown dimension is a dynamic shape.
    for (std::size_t d = 0; d < t.shape_signature.size(); ++d) {
        const bool batch = d == 0 && !t.shape.empty() && t.shape[0] == 1;
        if (t.shape_signature[d] < 0 && !batch) tensor_fail(index, "has a dynamic shape (shape_signature " + signature_text(t.shape_signature) + ")");
    }
    const std::size_t bytes = static_cast<std::size_t>(std::max(tfl::tensor_type_bytes(t.type), 1));
    std::uint64_t elements = 1;
    for (const auto d : t.shape) {
        if (d <= 0) tensor_fail(index, "has shape " + signature_text(t.shape) + "; every dimension must be positive");
        elements *= static_cast<std::uint64_t>(d);  // <= 2^31 * 2^31 before the check below stops it
        if (elements * bytes > ctnn::max_tensor_bytes) {
            tensor_fail(index, "is too large (shape " + signature_text(t.shape) + "): ctnn tensors have at most " +
                                   std::to_string(ctnn::max_tensor_bytes) + " bytes (32-bit indexing)");
        }
    }
    if (t.is_sparse) tensor_fail(index, "is sparse; ctnn supports dense tensors only");
    return {t.shape.begin(), t.shape.end()};
}

quantization lowering::per_tensor_quantization(int index) const {
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    const bool is_uint8 = t.type == static_cast<int>(tensor_type::uint8);
    const bool is_int16 = t.type == static_cast<int>(tensor_type::int16);
    const char* type = is_uint8 ? "uint8" : is_int16 ? "int16" : "int8";
    if (!t.quantization || t.quantization->scale.empty() || t.quantization->zero_point.empty()) {
        tensor_fail(index, std::string("is ") + type + " but has no quantization parameters");
    }
    const auto& q = *t.quantization;
    if (q.has_details) tensor_fail(index, "uses custom quantization; ctnn supports scale and zero point only");
    if (q.scale.size() != 1 || q.zero_point.size() != 1) {
        tensor_fail(index, "is quantized per channel (" + std::to_string(q.scale.size()) + " scales); activations must be quantized per tensor");
    }
    check_scale(index, q.scale[0]);
    const ctnn::quantized_element_facts range = is_uint8   ? ctnn::quantized_element<std::uint8_t>
                                                : is_int16 ? ctnn::quantized_element<std::int16_t>
                                                           : ctnn::quantized_element<std::int8_t>;
    // int16 is symmetric; the one exception is the int16 output of an int8 SOFTMAX (zero point
    // -32768), which only QUANTIZE reads (activation_input refuses it elsewhere).
    const bool softmax_output = k_ >= 0 && name_ == "SOFTMAX" && q.zero_point[0] == -32768;
    if (is_int16 && q.zero_point[0] != 0 && !softmax_output) {
        tensor_fail(index, "is int16 with zero point " + std::to_string(q.zero_point[0]) +
                               "; TFLite's int16 tensors are symmetric (zero point 0; -32768 only as an int8 SOFTMAX's output)");
    }
    if (q.zero_point[0] < range.zero_point_min || q.zero_point[0] > range.zero_point_max) {
        tensor_fail(index, "has zero point " + std::to_string(q.zero_point[0]) + ", outside the " + type + " range");
    }
    return {q.scale[0], static_cast<std::int32_t>(q.zero_point[0])};
}

void lowering::check_scale(int index, float scale) const {
    if (!ctnn::valid_scale(scale)) tensor_fail(index, "has scale " + float_text(scale) + "; scales must be positive and finite");
}

ir_tensor lowering::make_tensor(int index, bool scalar_as_one) const {
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    ir_tensor out;
    out.name = t.name;
    out.tflite_index = index;
    out.shape = static_shape(index);
    if (out.shape.empty() && scalar_as_one) out.shape = {1};
    // MEAN's full reduction may write a scalar (see op_mean.cpp); every other tensor needs a dimension.
    const bool scalar_allowed = k_ >= 0 && entry_ != nullptr && entry_->scalar_output;
    if (out.shape.empty() && !scalar_allowed) tensor_fail(index, "is a scalar (rank 0); ctnn tensors have at least one dimension");
    if (t.type == static_cast<int>(tensor_type::float32)) {
        out.type = element::float32;
    } else if (t.type == static_cast<int>(tensor_type::int8)) {
        out.type = element::int8;
        out.q = per_tensor_quantization(index);
    } else if (t.type == static_cast<int>(tensor_type::uint8)) {
        out.type = element::uint8;
        out.q = per_tensor_quantization(index);
    } else if (t.type == static_cast<int>(tensor_type::int16)) {
        out.type = element::int16;
        out.q = per_tensor_quantization(index);
    } else if (t.type == static_cast<int>(tensor_type::int32)) {
        out.type = element::int32;  // raw values: any quantization table is not read
    } else if (t.type == static_cast<int>(tensor_type::int64)) {
        out.type = element::int64;
    } else {
        tensor_fail(index, "is " + tfl::tensor_type_name(t.type) +
                               "; ctnn supports int8 activations (float32 only into QUANTIZE, ARG_MAX and ARG_MIN and out of DEQUANTIZE, uint8 only into and "
                               "out of QUANTIZE and into DEQUANTIZE, int32 only out of ARG_MAX and ARG_MIN)");
    }
    return out;
}

// The graph tensor an activation input reads; checks it exists and has the wanted type.
int lowering::activation_input(std::size_t slot, element wanted) {
    const auto& op = m_.operators[static_cast<std::size_t>(k_)];
    if (slot >= op.inputs.size() || op.inputs[slot] < 0) op_fail("missing input #" + std::to_string(slot));
    const int index = op.inputs[slot];
    check_type(index, wanted);
    if (is_constant(m_.tensors[static_cast<std::size_t>(index)])) return constant_operand(index);
    const auto found = graph_index_.find(index);
    if (found == graph_index_.end()) op_fail("reads " + tensor_label(index) + " before any operator produces it");
    const ir_tensor& t = ir_.tensors[static_cast<std::size_t>(found->second)];
    if (t.type == element::int16 && t.q.zero_point != 0 && name_ != "QUANTIZE") {
        op_fail("reads " + tensor_label(index) + ", int16 with zero point " + std::to_string(t.q.zero_point) +
                " (an int8 SOFTMAX's output); TFLite's int16 operators take symmetric int16 (zero point 0), only QUANTIZE reads it");
    }
    return found->second;
}

tensor_type lowering::tflite_type(element e) {
    switch (e) {
        case element::int8: return tensor_type::int8;
        case element::float32: return tensor_type::float32;
        case element::uint8: return tensor_type::uint8;
        case element::int32: return tensor_type::int32;
        case element::int16: return tensor_type::int16;
        case element::int64: return tensor_type::int64;
    }
    return tensor_type::int8;
}

void lowering::check_type(int index, element wanted) const {
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    if (t.type == static_cast<int>(tflite_type(wanted))) return;
    if (t.type == static_cast<int>(tensor_type::float32)) op_fail("model is not fully int8-quantized: " + tensor_label(index) + " is float32");
    tensor_fail(index, "is " + tfl::tensor_type_name(t.type) + "; expected " + element_name(wanted));
}

element lowering::int8_or_int16_input(std::size_t slot) const {
    const auto& op = m_.operators[static_cast<std::size_t>(k_)];
    if (slot >= op.inputs.size() || op.inputs[slot] < 0) return element::int8;  // missing: refused by its reader
    const int type = m_.tensors[static_cast<std::size_t>(op.inputs[slot])].type;
    return type == static_cast<int>(tensor_type::int16) ? element::int16 : element::int8;
}

// Constant data of an input, checked for type and size.
const std::vector<std::uint8_t>& lowering::constant_input(std::size_t slot, tensor_type type, const char* role) const {
    const auto& op = m_.operators[static_cast<std::size_t>(k_)];
    if (slot >= op.inputs.size() || op.inputs[slot] < 0) op_fail(std::string("missing ") + role + " (input #" + std::to_string(slot) + ")");
    const int index = op.inputs[slot];
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    if (t.type != static_cast<int>(type)) {
        if (t.type == static_cast<int>(tensor_type::float32)) op_fail("model is not fully int8-quantized: " + tensor_label(index) + " is float32");
        op_fail(std::string(role) + " " + tensor_label(index) + " is " + tfl::tensor_type_name(t.type) + "; expected " +
                tfl::tensor_type_name(static_cast<int>(type)) + (t.type == static_cast<int>(tensor_type::int4) ? std::string(" (") + int4_only_for + ")" : ""));
    }
    if (!is_constant(t)) op_fail(std::string(role) + " " + tensor_label(index) + " is not a constant; ctnn needs it at compile time");
    const auto shape = static_shape(index);
    std::size_t elements = 1;
    for (const int d : shape) elements *= static_cast<std::size_t>(d);  // bounded by static_shape
    const auto& data = m_.buffers[t.buffer];
    const std::size_t want = elements * static_cast<std::size_t>(tfl::tensor_type_bytes(static_cast<int>(type)));
    if (data.size() != want) {
        op_fail("constant " + tensor_label(index) + " has " + std::to_string(data.size()) + " bytes of data (buffer #" + std::to_string(t.buffer) +
                "); its shape " + shape_text(shape) + " needs " + std::to_string(want));
    }
    return data;
}

const std::vector<std::uint8_t>& lowering::int4_constant(std::size_t slot, const char* role) const {
    const int index = m_.operators[static_cast<std::size_t>(k_)].inputs[slot];
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    if (!is_constant(t)) op_fail(std::string(role) + " " + tensor_label(index) + " is not a constant; ctnn needs it at compile time");
    const auto shape = static_shape(index);
    std::size_t elements = 1;
    for (const int d : shape) elements *= static_cast<std::size_t>(d);  // bounded by static_shape
    const auto& data = m_.buffers[t.buffer];
    const std::size_t want = (elements + 1) / 2;  // two a byte, the last one padded
    if (data.size() != want) {
        op_fail("constant " + tensor_label(index) + " has " + std::to_string(data.size()) + " bytes of data (buffer #" + std::to_string(t.buffer) +
                "); its shape " + shape_text(shape) + " needs " + std::to_string(want) + " (int4: two values a byte)");
    }
    return data;
}

// A shape-like int32 operand: its values when it is a constant. When it is a model input
// instead, TFLite would read it at run time; ctnn accepts it when the static shapes fix its
// value (`fixed`): the input becomes a fixed input (graph/sources.hpp), checked by invoke().
dims64 lowering::shape_operand(std::size_t slot, const char* role, const dims64& fixed) {
    const auto& op = m_.operators[static_cast<std::size_t>(k_)];
    if (slot >= op.inputs.size() || op.inputs[slot] < 0) op_fail(std::string("missing ") + role + " (input #" + std::to_string(slot) + ")");
    const int index = op.inputs[slot];
    const tfl_tensor& t = m_.tensors[static_cast<std::size_t>(index)];
    if (static_shape(index) != std::vector<int>{static_cast<int>(fixed.size())}) {
        op_fail(std::string(role) + " " + tensor_label(index) + " has shape " + shape_text(static_shape(index)) + "; expected [" +
                std::to_string(fixed.size()) + "]");
    }
    if (is_constant(t) || t.type != static_cast<int>(tensor_type::int32)) {
        const auto& data = constant_input(slot, tensor_type::int32, role);  // checks type and size
        dims64 values;
        for (std::size_t i = 0; i < fixed.size(); ++i) values.push_back(load_i32(data, i));
        return values;
    }
    const auto found = graph_index_.find(index);
    if (found == graph_index_.end()) op_fail("reads " + tensor_label(index) + " before any operator produces it");
    if (std::find(ir_.inputs.begin(), ir_.inputs.end(), found->second) == ir_.inputs.end()) {
        op_fail(std::string(role) + " " + tensor_label(index) + " is computed by an operator; ctnn needs it constant, or a model input " +
                "whose value the static shapes fix");
    }
    std::vector<std::int32_t>& values = ir_.tensors[static_cast<std::size_t>(found->second)].fixed_values;
    const std::vector<std::int32_t> want(fixed.begin(), fixed.end());
    if (!values.empty() && values != want) {
        op_fail(std::string(role) + " " + tensor_label(index) + " is a model input that another operator needs to hold " +
                dims_text(dims64(values.begin(), values.end())) + ", this one " + dims_text(fixed));
    }
    values = want;
    return fixed;
}

std::int32_t lowering::load_i32(const std::vector<std::uint8_t>& data, std::size_t i) {
    std::uint32_t v = 0;
    for (std::size_t b = 0; b < 4; ++b) v |= static_cast<std::uint32_t>(data[4 * i + b]) << (8 * b);
    return static_cast<std::int32_t>(v);
}

void lowering::require_rank(const ir_tensor& t, std::size_t rank, const char* role) const {
    if (t.shape.size() != rank) {
        op_fail(std::string(role) + " " + tensor_label(t.tflite_index) + " has shape " + shape_text(t.shape) + "; expected " + std::to_string(rank) + "-D");
    }
}

void lowering::require_batch_one(const ir_tensor& t) const {
    if (t.shape[0] != 1) {
        op_fail("input " + tensor_label(t.tflite_index) + " has batch " + std::to_string(t.shape[0]) + " (shape " + shape_text(t.shape) +
                "); ctnn runs " + name_ + " on batch 1 only");
    }
}

void lowering::expect_shape(const ir_tensor& out, const dims64& want, const char* what) const {
    const dims64 got(out.shape.begin(), out.shape.end());
    if (got != want) {
        op_fail("output " + tensor_label(out.tflite_index) + " has shape " + shape_text(out.shape) + ", but " + what + " shape is " + dims_text(want));
    }
}

// ---- options -----------------------------------------------------------------------------

const tfl_options& lowering::options(int expected_type, bool required) const {
    const auto& o = m_.operators[static_cast<std::size_t>(k_)].options;
    if (o.type == expected_type) return o;
    if (o.type == tfl::options::none && !required) return o;
    op_fail("builtin options are " + tfl::options_name(o.type) + "; expected " + tfl::options_name(expected_type));
}

activation lowering::fused_activation(int value) const {
    switch (static_cast<tfl::activation>(value)) {
        case tfl::activation::none: return activation::none;
        case tfl::activation::relu: return activation::relu;
        case tfl::activation::relu6: return activation::relu6;
        case tfl::activation::relu_n1_to_1: return activation::relu_n1_to_1;
        default: op_fail("unsupported option: fused activation " + tfl::activation_name(value) + "; supported: NONE, RELU, RELU6, RELU_N1_TO_1");
    }
}

bool lowering::same_padding(int value) const {
    if (value == static_cast<int>(tfl::padding::same)) return true;
    if (value == static_cast<int>(tfl::padding::valid)) return false;
    op_fail("unsupported option: padding " + std::to_string(value) + "; supported: SAME, VALID");
}

void lowering::check_positive(int value, const char* what) const {
    if (value <= 0) op_fail("unsupported option: " + std::string(what) + " " + std::to_string(value) + "; must be positive");
}

void lowering::check_bias_type(int type, bool wide) const {
    if (wide && type == static_cast<int>(tensor_type::int64)) return;
    if (type != 0 && type != static_cast<int>(tensor_type::int32)) {
        op_fail("unsupported option: quantized_bias_type " + tfl::tensor_type_name(type) + "; ctnn uses int32 bias" +
                (wide ? " or (16x8) int64" : ""));
    }
}

// ---- the library's compile-time rules ----------------------------------------------------

std::int64_t lowering::window_output(const window_dim& d, bool same, const char* kernel_word) const {
    const std::int64_t effective = (std::int64_t{d.kernel} - 1) * d.dilation + 1;
    const std::string kernel = std::string(kernel_word) + " " + d.axis + " " + std::to_string(d.kernel) +
                               (d.dilation != 1 ? " with " + std::string(d.dilation_name) + " " + std::to_string(d.dilation) : "");
    const std::string limit = std::to_string(ctnn::max_window_extent);
    switch (ctnn::check_window(same, d.in, d.kernel, d.stride, d.dilation)) {
        case ctnn::window_error::none: break;
        case ctnn::window_error::not_positive: op_fail(kernel + ": sizes, strides and dilations must be positive");
        case ctnn::window_error::dilated_kernel_too_large:
            if (effective > ctnn::max_window_extent) {
                op_fail(kernel + " spans " + std::to_string(effective) + " input " + (d.axis[0] == 'h' ? "rows" : "columns") + ", more than the " + limit +
                        " ctnn's int window arithmetic allows");
            }
            op_fail(kernel + " and " + d.stride_name + " " + std::to_string(d.stride) + " reach past index " + limit +
                    " with SAME padding; ctnn's window arithmetic is int");
        case ctnn::window_error::stride_too_large:
            op_fail("unsupported option: " + std::string(d.stride_name) + " " + std::to_string(d.stride) + " is too large: the input " + d.axis + " " +
                    std::to_string(d.in) + " plus the stride exceeds " + limit + " (ctnn's window arithmetic is int)");
        case ctnn::window_error::kernel_larger_than_input:
            op_fail(kernel + (d.dilation != 1 ? " (spanning " + std::to_string(effective) + ")" : "") + " does not fit the input " + d.axis + " " +
                    std::to_string(d.in) + " with VALID padding");
    }
    const ctnn::spatial_extent e = same ? ctnn::compute_extent<ctnn::padding::same>(d.in, d.kernel, d.stride, d.dilation)
                                        : ctnn::compute_extent<ctnn::padding::valid>(d.in, d.kernel, d.stride, d.dilation);
    return e.out;
}

// ctnn::accumulator_bound over the layer's weights, laid out as the layer types read them.
void lowering::check_accumulator(const ir_params& p, int depth, bool depthwise, std::int32_t input_zero_point, std::size_t bias_slot) const {
    const int channels = p.output_channels();
    const auto& w = p.weights;
    const auto& b = p.bias;
    const std::int64_t bound =
        depthwise ? ctnn::accumulator_bound(
                        channels, depth, [&](int c, int k) { return std::int64_t{w[static_cast<std::size_t>(k) * channels + c]}; },
                        [&](int c) { return std::int64_t{b[static_cast<std::size_t>(c)]}; }, input_zero_point)
                  : ctnn::accumulator_bound(
                        channels, depth, [&](int c, int k) { return std::int64_t{w[static_cast<std::size_t>(c) * depth + k]}; },
                        [&](int c) { return std::int64_t{b[static_cast<std::size_t>(c)]}; }, input_zero_point);
    if (bound > ctnn::max_accumulator_magnitude) {
        const auto& inputs = m_.operators[static_cast<std::size_t>(k_)].inputs;
        const int bias_index = inputs.size() > bias_slot ? inputs[bias_slot] : -1;
        op_fail("the int32 accumulator could overflow: with weights " + tensor_label(m_.operators[static_cast<std::size_t>(k_)].inputs[1]) +
                (bias_index >= 0 ? ", bias " + tensor_label(bias_index) : std::string()) + " and input zero point " + std::to_string(input_zero_point) +
                " some int8 input reaches magnitude " + std::to_string(bound) + ", more than " + std::to_string(ctnn::max_accumulator_magnitude));
    }
}

void lowering::check_accumulator_16x8(const ir_params& p, int depth, bool depthwise, std::size_t bias_slot) const {
    const int channels = p.output_channels();
    const auto& w = p.weights;
    const auto bias = [&](int c) { return p.bias_at(static_cast<std::size_t>(c)); };
    const ctnn::accumulator_bound_16x8 bound =
        depthwise ? ctnn::accumulator_bound_16x8_of(channels, depth, [&](int c, int k) { return std::int64_t{w[static_cast<std::size_t>(k) * channels + c]}; }, bias)
                  : ctnn::accumulator_bound_16x8_of(channels, depth, [&](int c, int k) { return std::int64_t{w[static_cast<std::size_t>(c) * depth + k]}; }, bias);
    const std::int64_t limit = p.int64_bias() ? ctnn::max_accumulator_magnitude_s64 : ctnn::max_accumulator_magnitude;
    if (bound.total > limit) {
        const auto& inputs = m_.operators[static_cast<std::size_t>(k_)].inputs;
        const int bias_index = inputs.size() > bias_slot ? inputs[bias_slot] : -1;
        op_fail(std::string("the ") + (p.int64_bias() ? "int64 accumulator could leave +-2^47" : "int32 accumulator could overflow") + ": with weights " +
                tensor_label(inputs[1]) + (bias_index >= 0 ? ", bias " + tensor_label(bias_index) : std::string()) + " some int16 input reaches magnitude " +
                std::to_string(bound.total) + ", more than " + std::to_string(limit) +
                (p.int64_bias() ? "" : " (TFLite accumulates in int32 with an int32 bias)"));
    }
}

void lowering::check_multiplier(double real, const std::string& what, const std::string& from) const {
    if (ctnn::multiplier_in_range(real)) return;
    op_fail(what + " " + real_text(real) + " (" + from + ") is out of range; ctnn, like TFLite, needs a finite value below 2^30 (a left shift of at most " +
            std::to_string(ctnn::max_multiplier_shift) + " bits)");
}

void lowering::check_requantization(const ir_params& p, const ir_tensor& input, const ir_tensor& out, bool per_tensor_fc) const {
    const int w = m_.operators[static_cast<std::size_t>(k_)].inputs[1];
    const auto from = [&](float ws) {
        return "input scale " + float_text(input.q.scale) + " x weight scale " + float_text(ws) + " / output scale " + float_text(out.q.scale) + "; weights " +
               tensor_label(w) + ", output " + tensor_label(out.tflite_index);
    };
    // A 16x8 layer with an int64 bias: TFLite's int64 requantization takes a left shift of 14 at most.
    const auto check_s64 = [&](double real, const std::string& what, float ws) {
        if (!p.int64_bias() || ctnn::quantize_multiplier(real).shift <= ctnn::max_multiplier_shift_s64) return;
        op_fail(what + " " + real_text(real) + " (" + from(ws) + ") is 2^14 or more; TFLite's int64 requantization (16x8 with an int64 bias) shifts left by " +
                std::to_string(ctnn::max_multiplier_shift_s64) + " bits at most");
    };
    if (per_tensor_fc) {
        const float ws = p.weight_scales[0];
        check_multiplier(ctnn::per_tensor_fc_real(input.q.scale, ws, out.q.scale), "the effective output scale", from(ws));
        check_s64(ctnn::per_tensor_fc_real(input.q.scale, ws, out.q.scale), "the effective output scale", ws);
        return;
    }
    for (std::size_t ch = 0; p.int64_bias() && ch < static_cast<std::size_t>(p.output_channels()); ++ch) {
        const float ws = p.weight_scales[p.weight_scales.size() == 1 ? 0 : ch];
        if (!ctnn::multiplier_in_range(ctnn::per_channel_real(input.q.scale, ws, out.q.scale))) break;  // the check below names it
        check_s64(ctnn::per_channel_real(input.q.scale, ws, out.q.scale), "the effective output scale of channel " + std::to_string(ch), ws);
    }
    const int c = ctnn::first_channel_out_of_range(input.q.scale, p.weight_scales, static_cast<std::size_t>(p.output_channels()), out.q.scale);
    if (c < 0) return;
    const float ws = p.weight_scales[p.weight_scales.size() == 1 ? 0 : static_cast<std::size_t>(c)];
    check_multiplier(ctnn::per_channel_real(input.q.scale, ws, out.q.scale), "the effective output scale of channel " + std::to_string(c), from(ws));
}

void lowering::check_activation(activation act, const ir_tensor& out) const {
    bool ok = true;
    switch (act) {
        case activation::none: ok = ctnn::activation_range_representable<ctnn::act::none>(out.q.scale); break;
        case activation::relu: ok = ctnn::activation_range_representable<ctnn::act::relu>(out.q.scale); break;
        case activation::relu6: ok = ctnn::activation_range_representable<ctnn::act::relu6>(out.q.scale); break;
        case activation::relu_n1_to_1: ok = ctnn::activation_range_representable<ctnn::act::relu_n1_to_1>(out.q.scale); break;
    }
    if (!ok) {
        op_fail("fused activation " + activation_text(act) + " with output scale " + float_text(out.q.scale) + " (" + tensor_label(out.tflite_index) +
                "): its bounds divided by the scale do not fit in int32 (TFLite rejects this too)");
    }
}

}  // namespace ctnn_convert
