// TRANSPOSE: a constant int32 permutation [rank] of a tensor of rank 1 to 5 (TFLite Micro's Prepare); the output tensor's
// shape must be the input's, permuted, and its quantization the input's (the bytes are moved).
#include <cstdint>
#include <string>

#include <ctnn/kernels/reference/transpose_s8.hpp>
#include <ctnn/layers/transpose.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

// schema.fbs: BuiltinOperator TRANSPOSE and its options table TransposeOptions (no fields).
constexpr int transpose_builtin = 39;
constexpr int transpose_options = 26;

std::string list_text(const std::vector<int>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}

void lower_transpose(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 2, 2, type);
    const int options = x.op().options.type;
    if (options != tfl::options::none && options != transpose_options) {
        x.op_fail("builtin options are " + tfl::options_name(options) + "; expected TransposeOptions");
    }
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (!ctnn::kernels::tflite_micro_transpose_rank_supported(rank)) {
        x.op_fail("input " + x.tensor_label(input.tflite_index) + " has rank " + std::to_string(rank) + "; TFLite Micro transposes tensors of rank 1 to " +
                  std::to_string(ctnn::kernels::tflite_micro_transpose_max_rank));
    }
    const int perm_index = x.op().inputs[1];
    const auto pshape = x.static_shape(perm_index);
    const auto& data = x.constant_input(1, tensor_type::int32, "permutation");
    if (pshape != std::vector<int>{rank}) {
        x.op_fail("permutation " + x.tensor_label(perm_index) + " has shape " + shape_text(pshape) + "; expected " + std::to_string(rank) +
                  " (one entry per input dimension)");
    }
    std::array<int, ctnn::kernels::transpose_max_rank> perm{};
    for (int i = 0; i < rank; ++i) {
        perm[static_cast<std::size_t>(i)] = x.load_i32(data, static_cast<std::size_t>(i));
        l.perm.push_back(perm[static_cast<std::size_t>(i)]);
    }
    for (int i = 0; i < rank; ++i) {
        if (l.perm[static_cast<std::size_t>(i)] < 0 || l.perm[static_cast<std::size_t>(i)] >= rank) {
            x.op_fail("permutation " + x.tensor_label(perm_index) + " " + list_text(l.perm) + " has entry " + std::to_string(l.perm[static_cast<std::size_t>(i)]) +
                      " at position " + std::to_string(i) + "; entries must be in [0, " + std::to_string(rank) + ")");
        }
    }
    if (!ctnn::kernels::transpose_is_permutation(perm, rank)) {
        x.op_fail("permutation " + x.tensor_label(perm_index) + " " + list_text(l.perm) + " names an input dimension twice; ctnn needs each of 0 .. " +
                  std::to_string(rank - 1) + " exactly once");
    }
    dims64 want;
    for (int i = 0; i < rank; ++i) want.push_back(input.shape[static_cast<std::size_t>(l.perm[static_cast<std::size_t>(i)])]);
    const ir_tensor& out = x.add_output(type);
    x.expect_shape(out, want);
    x.check_same_quantization(input, out);
}

std::string transpose_type(const model_ir&, const ir_layer& l, std::size_t) {
    std::string s = "ctnn::layers::transpose<ctnn::permutation<";
    for (std::size_t i = 0; i < l.perm.size(); ++i) s += (i ? ", " : "") + std::to_string(l.perm[i]);
    return s + ">>";
}

std::string transpose_options_text(const ir_layer& l) { return "perm " + list_text(l.perm); }

}  // namespace

extern const operator_entry transpose_operator;  // external linkage: operators.cpp lists it
const operator_entry transpose_operator{
    .builtin = transpose_builtin, .name = "TRANSPOSE", .lower = lower_transpose, .layer_type = transpose_type,
    .traits = ctnn::layers::transpose_traits, .options_text = transpose_options_text,
};

}  // namespace ctnn_convert
