// The converter's model: what the emitted header says, already checked against what ctnn
// supports. Graph tensor 0 is the first model input; layer k produces graph tensor k + 1. A
// layer may be a source (its entry's kind): a further model input, or a constant operand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctnn_convert {

struct operator_entry;  // operators.hpp: what each layer's operator emits and costs

// A tensor's element type: int8, uint8 and int16 are quantized (scale, zero point; int16's is
// 0), float32, int32 and int64 plain (float edges; ARG_MAX's int32 indices; shape operands).
enum class element { int8, float32, uint8, int32, int16, int64 };
const char* element_name(element e);     // "int8", "float32", "uint8", "int32", "int16", "int64"
std::size_t element_bytes(element e);    // 1, 2, 4 or 8
bool is_quantized(element e);            // int8, uint8, int16

enum class activation { none, relu, relu6, relu_n1_to_1 };

struct quantization {
    float scale = 0.0f;
    std::int32_t zero_point = 0;
    friend bool operator==(const quantization&, const quantization&) = default;
};

struct ir_tensor {
    std::string name;         // the .tflite tensor name, for comments
    int tflite_index = -1;
    std::vector<int> shape;
    element type = element::int8;
    quantization q;  // meaningful for quantized types only (int8, uint8, int16)
    // A model input whose values the static shapes fix (an output shape TFLite lets a model take
    // as input): emitted as ctnn::fixed_input, which invoke() checks. Empty for the rest.
    std::vector<std::int32_t> fixed_values;

    std::size_t elements() const;
    std::size_t bytes() const { return elements() * element_bytes(type); }
};

// Weights of a conv / depthwise / fully connected layer, in TFLite's layout.
struct ir_params {
    std::vector<int> weight_shape;  // OHWI, 1HWO or [O, I]
    std::vector<std::int8_t> weights;
    bool int4 = false;                 // the .tflite packs them as INT4: unpacked here, each in [-8, 7]
    std::vector<float> weight_scales;  // one per output channel, or exactly one
    std::vector<std::int32_t> bias;    // one per output channel; zeros when the model has none
    // A 16x8 layer's int64 bias (then `bias` is empty): its type picks TFLite's int64 accumulator.
    std::vector<std::int64_t> bias64;
    bool int64_bias() const { return !bias64.empty(); }
    std::size_t bias_bytes() const { return int64_bias() ? sizeof(std::int64_t) : sizeof(std::int32_t); }
    std::int64_t bias_at(std::size_t c) const { return int64_bias() ? bias64[c] : bias[c]; }
    int output_channels() const { return static_cast<int>(int64_bias() ? bias64.size() : bias.size()); }
};

// SVDF's constants (op_svdf.cpp): feature weights [F, I], time weights [F, M] (int16, or int8
// values held widened), bias [U], their scales, and the state's quantization.
struct ir_svdf {
    int rank = 1;
    std::vector<int> feature_shape, time_shape;
    std::vector<std::int8_t> weights_feature;
    std::vector<std::int16_t> weights_time;
    element state_type = element::int16;  // and the time weights'
    float feature_scale = 0, time_scale = 0, bias_scale = 0;
    std::vector<std::int32_t> bias;
    quantization state_q;
};

// UNIDIRECTIONAL_SEQUENCE_LSTM: the gates' constants (TFLite's input, forget, cell, output
// order) and the quantization of its two variables (the layer's state).
struct ir_lstm {
    int units = 0, input_size = 0;
    bool time_major = false;
    float cell_clip = 0.0f;
    quantization hidden;    // output_state (int8)
    float cell_scale = 0;   // cell_state (int16, symmetric)
    std::vector<float> input_weight_scales, recurrent_weight_scales;  // 4 each
    std::vector<std::int8_t> input_weights, recurrent_weights;        // 4 x [units, input] and 4 x [units, units]
    std::vector<std::int64_t> bias;                                   // 4 x [units]: int32 values, int64 with int16 activations
    bool int16 = false;                                               // int16 activations (16x8): int16 input, output and output_state
};

struct ir_layer {
    const operator_entry* entry = nullptr;  // set by the lowering from the operator table; never null after it
    int op_index = 0;     // index of the operator in the .tflite subgraph
    std::string op_name;  // its TFLite name, e.g. CONV_2D
    std::vector<int> inputs;  // graph tensor indices
    std::optional<ir_params> params;
    int stride_h = 1, stride_w = 1;
    int dilation_h = 1, dilation_w = 1;
    int filter_h = 0, filter_w = 0;  // pools
    bool same_padding = false;
    activation act = activation::none;
    bool keep_dims = false;         // FULLY_CONNECTED, MEAN
    float beta = 1.0f;              // SOFTMAX
    float alpha = 0.0f;             // LEAKY_RELU
    std::vector<int> paddings;      // PAD: before0, after0, before1, after1, ...
    std::size_t table_bytes = 0;    // flash of a compile-time table: the entry's, or what the lowering found (QUANTIZE)
    std::vector<int> axes;          // MEAN, SUM, REDUCE_MAX/MIN: the reduced axes, ascending, each once; ARG_MAX/MIN: the one axis
    int axis = 0;                   // CONCATENATION, PACK, SPLIT, GATHER: in [0, rank)
    int part_begin = 0, part_size = 0;  // SPLIT, SPLIT_V, UNPACK: this output's part of the axis
    bool drop_axis = false;             // UNPACK: the axis is not in the output
    bool view = false;                  // the layer is a view of its input at view_offset (split_part)
    bool joins = false;                 // CONCATENATION, PACK: one run per input (plan/lifetimes.hpp)
    std::size_t view_offset = 0;
    std::size_t state_bytes = 0;                // a stateful layer (LSTM, SVDF): its variables' bytes (graph/layer_state.hpp)
    std::optional<ir_lstm> lstm;                // UNIDIRECTIONAL_SEQUENCE_LSTM
    std::vector<std::uint8_t> constant_values;  // a constant source: the tensor's raw bytes
    element constant_element = element::int8;   // ... and their type (int8 or int16)
    std::string custom_layer;                   // a user layer (custom_ops.hpp): its C++ template
    std::string custom_code;                    // ... the operator's custom code or builtin name
    std::vector<std::uint8_t> custom_options;   // ... and its raw custom options
    std::string custom_output_type, custom_output_quant;  // ... and its output's type
    // DEPTH_TO_SPACE, SPACE_TO_DEPTH: {block_size}; SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND: the block
    // per spatial dimension (their paddings or crops in `paddings`).
    std::vector<int> block;
    bool align_corners = false, half_pixel_centers = false;  // RESIZE_*: the size is the output's H and W
    // Data movement (op_strided_slice.cpp, op_gather.cpp, op_mirror_pad.cpp, op_pad.cpp).
    std::vector<int> slice_begin, slice_size, slice_strides;  // STRIDED_SLICE, SLICE: canonical, per input dimension
    std::vector<int> indices;                                 // GATHER, flat
    int pad_value = 0;                                        // PADV2: the int8 or int16 fill
    bool mirror_symmetric = false;                            // MIRROR_PAD: SYMMETRIC, else REFLECT
    std::vector<int> perm;          // TRANSPOSE: output dimension i is input dimension perm[i]
    bool adj_x = false, adj_y = false;  // BATCH_MATMUL
    std::vector<int> rhs_shape;     // BATCH_MATMUL with a constant right-hand side
    std::vector<std::int8_t> rhs;
    quantization rhs_q;
    std::optional<ir_svdf> svdf;  // SVDF
    quantization int32_q;  // QUANTIZE with an int32 side: the scale and zero point its values carry
};

struct model_ir {
    std::vector<ir_tensor> tensors;  // tensors.size() == layers.size() + 1
    std::vector<ir_layer> layers;
    std::vector<int> inputs;   // graph tensors, in the model's input order (inputs[0] == 0)
    std::vector<int> outputs;  // graph tensors, in the model's output order
    std::vector<std::string> includes;  // headers of user layers (custom_ops.hpp)

    const ir_tensor& output_of(std::size_t layer) const { return tensors[layer + 1]; }
};

}  // namespace ctnn_convert
