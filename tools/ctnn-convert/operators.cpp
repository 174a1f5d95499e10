// The one list of supported operators. Each entry is defined with its operator's lowering in
// an op_*.cpp file; naming it here is what makes the converter accept the operator.
#include "operators.hpp"

#include <algorithm>

namespace ctnn_convert {

// One declaration and one table block per family, so that families land without touching each
// other's lines.
extern const operator_entry add_operator, average_pool_2d_operator, conv_2d_operator, depthwise_conv_2d_operator, dequantize_operator,
    fully_connected_operator, max_pool_2d_operator, mean_operator, pad_operator, quantize_operator, reshape_operator, softmax_operator,
    hard_swish_operator;
// Graphs: joining and splitting tensors (op_concatenation.cpp, op_split.cpp).
extern const operator_entry concatenation_operator, pack_operator, split_operator, split_v_operator, unpack_operator;
// Spatial rearrangement and resizing (op_depth_space.cpp, op_batch_space.cpp, op_resize.cpp).
extern const operator_entry depth_to_space_operator, space_to_depth_operator, space_to_batch_nd_operator, batch_to_space_nd_operator,
    resize_nearest_neighbor_operator, resize_bilinear_operator;
// Data movement I (op_squeeze.cpp, op_strided_slice.cpp, op_broadcast_to.cpp, op_gather.cpp, op_pad.cpp, op_mirror_pad.cpp).
extern const operator_entry squeeze_operator, expand_dims_operator, strided_slice_operator, slice_operator, broadcast_to_operator, gather_operator,
    padv2_operator, mirror_pad_operator;
// Activations and unary math (op_activations.cpp).
extern const operator_entry relu_operator, relu6_operator, leaky_relu_operator, elu_operator, logistic_operator, tanh_operator,
    abs_operator, rsqrt_operator, log_softmax_operator, l2_normalization_operator;
// Type edges and reductions (op_reduce.cpp).
extern const operator_entry sum_operator, reduce_max_operator, reduce_min_operator, arg_max_operator, arg_min_operator;
// Element-wise binary operators with broadcasting (op_binary.cpp; ADD: op_add.cpp).
extern const operator_entry sub_operator, mul_operator, squared_difference_operator, maximum_operator, minimum_operator, prelu_operator;
// TRANSPOSE (op_transpose.cpp).
extern const operator_entry transpose_operator;
// Weighted, beyond convolutions and fully connected (op_transpose_conv.cpp, op_batch_matmul.cpp).
extern const operator_entry transpose_conv_operator, batch_matmul_operator;
// Recurrent operators (op_svdf.cpp, op_unidirectional_sequence_lstm.cpp).
extern const operator_entry svdf_operator;
extern const operator_entry unidirectional_sequence_lstm_operator;

namespace {

// Addresses of objects with static storage: constant-initialized, so safe to read from any
// translation unit's static initializers.
constexpr const operator_entry* table[] = {
    &add_operator,        &average_pool_2d_operator, &conv_2d_operator, &depthwise_conv_2d_operator,
    &dequantize_operator, &fully_connected_operator, &max_pool_2d_operator, &mean_operator,
    &pad_operator,        &quantize_operator,        &reshape_operator, &softmax_operator,
    &hard_swish_operator,
    // graphs
    &concatenation_operator, &pack_operator, &split_operator, &split_v_operator, &unpack_operator,
    // spatial
    &depth_to_space_operator, &space_to_depth_operator, &space_to_batch_nd_operator, &batch_to_space_nd_operator,
    &resize_nearest_neighbor_operator, &resize_bilinear_operator,
    // data movement I
    &squeeze_operator, &expand_dims_operator, &strided_slice_operator, &slice_operator,
    &broadcast_to_operator, &gather_operator, &padv2_operator, &mirror_pad_operator,
    // activations and unary math
    &relu_operator, &relu6_operator, &leaky_relu_operator, &elu_operator, &logistic_operator, &tanh_operator,
    &abs_operator, &rsqrt_operator, &log_softmax_operator, &l2_normalization_operator,
    // type edges and reductions
    &sum_operator, &reduce_max_operator, &reduce_min_operator, &arg_max_operator, &arg_min_operator,
    // element-wise binary with broadcasting
    &sub_operator, &mul_operator, &squared_difference_operator, &maximum_operator, &minimum_operator, &prelu_operator,
    // transpose
    &transpose_operator,
    // weighted
    &transpose_conv_operator, &batch_matmul_operator,
    // recurrent
    &svdf_operator,
    &unidirectional_sequence_lstm_operator,
};

}  // namespace

std::span<const operator_entry* const> operator_table() { return table; }

const operator_entry* find_operator(int builtin) {
    for (const operator_entry* e : table) {
        if (e->builtin == builtin) return e;
    }
    return nullptr;
}

const std::string& supported_operators_text() {
    static const std::string text = [] {
        std::vector<std::string> names;
        for (const operator_entry* e : table) names.emplace_back(e->name);
        std::sort(names.begin(), names.end());
        std::string s;
        for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
        return s;
    }();
    return text;
}

}  // namespace ctnn_convert
