// The parts of the TensorFlow Lite schema (tensorflow/lite/schema/schema.fbs, version 3) that
// the converter reads: field ids of the tables, and enum values. Field ids count union fields
// twice (their type byte comes first), as the FlatBuffers compiler does.
#pragma once

#include <cstdint>
#include <string>

namespace ctnn_convert::tfl {

inline constexpr const char* file_identifier = "TFL3";
inline constexpr std::uint32_t schema_version = 3;

namespace model_field { enum : int { version = 0, operator_codes = 1, subgraphs = 2, description = 3, buffers = 4 }; }
namespace operator_code_field { enum : int { deprecated_builtin_code = 0, custom_code = 1, version = 2, builtin_code = 3 }; }
namespace subgraph_field { enum : int { tensors = 0, inputs = 1, outputs = 2, operators = 3, name = 4 }; }
namespace buffer_field { enum : int { data = 0, offset = 1, size = 2 }; }
namespace tensor_field {
enum : int { shape = 0, type = 1, buffer = 2, name = 3, quantization = 4, is_variable = 5, sparsity = 6, shape_signature = 7 };
}
namespace quantization_field {
enum : int { min = 0, max = 1, scale = 2, zero_point = 3, details_type = 4, details = 5, quantized_dimension = 6 };
}
namespace operator_field {
enum : int {
    opcode_index = 0, inputs = 1, outputs = 2, builtin_options_type = 3, builtin_options = 4, custom_options = 5,
    intermediates = 8, builtin_options_2_type = 11
};
}

// Options tables: the scalar fields are laid out in tflite_reader.cpp (options_layouts), in
// schema order; ReshapeOptions' vector is read on its own.
namespace reshape_options { enum : int { new_shape = 0 }; }
namespace squeeze_options { enum : int { squeeze_dims = 0 }; }

enum class tensor_type : std::int8_t {
    float32 = 0, float16 = 1, int32 = 2, uint8 = 3, int64 = 4, string = 5, boolean = 6, int16 = 7, complex64 = 8,
    int8 = 9, float64 = 10, int4 = 17
};
std::string tensor_type_name(int type);
int tensor_type_bytes(int type);  // 0 when not a fixed-size numeric type

// BuiltinOperator values of the operators ctnn runs; other codes only get a name.
namespace op {
enum : int {
    add = 0, average_pool_2d = 1, concatenation = 2, conv_2d = 3, depthwise_conv_2d = 4, dequantize = 6, fully_connected = 9,
    max_pool_2d = 17, reshape = 22, softmax = 25, custom = 32, pad = 34, mean = 40, split = 49, pack = 83, unpack = 88, split_v = 102, quantize = 114,
    placeholder_for_greater_op_codes = 127,
    gather = 36, squeeze = 43, strided_slice = 45, padv2 = 60, slice = 65, expand_dims = 70, mirror_pad = 100, broadcast_to = 130,
    transpose_conv = 67, batch_matmul = 126
};
}
// The reductions and arg reductions (their own line, so that other operators' lines stay apart).
namespace op { enum : int { arg_max = 56, sum = 74, arg_min = 79, reduce_max = 82, reduce_min = 89 }; }
namespace op { enum : int { svdf = 27, unidirectional_sequence_lstm = 44 }; }  // the recurrent operators
std::string operator_name(int builtin_code);

// BuiltinOptions union members: their type byte in Operator.builtin_options_type.
namespace options {
enum : int {
    none = 0, conv2d = 1, depthwise_conv2d = 2, pool2d = 5, fully_connected = 8, softmax = 9, concatenation = 10, add = 11,
    reshape = 17, pad = 22, reducer = 27, split = 35, dequantize = 38, pack = 59, unpack = 64, split_v = 79, quantize = 89,
    resize_bilinear = 15, space_to_depth = 19, batch_to_space_nd = 24, space_to_batch_nd = 25, resize_nearest_neighbor = 74, depth_to_space = 94,
    gather = 23, squeeze = 30, strided_slice = 32, padv2 = 43, slice = 48, expand_dims = 52, mirror_pad = 77, broadcast_to = 104,
    l2_norm = 12, log_softmax = 36, leaky_relu = 75, abs = 78,
    transpose_conv = 49, batch_matmul = 101
};
}
namespace options { enum : int { arg_max = 40, arg_min = 57 }; }
namespace options { enum : int { svdf = 6, unidirectional_sequence_lstm = 71 }; }
std::string options_name(int type);

enum class padding : std::int8_t { same = 0, valid = 1 };
enum class activation : std::int8_t { none = 0, relu = 1, relu_n1_to_1 = 2, relu6 = 3, tanh = 4, sign_bit = 5 };
std::string activation_name(int value);

}  // namespace ctnn_convert::tfl
