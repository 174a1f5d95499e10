// The lowering pass behind lower_to_ir (lower.hpp), shared by its source files:
//   lower.cpp          the driver: model-level checks, dispatch through the operator table
//                      (operators.hpp), and the model's totals
//   lower_checks.cpp   tensor and option checks, and the rules the library enforces at compile
//                      time (window arithmetic, accumulator bound, multiplier ranges, activation
//                      clamps), evaluated with the library's own constexpr functions
//   lower_common.cpp   what several operators share: inputs and output, weights, the spatial
//                      options and output of convolutions and pools
//   op_*.cpp           one operator or family each: its lowering and its table entries
// Every error inside an operator reads "operator #K NAME: ...", naming the tensor and the rule;
// model-level errors name no operator.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "convert_error.hpp"
#include "custom_ops.hpp"
#include "model_ir.hpp"
#include "operators.hpp"
#include "tflite_model.hpp"
#include "tflite_schema.hpp"

namespace ctnn_convert {

// Shapes computed by the converter, in 64 bits so that no arithmetic on int32 dimensions wraps.
using dims64 = std::vector<std::int64_t>;

// The state of one lowering and the checks the operators' lower functions (operator_entry)
// call; the driver's own state stays private.
class lowering {
public:
    lowering(const tfl_model& m, const custom_ops& custom) : m_(m), custom_(custom) {}
    model_ir run();

    // ---- the operator being lowered ------------------------------------------------------
    const tfl_model& model() const { return m_; }
    const tfl_operator& op() const { return m_.operators[static_cast<std::size_t>(k_)]; }
    const std::string& op_name() const { return name_; }
    // Which of its outputs the operator is being lowered for (operator_entry::multi_output).
    int output_slot() const { return out_slot_; }

    // ---- naming and failing (lower_checks.cpp) -------------------------------------------
    std::string tensor_label(int index) const;
    [[noreturn]] void op_fail(const std::string& what) const;  // "operator #K NAME: what", or `what` outside operators
    [[noreturn]] void tensor_fail(int index, const std::string& what) const;  // names the tensor first
    static std::string signature_text(const std::vector<std::int32_t>& dims);

    // ---- tensor checks -------------------------------------------------------------------
    bool is_constant(const tfl_tensor& t) const { return t.buffer != 0 && !m_.buffers[t.buffer].empty(); }
    std::vector<int> static_shape(int index) const;
    quantization per_tensor_quantization(int index) const;
    void check_scale(int index, float scale) const;
    // scalar_as_one: a rank-0 tensor becomes shape [1] (a constant operand; broadcasting treats both alike).
    ir_tensor make_tensor(int index, bool scalar_as_one = false) const;
    // The graph tensor of the operator's input `slot`: a tensor produced earlier, a model input,
    // or a constant (made a constant source layer, constant_operand).
    int activation_input(std::size_t slot, element wanted);
    int constant_operand(int tflite_index);
    void check_type(int index, element wanted) const;
    // The element of input `slot` for an operator that runs int8 and int16 alike: int16 when the
    // tensor is int16, else int8 (which check_type then asks for).
    element int8_or_int16_input(std::size_t slot) const;
    static tfl::tensor_type tflite_type(element e);
    const std::vector<std::uint8_t>& constant_input(std::size_t slot, tfl::tensor_type type, const char* role) const;
    // A shape-like int32 operand of fixed.size() values: a constant's, or, when a model input
    // holds it, `fixed` (what the static shapes make it), checked at run time (a fixed input).
    dims64 shape_operand(std::size_t slot, const char* role, const dims64& fixed);
    static std::int32_t load_i32(const std::vector<std::uint8_t>& data, std::size_t i);
    void require_rank(const ir_tensor& t, std::size_t rank, const char* role) const;
    void require_batch_one(const ir_tensor& t) const;
    void expect_shape(const ir_tensor& out, const dims64& want, const char* what = "the computed") const;

    // ---- options -------------------------------------------------------------------------
    const tfl_options& options(int expected_type, bool required) const;
    activation fused_activation(int value) const;
    bool same_padding(int value) const;
    void check_positive(int value, const char* what) const;
    // wide: a 16x8 layer, whose quantized_bias_type may also be int64.
    void check_bias_type(int type, bool wide = false) const;

    // ---- the library's compile-time rules --------------------------------------------------
    struct window_dim {
        const char* axis;         // "height" or "width"
        const char* stride_name;  // the option to blame: "stride_h"
        const char* dilation_name;
        int in, kernel, stride, dilation;
    };
    // Checks one spatial dimension (ctnn::check_window) and returns its output size.
    std::int64_t window_output(const window_dim& d, bool same, const char* kernel_word) const;
    void check_accumulator(const ir_params& p, int depth, bool depthwise, std::int32_t input_zero_point, std::size_t bias_slot = 2) const;
    // A 16x8 layer's: int32 (an int32 bias) or +-2^47 (an int64 bias, or none).
    void check_accumulator_16x8(const ir_params& p, int depth, bool depthwise, std::size_t bias_slot = 2) const;
    void check_requantization(const ir_params& p, const ir_tensor& input, const ir_tensor& out, bool per_tensor_fc) const;
    void check_activation(activation act, const ir_tensor& out) const;
    void check_multiplier(double real, const std::string& what, const std::string& from) const;

    // ---- shared by several operators (lower_common.cpp) -----------------------------------
    // The bias types a weighted layer takes: int32 (int8 layers); int32 or int64 (16x8 CONV_2D,
    // FULLY_CONNECTED); int64 only (16x8 DEPTHWISE_CONV_2D and TRANSPOSE_CONV, whose TFLite
    // kernels read int64). A 16x8 layer without a bias gets int64 zeros: TFLM 90b983c2 then
    // accumulates in int64 (checked against it: int32 differs in the last bit).
    enum class bias_types { int32, int32_or_int64, int64 };
    // Weights are input #1, the optional bias input #bias_slot (the last one).
    // INT4 weights (TFLite's packed int4) are unpacked to int8 values in [-8, 7]; int4_refusal,
    // unless null, is why this layer refuses them.
    static constexpr const char* int4_needs_int8 = "int4 weights need int8 activations (TFLite's 16x8 kernels read int8 weights)";
    static constexpr const char* int4_only_for = "ctnn reads int4 only as the weights of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED with int8 activations";
    ir_params weighted_params(std::size_t rank, int channel_dim, std::size_t bias_slot = 2, bias_types biases = bias_types::int32,
                              const char* int4_refusal = int4_only_for) const;
    // Constant INT4 data of input `slot`: ceil(elements / 2) bytes, packed as TFLite packs it.
    const std::vector<std::uint8_t>& int4_constant(std::size_t slot, const char* role) const;
    // The element type of a weighted operator's activation input `slot`: int16 (16x8), else int8.
    element weighted_input_type(std::size_t slot) const;
    const ir_tensor& add_output(element type);
    const ir_tensor& graph_tensor(int g) const { return ir_.tensors[static_cast<std::size_t>(g)]; }
    void expect_inputs(std::size_t min, std::size_t max) const;
    // Checks the input count and takes input 0 as the layer's one activation input (the others,
    // if any, are constants: weights, bias, paddings, axes, a shape); returns its graph tensor.
    int layer_input(ir_layer& l, std::size_t min_inputs, std::size_t max_inputs, element type = element::int8);
    // Adds the output (of `type`) of an operator that keeps the shape of graph tensor `input`.
    const ir_tensor& same_shape_output(int input, element type = element::int8);
    void check_same_quantization(const ir_tensor& in, const ir_tensor& out) const;
    // The reductions (MEAN, SUM, REDUCE_MAX, REDUCE_MIN): input 0 an int8 tensor of rank 1 to 6,
    // input 1 constant int32 axes (negative from the end, duplicates once), ReducerOptions'
    // keep_dims; fills l.inputs, l.keep_dims and l.axes (ascending) and returns the elements
    // reduced into one output value. reduction_output then adds the output (of the input's
    // type) and checks its shape.
    std::size_t reduction_axes(ir_layer& l, element type = element::int8);  // type: input 0's
    const ir_tensor& reduction_output(const ir_layer& l);
    // Padding, strides, the kernel's dilations (or a pool's filter) and the fused activation.
    void spatial_options(ir_layer& l, const tfl_options& o, bool pool) const;
    // The rank-4, batch-1 input a convolution or pool reads.
    ir_tensor nhwc_input(int graph_index) const;
    // Adds the output (int8, or `type`) of a window over `input` (kernel kh x kw) with `channels` channels,
    // checked against the window arithmetic.
    const ir_tensor& window_layer_output(const ir_layer& l, const ir_tensor& input, int kh, int kw, int channels, bool pool,
                                         element type = element::int8);

private:
    void lower_operator(int k);
    void check_totals() const;

    const tfl_model& m_;
    const custom_ops& custom_;
    model_ir ir_;
    std::map<int, int> graph_index_;  // .tflite tensor -> graph tensor
    int k_ = -1;                      // operator being lowered; -1 outside operators
    int out_slot_ = 0;                // the output being lowered
    std::string name_;
    const operator_entry* entry_ = nullptr;  // its table entry
};

std::string dims_text(const dims64& dims);  // "1x4x4x3", like shape_text
// TFLite's packed INT4 values, `elements` of them, as int8.
std::vector<std::int8_t> unpack_int4(const std::vector<std::uint8_t>& packed, std::size_t elements);

}  // namespace ctnn_convert
