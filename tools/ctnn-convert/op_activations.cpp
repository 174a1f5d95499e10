// The int8 activations and unary math operators: the functions of one value (RELU, RELU6,
// LEAKY_RELU, ELU, LOGISTIC, TANH, ABS, RSQRT: one elementwise_lut layer each, 256-byte table)
// and the row-wise LOG_SOFTMAX and L2_NORMALIZATION. Each keeps its input's shape; the rules
// are the library's constexpr functions (layers/activations.hpp, kernels/reference/*_s8.hpp).
#include <cmath>

#include <ctnn/kernels/portable/lut_s8.hpp>
#include <ctnn/layers/activations.hpp>
#include <ctnn/layers/l2_normalization.hpp>
#include <ctnn/layers/log_softmax.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

// schema.fbs: BuiltinOperator values.
constexpr int l2_normalization_builtin = 11, logistic_builtin = 14, relu_builtin = 19, relu6_builtin = 21, tanh_builtin = 28,
              log_softmax_builtin = 50, rsqrt_builtin = 76, leaky_relu_builtin = 98, abs_builtin = 101, elu_builtin = 111;

// The activation input and the output of a same-shape operator whose options table, if any, is
// `options` (one TFLite's converter may write or leave out; tfl::options::none: none at all).
struct unary_tensors {
    ir_tensor input;
    ir_tensor out;
};
// takes_int16: the operator also runs int16 -> int16 (RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH), input 0's type
// choosing; the output must then be int16 too, and the layer keeps no table.
unary_tensors unary_io(lowering& x, ir_layer& l, int options, bool takes_int16 = false) {
    const int first = x.op().inputs.empty() ? -1 : x.op().inputs[0];
    const bool int16 = takes_int16 && first >= 0 &&
                       x.model().tensors[static_cast<std::size_t>(first)].type == static_cast<int>(tfl::tensor_type::int16);
    const element elem = int16 ? element::int16 : element::int8;
    if (int16) l.table_bytes = 0;
    const int in = x.layer_input(l, 1, 1, elem);
    const int type = x.op().options.type;
    if (type != tfl::options::none && type != options) {
        x.op_fail("builtin options are " + tfl::options_name(type) + "; expected " +
                  (options == tfl::options::none ? std::string("none") : tfl::options_name(options)));
    }
    const ir_tensor input = x.graph_tensor(in);
    return {input, x.same_shape_output(in, elem)};
}

// TFLite's fixed int8 output quantization of LOGISTIC, TANH, LOG_SOFTMAX, L2_NORMALIZATION.
void require_output_quantization(const lowering& x, const ir_tensor& out, bool ok, const char* wanted) {
    if (ok) return;
    x.op_fail("output quantization is scale " + float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) + " (" +
              x.tensor_label(out.tflite_index) + "); TFLite's int8 kernel needs " + wanted);
}

// A multiplier derived from the two scales out of ctnn's range (finite, left shift <= 30 bits).
void require_scales(const lowering& x, const unary_tensors& t, bool ok, const std::string& rule) {
    if (ok) return;
    x.op_fail("input scale " + float_text(t.input.q.scale) + " (" + x.tensor_label(t.input.tflite_index) + ") and output scale " +
              float_text(t.out.q.scale) + " (" + x.tensor_label(t.out.tflite_index) + "): " + rule);
}

const std::string multiplier_rule = "the requantization multiplier must be finite with a left shift of at most " +
                                    std::to_string(ctnn::max_multiplier_shift) + " bits";

template <class F>
void lower_lut(lowering& x, ir_layer& l, int options, const std::string& rule) {
    const unary_tensors t = unary_io(x, l, options, ctnn::layers::takes_int16<F>);
    require_scales(x, t, F::scales_ok(t.input.q.scale, t.out.q.scale), rule);
}

void lower_relu(lowering& x, ir_layer& l) { lower_lut<ctnn::layers::unary::relu>(x, l, tfl::options::none, multiplier_rule + " (input / output scale)"); }
void lower_relu6(lowering& x, ir_layer& l) { lower_lut<ctnn::layers::unary::relu6>(x, l, tfl::options::none, ""); }
void lower_elu(lowering& x, ir_layer& l) { lower_lut<ctnn::layers::unary::elu>(x, l, tfl::options::none, "ctnn needs input scale / output scale below 2^22"); }
void lower_abs(lowering& x, ir_layer& l) { lower_lut<ctnn::layers::unary::abs>(x, l, tfl::options::abs, multiplier_rule + " (input / output scale)"); }
void lower_rsqrt(lowering& x, ir_layer& l) {
    lower_lut<ctnn::layers::unary::rsqrt>(x, l, tfl::options::none, multiplier_rule + " (1 / (sqrt(input scale) x output scale))");
}

// int16 (16x8): TFLM's Prepare checks the output scale with CheckedLog2 and derives an input
// multiplier it asserts to be at most 32767.
void lower_sigmoid_s16(const lowering& x, const unary_tensors& t, bool logistic) {
    if (!ctnn::kernels::sigmoid_s16_output_scale_ok(t.out.q.scale)) {
        x.op_fail("output scale " + float_text(t.out.q.scale) + " (" + x.tensor_label(t.out.tflite_index) +
                  "): TFLite's int16 kernel needs 2^-15 (0.000030517578125; CheckedLog2 of the scale must be -15 within 0.001)");
    }
    if (!ctnn::kernels::sigmoid_s16_input_scale_in_range(t.input.q.scale, !logistic)) {
        x.op_fail("input scale " + float_text(t.input.q.scale) + " (" + x.tensor_label(t.input.tflite_index) +
                  ") is out of range: TFLite's int16 kernel needs its input multiplier trunc(scale x 12288 x 2^k) at most 32767 "
                  "(a scale up to about 2.67) and above 0 (a scale above about 4e-14)");
    }
}

void lower_sigmoid(lowering& x, ir_layer& l, bool logistic) {
    const unary_tensors t = unary_io(x, l, tfl::options::none, true);
    if (t.input.type == element::int16) return lower_sigmoid_s16(x, t, logistic);
    if (logistic) {
        require_output_quantization(x, t.out, ctnn::kernels::logistic_output_quantization_ok(t.out.q.scale, t.out.q.zero_point),
                                    "scale 1/256 (0.00390625) and zero point -128");
    } else {
        require_output_quantization(x, t.out, ctnn::kernels::tanh_output_quantization_ok(t.out.q.scale, t.out.q.zero_point),
                                    "scale 1/128 (0.0078125) and zero point 0");
    }
    if (!ctnn::kernels::sigmoid_input_scale_in_range(t.input.q.scale)) {
        x.op_fail("input scale " + float_text(t.input.q.scale) + " (" + x.tensor_label(t.input.tflite_index) +
                  ") is out of range: TFLite divides by 2^e, e the exponent of frexp(scale x 2^27), which must be 0 to 62 "
                  "(a scale in [2^-28, 2^35))");
    }
}
void lower_logistic(lowering& x, ir_layer& l) { lower_sigmoid(x, l, true); }
void lower_tanh(lowering& x, ir_layer& l) { lower_sigmoid(x, l, false); }

void lower_leaky_relu(lowering& x, ir_layer& l) {
    const unary_tensors t = unary_io(x, l, tfl::options::leaky_relu, true);
    l.alpha = x.op().options.type == tfl::options::leaky_relu ? x.op().options.alpha : 0.0f;
    if (!std::isfinite(l.alpha)) x.op_fail("unsupported option: leaky_relu alpha " + float_text(l.alpha) + "; must be finite");
    require_scales(x, t, ctnn::kernels::leaky_relu_scales_in_range(t.input.q.scale, l.alpha, t.out.q.scale),
                   multiplier_rule + " (input / output scale, and input scale x alpha / output scale)");
}

void lower_log_softmax(lowering& x, ir_layer& l) {
    const unary_tensors t = unary_io(x, l, tfl::options::log_softmax);
    require_output_quantization(x, t.out, ctnn::kernels::log_softmax_output_quantization_ok(t.out.q.scale, t.out.q.zero_point),
                                "scale 16/256 (0.0625) and zero point 127");
    if (!ctnn::kernels::log_softmax_input_scale_in_range(t.input.q.scale)) {
        x.op_fail("input scale " + float_text(t.input.q.scale) + " (" + x.tensor_label(t.input.tflite_index) +
                  ") gives the input multiplier scale x 2^26 = " + real_text(ctnn::kernels::softmax_input_real(1.0f, t.input.q.scale)) +
                  "; TFLite needs it greater than 1");
    }
}

void lower_l2_normalization(lowering& x, ir_layer& l) {
    const unary_tensors t = unary_io(x, l, tfl::options::l2_norm);
    if (x.op().options.type == tfl::options::l2_norm && x.op().options.activation != 0) {
        x.op_fail("unsupported option: fused activation " + tfl::activation_name(x.op().options.activation) +
                  "; TFLite's L2_NORMALIZATION supports NONE only");
    }
    if (t.input.shape.size() > 4) {
        x.op_fail("input " + x.tensor_label(t.input.tflite_index) + " has rank " + std::to_string(t.input.shape.size()) +
                  "; TFLite's L2_NORMALIZATION takes rank 4 at most");
    }
    require_output_quantization(x, t.out, ctnn::kernels::l2_normalization_output_quantization_ok(t.out.q.scale, t.out.q.zero_point),
                                "scale 1/128 (0.0078125) and zero point 0");
    const long long depth = t.input.shape.empty() ? 1 : t.input.shape.back();
    if (!ctnn::kernels::l2_normalization_depth_in_range(depth)) {
        x.op_fail("input " + x.tensor_label(t.input.tflite_index) + " has " + std::to_string(depth) +
                  " elements in its last dimension; the int32 sum of squares allows 33025 at most");
    }
}

template <const char* Layer>
std::string simple_type(const model_ir&, const ir_layer&, std::size_t node) {
    return std::string("ctnn::layers::") + Layer + "<" + q_name(node) + ">";
}
constexpr char relu_name[] = "relu", relu6_name[] = "relu6", elu_name[] = "elu", logistic_name[] = "logistic", tanh_name[] = "tanh",
               abs_name[] = "abs", rsqrt_name[] = "rsqrt", log_softmax_name[] = "log_softmax", l2_normalization_name[] = "l2_normalization";

// LEAKY_RELU's alpha is a float constant in namespace w, named by the layer type.
std::string alpha_name(std::size_t node) { return "leaky_relu" + std::to_string(node) + "_alpha"; }
std::string leaky_relu_type(const model_ir&, const ir_layer&, std::size_t node) {
    return "ctnn::layers::leaky_relu<" + q_name(node) + ", w::" + alpha_name(node) + ">";
}
std::string leaky_relu_constants(const ir_layer& l, std::size_t node) {
    return "struct " + alpha_name(node) + " { static constexpr float value = " + float_literal(l.alpha) + "; };\n\n";
}

constexpr std::size_t lut_bytes = sizeof(ctnn::kernels::lut_s8_table);  // each function of one value keeps its table in flash

}  // namespace

extern const operator_entry relu_operator, relu6_operator, leaky_relu_operator, elu_operator, logistic_operator, tanh_operator,
    abs_operator, rsqrt_operator, log_softmax_operator, l2_normalization_operator;  // external linkage: operators.cpp lists them

const operator_entry relu_operator{.builtin = relu_builtin, .name = "RELU", .lower = lower_relu, .layer_type = simple_type<relu_name>,
                                   .traits = ctnn::layers::elementwise_lut_traits, .table_bytes = lut_bytes};
const operator_entry relu6_operator{.builtin = relu6_builtin, .name = "RELU6", .lower = lower_relu6, .layer_type = simple_type<relu6_name>,
                                    .traits = ctnn::layers::elementwise_lut_traits, .table_bytes = lut_bytes};
const operator_entry leaky_relu_operator{.builtin = leaky_relu_builtin, .name = "LEAKY_RELU", .lower = lower_leaky_relu,
                                         .layer_type = leaky_relu_type, .traits = ctnn::layers::elementwise_lut_traits,
                                         .constants = leaky_relu_constants,
                                         .options_text = [](const ir_layer& l) { return "alpha " + float_text(l.alpha); },
                                         .table_bytes = lut_bytes};
const operator_entry elu_operator{.builtin = elu_builtin, .name = "ELU", .lower = lower_elu, .layer_type = simple_type<elu_name>,
                                  .traits = ctnn::layers::elementwise_lut_traits, .table_bytes = lut_bytes};
const operator_entry logistic_operator{.builtin = logistic_builtin, .name = "LOGISTIC", .lower = lower_logistic,
                                       .layer_type = simple_type<logistic_name>, .traits = ctnn::layers::elementwise_lut_traits,
                                       .table_bytes = lut_bytes};
const operator_entry tanh_operator{.builtin = tanh_builtin, .name = "TANH", .lower = lower_tanh, .layer_type = simple_type<tanh_name>,
                                   .traits = ctnn::layers::elementwise_lut_traits, .table_bytes = lut_bytes};
const operator_entry abs_operator{.builtin = abs_builtin, .name = "ABS", .lower = lower_abs, .layer_type = simple_type<abs_name>,
                                  .traits = ctnn::layers::elementwise_lut_traits, .table_bytes = lut_bytes};
const operator_entry rsqrt_operator{.builtin = rsqrt_builtin, .name = "RSQRT", .lower = lower_rsqrt, .layer_type = simple_type<rsqrt_name>,
                                    .traits = ctnn::layers::elementwise_lut_traits, .table_bytes = lut_bytes};
const operator_entry log_softmax_operator{.builtin = log_softmax_builtin, .name = "LOG_SOFTMAX", .lower = lower_log_softmax,
                                          .layer_type = simple_type<log_softmax_name>, .traits = ctnn::layers::log_softmax_traits};
const operator_entry l2_normalization_operator{.builtin = l2_normalization_builtin, .name = "L2_NORMALIZATION",
                                               .lower = lower_l2_normalization, .layer_type = simple_type<l2_normalization_name>,
                                               .traits = ctnn::layers::l2_normalization_traits};

}  // namespace ctnn_convert
