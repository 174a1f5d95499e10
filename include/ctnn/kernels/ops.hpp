// The operations kernel sets implement: one tag type each. A layer asks kernels/select.hpp for
// `kernel_for<op::X>`; a set provides X by specialising `kernel<Set, op::X>` (kernel_set.hpp).
// A new operator whose work no existing operation does adds its tag here.
#pragma once

namespace ctnn::kernels::op {

struct conv2d {};
struct depthwise_conv2d {};
struct fully_connected {};
struct average_pool2d {};
struct max_pool2d {};
struct add {};
struct mean {};
struct pad {};
struct transpose {};
struct lut_s8 {};  // any int8 -> int8 function of one value, as a 256-entry table
struct unary_s16 {};  // an int16 -> int16 function of one value, computed (kernels/portable/unary_s16.hpp)
struct softmax {};
struct softmax_s16 {};  // int16 -> int16, TFLM's two 513-entry tables (kernels/portable/softmax_s16.hpp)
struct log_softmax {};
struct l2_normalization {};
struct quantize {};
struct dequantize {};
struct requantize {};  // QUANTIZE between int8, int16 and int32, per value through a multiplier
struct concatenation {};  // and PACK: copies of runs
struct split {};          // one part along an axis (SPLIT, SPLIT_V, UNPACK)
struct depth_to_space {};
struct space_to_depth {};
struct batch_to_space_nd {};
struct space_to_batch_nd {};
struct resize_nearest_neighbor {};
struct resize_bilinear {};
struct strided_copy {};  // STRIDED_SLICE, SLICE, BROADCAST_TO: a strided walk over the input
struct gather {};
struct mirror_pad {};
struct reduce {};      // REDUCE_MAX, REDUCE_MIN
struct arg_reduce {};  // ARG_MAX, ARG_MIN
// Element-wise binary operators with broadcasting (kernels/portable/binary_s8.hpp); ADD of two
// same-shape tensors stays op::add (residual fusion, the x86 VNNI kernel).
struct add_broadcast {};
struct sub {};
struct mul {};
struct squared_difference {};
struct maximum {};
struct minimum {};
struct prelu {};
struct binary_s16 {};  // ADD, SUB, MUL of int16 tensors, with broadcasting (kernels/portable/binary_s16.hpp)
struct transpose_conv2d {};
struct batch_matmul {};
struct svdf {};
// The 16x8 weighted operations: int16 activations, int8 weights, an int32 or int64 bias.
struct conv2d_s16 {};
struct depthwise_conv2d_s16 {};
struct fully_connected_s16 {};
struct transpose_conv2d_s16 {};
struct unidirectional_sequence_lstm {};

}  // namespace ctnn::kernels::op
