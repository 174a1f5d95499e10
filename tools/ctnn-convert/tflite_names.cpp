// Human-readable names of schema enum values, for error messages and the summary.
#include <array>
#include <string_view>

#include "tflite_schema.hpp"

namespace ctnn_convert::tfl {

namespace {

// BuiltinOperator 0..161 in schema order.
constexpr std::array<std::string_view, 162> operator_names = {
    "ADD", "AVERAGE_POOL_2D", "CONCATENATION", "CONV_2D", "DEPTHWISE_CONV_2D", "DEPTH_TO_SPACE", "DEQUANTIZE",
    "EMBEDDING_LOOKUP", "FLOOR", "FULLY_CONNECTED", "HASHTABLE_LOOKUP", "L2_NORMALIZATION", "L2_POOL_2D",
    "LOCAL_RESPONSE_NORMALIZATION", "LOGISTIC", "LSH_PROJECTION", "LSTM", "MAX_POOL_2D", "MUL", "RELU",
    "RELU_N1_TO_1", "RELU6", "RESHAPE", "RESIZE_BILINEAR", "RNN", "SOFTMAX", "SPACE_TO_DEPTH", "SVDF", "TANH",
    "CONCAT_EMBEDDINGS", "SKIP_GRAM", "CALL", "CUSTOM", "EMBEDDING_LOOKUP_SPARSE", "PAD",
    "UNIDIRECTIONAL_SEQUENCE_RNN", "GATHER", "BATCH_TO_SPACE_ND", "SPACE_TO_BATCH_ND", "TRANSPOSE", "MEAN",
    "SUB", "DIV", "SQUEEZE", "UNIDIRECTIONAL_SEQUENCE_LSTM", "STRIDED_SLICE", "BIDIRECTIONAL_SEQUENCE_RNN",
    "EXP", "TOPK_V2", "SPLIT", "LOG_SOFTMAX", "DELEGATE", "BIDIRECTIONAL_SEQUENCE_LSTM", "CAST", "PRELU",
    "MAXIMUM", "ARG_MAX", "MINIMUM", "LESS", "NEG", "PADV2", "GREATER", "GREATER_EQUAL", "LESS_EQUAL", "SELECT",
    "SLICE", "SIN", "TRANSPOSE_CONV", "SPARSE_TO_DENSE", "TILE", "EXPAND_DIMS", "EQUAL", "NOT_EQUAL", "LOG",
    "SUM", "SQRT", "RSQRT", "SHAPE", "POW", "ARG_MIN", "FAKE_QUANT", "REDUCE_PROD", "REDUCE_MAX", "PACK",
    "LOGICAL_OR", "ONE_HOT", "LOGICAL_AND", "LOGICAL_NOT", "UNPACK", "REDUCE_MIN", "FLOOR_DIV", "REDUCE_ANY",
    "SQUARE", "ZEROS_LIKE", "FILL", "FLOOR_MOD", "RANGE", "RESIZE_NEAREST_NEIGHBOR", "LEAKY_RELU",
    "SQUARED_DIFFERENCE", "MIRROR_PAD", "ABS", "SPLIT_V", "UNIQUE", "CEIL", "REVERSE_V2", "ADD_N", "GATHER_ND",
    "COS", "WHERE", "RANK", "ELU", "REVERSE_SEQUENCE", "MATRIX_DIAG", "QUANTIZE", "MATRIX_SET_DIAG", "ROUND",
    "HARD_SWISH", "IF", "WHILE", "NON_MAX_SUPPRESSION_V4", "NON_MAX_SUPPRESSION_V5", "SCATTER_ND", "SELECT_V2",
    "DENSIFY", "SEGMENT_SUM", "BATCH_MATMUL", "PLACEHOLDER_FOR_GREATER_OP_CODES", "CUMSUM", "CALL_ONCE",
    "BROADCAST_TO", "RFFT2D", "CONV_3D", "IMAG", "REAL", "COMPLEX_ABS", "HASHTABLE", "HASHTABLE_FIND",
    "HASHTABLE_IMPORT", "HASHTABLE_SIZE", "REDUCE_ALL", "CONV_3D_TRANSPOSE", "VAR_HANDLE", "READ_VARIABLE",
    "ASSIGN_VARIABLE", "BROADCAST_ARGS", "RANDOM_STANDARD_NORMAL", "BUCKETIZE", "RANDOM_UNIFORM", "MULTINOMIAL",
    "GELU", "DYNAMIC_UPDATE_SLICE", "RELU_0_TO_1", "UNSORTED_SEGMENT_PROD", "UNSORTED_SEGMENT_MAX",
    "UNSORTED_SEGMENT_SUM", "ATAN2", "UNSORTED_SEGMENT_MIN", "SIGN", "BITCAST", "BITWISE_XOR", "RIGHT_SHIFT",
};

}  // namespace

std::string operator_name(int builtin_code) {
    if (builtin_code >= 0 && static_cast<std::size_t>(builtin_code) < operator_names.size()) {
        return std::string(operator_names[static_cast<std::size_t>(builtin_code)]);
    }
    return "BUILTIN_" + std::to_string(builtin_code);
}

std::string tensor_type_name(int type) {
    static constexpr std::array<std::string_view, 18> names = {
        "float32", "float16", "int32", "uint8", "int64", "string", "bool", "int16", "complex64",
        "int8", "float64", "complex128", "uint64", "resource", "variant", "uint32", "uint16", "int4"};
    if (type >= 0 && static_cast<std::size_t>(type) < names.size()) return std::string(names[static_cast<std::size_t>(type)]);
    return "type " + std::to_string(type);
}

int tensor_type_bytes(int type) {
    switch (static_cast<tensor_type>(type)) {
        case tensor_type::float32: return 4;
        case tensor_type::float16: return 2;
        case tensor_type::int32: return 4;
        case tensor_type::uint8: return 1;
        case tensor_type::int64: return 8;
        case tensor_type::boolean: return 1;
        case tensor_type::int16: return 2;
        case tensor_type::int8: return 1;
        case tensor_type::float64: return 8;
        default: return 0;
    }
}

std::string options_name(int type) {
    switch (type) {
        case options::none: return "none";
        case options::conv2d: return "Conv2DOptions";
        case options::depthwise_conv2d: return "DepthwiseConv2DOptions";
        case options::pool2d: return "Pool2DOptions";
        case options::fully_connected: return "FullyConnectedOptions";
        case options::svdf: return "SVDFOptions";
        case options::softmax: return "SoftmaxOptions";
        case options::add: return "AddOptions";
        case options::reshape: return "ReshapeOptions";
        case options::pad: return "PadOptions";
        case options::reducer: return "ReducerOptions";
        case options::l2_norm: return "L2NormOptions";
        case options::log_softmax: return "LogSoftmaxOptions";
        case options::leaky_relu: return "LeakyReluOptions";
        case options::abs: return "AbsOptions";
        case options::dequantize: return "DequantizeOptions";
        case options::quantize: return "QuantizeOptions";
        case options::resize_bilinear: return "ResizeBilinearOptions";
        case options::space_to_depth: return "SpaceToDepthOptions";
        case options::batch_to_space_nd: return "BatchToSpaceNDOptions";
        case options::space_to_batch_nd: return "SpaceToBatchNDOptions";
        case options::resize_nearest_neighbor: return "ResizeNearestNeighborOptions";
        case options::depth_to_space: return "DepthToSpaceOptions";
        case options::concatenation: return "ConcatenationOptions";
        case options::pack: return "PackOptions";
        case options::unpack: return "UnpackOptions";
        case options::split: return "SplitOptions";
        case options::split_v: return "SplitVOptions";
        case options::gather: return "GatherOptions";
        case options::squeeze: return "SqueezeOptions";
        case options::strided_slice: return "StridedSliceOptions";
        case options::padv2: return "PadV2Options";
        case options::slice: return "SliceOptions";
        case options::expand_dims: return "ExpandDimsOptions";
        case options::mirror_pad: return "MirrorPadOptions";
        case options::broadcast_to: return "BroadcastToOptions";
        case options::arg_max: return "ArgMaxOptions";
        case options::arg_min: return "ArgMinOptions";
        case 21: return "MulOptions";
        case 28: return "SubOptions";
        case 39: return "MaximumMinimumOptions";
        case 76: return "SquaredDifferenceOptions";
        case options::transpose_conv: return "TransposeConvOptions";
        case options::batch_matmul: return "BatchMatMulOptions";
        case options::unidirectional_sequence_lstm: return "UnidirectionalSequenceLSTMOptions";
        default: return "options type " + std::to_string(type);
    }
}

std::string activation_name(int value) {
    static constexpr std::array<std::string_view, 6> names = {"NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT"};
    if (value >= 0 && static_cast<std::size_t>(value) < names.size()) return std::string(names[static_cast<std::size_t>(value)]);
    return "activation " + std::to_string(value);
}

}  // namespace ctnn_convert::tfl
