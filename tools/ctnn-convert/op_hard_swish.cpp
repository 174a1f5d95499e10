// HARD_SWISH: int8 in, int8 out (x * relu6(x + 3) / 6), same shape; each tensor keeps its own
// quantization, within the scale rules of TFLite's Prepare (kernels/reference/hard_swish_s8.hpp).
#include <ctnn/kernels/portable/lut_s8.hpp>
#include <ctnn/kernels/reference/hard_swish_s8.hpp>

#include <ctnn/layers/hard_swish.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

// schema.fbs: BuiltinOperator HARD_SWISH, and its options table HardSwishOptions (no fields),
// which TFLite's converter writes and a hand-made model may leave out.
constexpr int hard_swish_builtin = 117;
constexpr int hard_swish_options = 91;

void lower_hard_swish(lowering& x, ir_layer& l) {
    const int in = x.layer_input(l, 1, 1);
    const int options = x.op().options.type;
    if (options != tfl::options::none && options != hard_swish_options) {
        x.op_fail("builtin options are " + tfl::options_name(options) + "; expected HardSwishOptions");
    }
    const ir_tensor input = x.graph_tensor(in);
    const ir_tensor& out = x.same_shape_output(in);
    const float s_in = input.q.scale, s_out = out.q.scale;
    if (!ctnn::kernels::hard_swish_output_multiplier_in_range(s_in, s_out)) {
        x.op_fail("output scale " + float_text(s_out) + " (" + x.tensor_label(out.tflite_index) + ") is too small for input scale " +
                  float_text(s_in) + " (" + x.tensor_label(input.tflite_index) + "): (input scale / 128) / output scale = " +
                  real_text(ctnn::kernels::hard_swish_output_real(s_in, s_out)) + "; TFLite needs it below 1");
    }
    if (!ctnn::kernels::hard_swish_reluish_multiplier_in_range(s_in)) {
        x.op_fail("input scale " + float_text(s_in) + " (" + x.tensor_label(input.tflite_index) + ") is too large: (input scale / 128) / (3 / 32768) = " +
                  real_text(ctnn::kernels::hard_swish_reluish_real(s_in)) + "; ctnn needs it below 2^30 (a left shift of at most " +
                  std::to_string(ctnn::max_multiplier_shift) + " bits)");
    }
}

}  // namespace

extern const operator_entry hard_swish_operator;  // external linkage: operators.cpp lists it
const operator_entry hard_swish_operator{
    .builtin = hard_swish_builtin, .name = "HARD_SWISH", .lower = lower_hard_swish,
    .layer_type = [](const model_ir&, const ir_layer&, std::size_t node) { return "ctnn::layers::hard_swish<" + q_name(node) + ">"; },
    .traits = ctnn::layers::hard_swish_traits,
    .table_bytes = sizeof(ctnn::kernels::lut_s8_table),  // the layer keeps its 256-entry table in flash
};

}  // namespace ctnn_convert
