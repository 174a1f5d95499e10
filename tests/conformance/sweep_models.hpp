// Random single-operator models for the conformance sweep (tests/data/conformance/README.md).
//
// Each generator draws one model of its operator from a seeded random stream: shapes with
// size-1 and odd dimensions, strides, dilations, paddings, depth multipliers, activations,
// per-tensor and per-channel weight scales, activation scales from 2^-12 to 2^2 and zero points
// at the int8 extremes. Every draw is a model TFLite accepts and ctnn claims to support; the
// reference outputs come from TFLM (tools: ../shared/tools/tflm-ref, see regenerate.sh).
// The generators live by operator family: sweep_weighted.hpp (convolutions, fully connected,
// pools), sweep_shape_ops.hpp (pad, reshape, mean), sweep_elementwise.hpp (add, softmax,
// quantize, dequantize, hard_swish), sweep_spatial.hpp (depth, space and batch moves, resizes);
// quantize, dequantize, hard_swish), sweep_activations.hpp (the activations and unary math);
// sweep_reduce.hpp (requantize, dequantize_uint8, sum, reduce_max, reduce_min, arg_max, arg_min);
// sweep_binary.hpp (the broadcasting binary operators); sweep_random.hpp has the stream and
// the shared draws.
#pragma once

#include "sweep_activations.hpp"
#include "sweep_binary.hpp"
#include "sweep_elementwise.hpp"
#include "sweep_eltw16.hpp"
#include "sweep_graphs.hpp"
#include "sweep_int16_movement.hpp"
#include "sweep_logistic16.hpp"
#include "sweep_matmul.hpp"
#include "sweep_movement.hpp"
#include "sweep_random.hpp"
#include "sweep_recurrent.hpp"
#include "sweep_reduce.hpp"
#include "sweep_shape_ops.hpp"
#include "sweep_spatial.hpp"
#include "sweep_svdf.hpp"
#include "sweep_transpose.hpp"
#include "sweep_weighted.hpp"
#include "sweep_weighted16.hpp"
#include "sweep_weighted_wide.hpp"

namespace sweep {

// Fixed models added to an operator's random ones, each for a discrepancy found once or for a
// corner of TFLite's arithmetic that random draws reach too rarely.
struct regression {
    const char* op;
    const char* stem;
    drawn_model (*draw)(rng&);
    int records;
};
inline constexpr regression regressions[] = {
    {"mean", "r_issue17", mean_equal_quantization, 8},
    {"hard_swish", "r_pot16", hard_swish_pot16, 8},
    {"resize_bilinear", "r_upscale", resize_bilinear_upscale, 8},
    {"tanh", "r_radius0", tanh_radius0, 8},
    {"tanh", "r_radius1", tanh_radius1, 8},
    {"logistic", "r_shift0", logistic_shift0, 8},
    {"mul", "r_scalar_constant", mul_by_scalar_constant, 4},
    {"prelu", "r_keras_alpha", prelu_keras_alpha, 4},
    {"add_broadcast", "r_rank6", [](rng&) { return rank6(ADD); }, 4},
    {"mul", "r_rank6", [](rng&) { return rank6(binary::MUL); }, 4},
    {"svdf", "r_wrap", svdf_wrap, 8},
    {"fully_connected_16x8", "r_wide_sums", fully_connected_16x8_wide_sums, 4},
    {"conv_2d_16x8", "r_wide_sums", conv_2d_16x8_wide_sums, 4},
    {"tanh_int16", "r_pot11", tanh_int16_pot11, 8},
};

// The operators of the sweep, by the directory name of their test data. `slot` fixes the
// operator's seeds (model NN: base seed + 1000 * slot + NN), so an entry's place in the list
// does not change its models; every entry has a slot of its own.
struct generator {
    const char* name;
    drawn_model (*draw)(rng&);
    int slot;
};
inline constexpr generator generators[] = {
    {"conv_2d", conv_2d, 0},
    {"depthwise_conv_2d", depthwise_conv_2d, 1},
    {"fully_connected", fully_connected, 2},
    {"average_pool_2d", [](rng& r) { return pool_2d(r, AVERAGE_POOL_2D); }, 3},
    {"max_pool_2d", [](rng& r) { return pool_2d(r, MAX_POOL_2D); }, 4},
    {"add", add, 5},
    {"pad", pad, 6},
    {"reshape", reshape, 7},
    {"softmax", softmax, 8},
    {"mean", mean, 9},
    {"quantize", quantize, 10},
    {"dequantize", dequantize, 11},
    {"hard_swish", hard_swish, 12},
    // Weighted operators beyond sweep_weighted.hpp (sweep_matmul.hpp, sweep_weighted_wide.hpp): slots 500-519.
    {"transpose_conv", transpose_conv, 500},
    {"batch_matmul", batch_matmul, 501},
    {"depthwise_conv_2d_wide", depthwise_conv_2d_wide, 502},
    {"conv_2d_dilated", conv_2d_dilated, 503},
    {"fully_connected_ranks", fully_connected_ranks, 504},
    // Graph features and the operators that join tensors (sweep_graphs.hpp): slots 800-809.
    {"concatenation", concatenation, 800},
    {"pack", pack, 801},
    {"graphs", graphs, 802},
    {"split", split, 803},
    {"split_v", split_v, 804},
    {"unpack", unpack, 805},
    {"depth_to_space", [](rng& r) { return depth_space(r, true); }, 700},
    {"space_to_depth", [](rng& r) { return depth_space(r, false); }, 701},
    {"space_to_batch_nd", [](rng& r) { return batch_space(r, true); }, 702},
    {"batch_to_space_nd", [](rng& r) { return batch_space(r, false); }, 703},
    {"resize_nearest_neighbor", [](rng& r) { return resize(r, false); }, 704},
    {"resize_bilinear", [](rng& r) { return resize(r, true); }, 705},
    // Data movement I (sweep_movement.hpp): slots 200-219.
    {"strided_slice", strided_slice, 200},
    {"slice", slice, 201},
    {"squeeze", squeeze, 202},
    {"expand_dims", expand_dims, 203},
    {"gather", gather, 204},
    {"broadcast_to", broadcast_to, 205},
    {"padv2", padv2, 206},
    {"mirror_pad", mirror_pad, 207},
    {"relu", relu, 100},
    {"relu6", relu6, 101},
    {"leaky_relu", leaky_relu, 102},
    {"elu", elu, 103},
    {"logistic", logistic, 104},
    {"tanh", tanh_op, 105},
    {"abs", abs_op, 106},
    {"rsqrt", rsqrt, 107},
    {"log_softmax", log_softmax, 108},
    {"l2_normalization", l2_normalization, 109},
    // Type edges and reductions (sweep_reduce.hpp): slots 400-419.
    {"requantize", requantize, 400},
    {"dequantize_uint8", dequantize_uint8, 401},
    {"sum", [](rng& r) { return reduction(r, SUM); }, 402},
    {"reduce_max", [](rng& r) { return reduction(r, REDUCE_MAX); }, 403},
    {"reduce_min", [](rng& r) { return reduction(r, REDUCE_MIN); }, 404},
    {"arg_max", [](rng& r) { return arg_reduction(r, true); }, 405},
    {"arg_min", [](rng& r) { return arg_reduction(r, false); }, 406},
    // Element-wise binary operators with broadcasting (sweep_binary.hpp): slots 300-319.
    {"add_broadcast", [](rng& r) { return binary_op(r, ADD); }, 300},
    {"sub", [](rng& r) { return binary_op(r, binary::SUB); }, 301},
    {"mul", [](rng& r) { return binary_op(r, binary::MUL); }, 302},
    {"squared_difference", [](rng& r) { return binary_op(r, binary::SQUARED_DIFFERENCE); }, 303},
    {"maximum", [](rng& r) { return binary_op(r, binary::MAXIMUM); }, 304},
    {"minimum", [](rng& r) { return binary_op(r, binary::MINIMUM); }, 305},
    {"prelu", [](rng& r) { return binary_op(r, binary::PRELU); }, 306},
    // TRANSPOSE (sweep_transpose.hpp): slots 600-609.
    {"transpose", transpose, 600},
    // int16 (16x8 mode) element-wise operators (sweep_eltw16.hpp): slots 1100-1119.
    {"add_int16", [](rng& r) { return binary_int16(r, ADD); }, 1100},
    {"sub_int16", [](rng& r) { return binary_int16(r, binary::SUB); }, 1101},
    {"mul_int16", [](rng& r) { return binary_int16(r, binary::MUL); }, 1102},
    {"relu_int16", [](rng& r) { return unary_int16(r, RELU_OP); }, 1103},
    {"relu6_int16", [](rng& r) { return unary_int16(r, RELU6_OP); }, 1104},
    {"leaky_relu_int16", [](rng& r) { return unary_int16(r, LEAKY_RELU); }, 1105},
    {"softmax_int16", softmax_int16, 1106},
    // SVDF (sweep_svdf.hpp): slots 1300-1309.
    {"svdf", svdf, 1300},
    // int16 pooling, data movement and type conversion (sweep_int16_movement.hpp): slots 1200-1219.
    {"average_pool_2d_int16", [](rng& r) { return with_int16_activations(pool_2d(r, AVERAGE_POOL_2D)); }, 1200},
    {"max_pool_2d_int16", [](rng& r) { return with_int16_activations(pool_2d(r, MAX_POOL_2D)); }, 1201},
    {"pad_int16", [](rng& r) { return with_int16_activations(pad(r)); }, 1202},
    {"padv2_int16", [](rng& r) { return with_int16_activations(padv2(r)); }, 1203},
    {"strided_slice_int16", [](rng& r) { return with_int16_activations(strided_slice(r)); }, 1204},
    {"slice_int16", [](rng& r) { return with_int16_activations(slice(r)); }, 1205},
    {"concatenation_int16", [](rng& r) { return with_int16_activations(concatenation(r)); }, 1206},
    {"pack_int16", [](rng& r) { return with_int16_activations(pack(r)); }, 1207},
    {"reshape_int16", [](rng& r) { return with_int16_activations(reshape(r)); }, 1208},
    {"squeeze_int16", [](rng& r) { return with_int16_activations(squeeze(r)); }, 1209},
    {"expand_dims_int16", [](rng& r) { return with_int16_activations(expand_dims(r)); }, 1210},
    {"transpose_int16", [](rng& r) { return with_int16_activations(transpose(r)); }, 1211},
    {"mean_int16", [](rng& r) { return with_int16_activations(mean(r)); }, 1212},
    {"split_int16", [](rng& r) { return with_int16_activations(split(r)); }, 1213},
    {"split_v_int16", [](rng& r) { return with_int16_activations(split_v(r)); }, 1214},
    {"unpack_int16", [](rng& r) { return with_int16_activations(unpack(r)); }, 1215},
    {"quantize_int16", quantize_int16, 1216},
    {"dequantize_int16", dequantize_int16, 1217},
    // The 16x8 weighted operators (sweep_weighted16.hpp): slots 1000-1019.
    {"conv_2d_16x8", [](rng& r) { return conv_2d_16x8(r, false); }, 1000},
    {"depthwise_conv_2d_16x8", [](rng& r) { return conv_2d_16x8(r, true); }, 1001},
    {"fully_connected_16x8", fully_connected_16x8, 1002},
    {"transpose_conv_16x8", transpose_conv_16x8, 1003},
    // UNIDIRECTIONAL_SEQUENCE_LSTM (sweep_recurrent.hpp): slots 1400-1409.
    {"unidirectional_sequence_lstm", lstm, 1400},
    {"unidirectional_sequence_lstm_int16", lstm_int16, 1401},
    // int16 LOGISTIC and TANH (sweep_logistic16.hpp): slots 1110-1115.
    {"logistic_int16", [](rng& r) { return sigmoid_int16(r, LOGISTIC); }, 1110},
    {"tanh_int16", [](rng& r) { return sigmoid_int16(r, TANH_OP); }, 1111},
};

}  // namespace sweep
