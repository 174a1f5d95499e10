// The lowering pass behind lower_to_ir (lower.hpp), shared by its source files:
//   lower.cpp          the driver: model-level checks, operator dispatch, the model's totals,
//                      and MEAN
//   lower_checks.cpp   tensor and option checks, and the rules the library enforces at compile
//                      time (window arithmetic, accumulator bound, multiplier ranges, activation
//                      clamps), evaluated with the library's own constexpr functions
//   lower_ops.cpp      weights, and one function per operator
//   lower_reshape.cpp  RESHAPE and its shape operand
// Every error inside an operator reads "operator #K NAME: ...", naming the tensor and the rule;
// model-level errors name no operator.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "convert_error.hpp"
#include "model_ir.hpp"
#include "tflite_model.hpp"
#include "tflite_schema.hpp"

namespace ctnn_convert {

// Shapes computed by the converter, in 64 bits so that no arithmetic on int32 dimensions wraps.
using dims64 = std::vector<std::int64_t>;

class lowering {
public:
    explicit lowering(const tfl_model& m) : m_(m) {}
    model_ir run();

private:
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
    ir_tensor make_tensor(int index) const;
    int activation_input(std::size_t slot, element wanted) const;
    void check_type(int index, element wanted) const;
    const std::vector<std::uint8_t>& constant_input(std::size_t slot, tfl::tensor_type type, const char* role) const;
    static std::int32_t load_i32(const std::vector<std::uint8_t>& data, std::size_t i);
    void require_rank(const ir_tensor& t, std::size_t rank, const char* role) const;
    void require_batch_one(const ir_tensor& t) const;
    void expect_shape(const ir_tensor& out, const dims64& want, const char* what = "the computed") const;

    // ---- options -------------------------------------------------------------------------
    const tfl_options& options(int expected_type, bool required) const;
    activation fused_activation(int value) const;
    bool same_padding(int value) const;
    void check_positive(int value, const char* what) const;
    void check_bias_type(int type) const;

    // ---- the library's compile-time rules --------------------------------------------------
    struct window_dim {
        const char* axis;         // "height" or "width"
        const char* stride_name;  // the option to blame: "stride_h"
        const char* dilation_name;
        int in, kernel, stride, dilation;
    };
    // Checks one spatial dimension (ctnn::check_window) and returns its output size.
    std::int64_t window_output(const window_dim& d, bool same, const char* kernel_word) const;
    void check_accumulator(const ir_params& p, int depth, bool depthwise, std::int32_t input_zero_point) const;
    void check_requantization(const ir_params& p, const ir_tensor& input, const ir_tensor& out, bool per_tensor_fc) const;
    void check_activation(activation act, const ir_tensor& out) const;
    void check_multiplier(double real, const std::string& what, const std::string& from) const;

    // ---- weights -------------------------------------------------------------------------
    ir_params weighted_params(std::size_t rank, int channel_dim) const;

    // ---- operators (lower_ops.cpp, lower.cpp for MEAN) -------------------------------------
    void lower_operator(int k);
    const ir_tensor& add_output(element type);
    const ir_tensor& graph_tensor(int g) const { return ir_.tensors[static_cast<std::size_t>(g)]; }
    void expect_inputs(std::size_t min, std::size_t max) const;
    void lower_conv(ir_layer& l, bool depthwise);
    void lower_fully_connected(ir_layer& l);
    void lower_pool(ir_layer& l, layer_kind kind);
    void check_same_quantization(const ir_tensor& in, const ir_tensor& out) const;
    void lower_add(ir_layer& l);
    void lower_reshape(ir_layer& l);
    std::optional<dims64> reshape_target(const ir_tensor& input) const;
    void lower_softmax(ir_layer& l);
    void lower_pad(ir_layer& l);
    void lower_mean(ir_layer& l);
    void lower_quantize(ir_layer& l);
    void lower_dequantize(ir_layer& l);
    void check_totals() const;

    const tfl_model& m_;
    model_ir ir_;
    std::map<int, int> graph_index_;  // .tflite tensor -> graph tensor
    int k_ = -1;                      // operator being lowered; -1 outside operators
    std::string name_;
};

std::string dims_text(const dims64& dims);  // "1x4x4x3", like shape_text

}  // namespace ctnn_convert
