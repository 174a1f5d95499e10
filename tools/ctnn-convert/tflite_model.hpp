// A .tflite model as read from the file, before any check of its meaning: subgraph 0's
// tensors and operators, with every index already proven to be in range, buffers copied out,
// and builtin options decoded into one flat struct. lower.cpp turns it into a ctnn graph.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ctnn_convert {

struct tfl_quantization {
    std::vector<float> scale;
    std::vector<std::int64_t> zero_point;
    int quantized_dimension = 0;
    bool has_details = false;  // custom quantization: unsupported
};

struct tfl_tensor {
    std::string name;
    std::vector<std::int32_t> shape;
    std::vector<std::int32_t> shape_signature;  // empty when the file has none
    int type = 0;                               // tfl::tensor_type
    std::uint32_t buffer = 0;                   // 0: no data
    std::optional<tfl_quantization> quantization;
    bool is_variable = false;
    bool is_sparse = false;
};

// All builtin options ctnn reads, with the schema's defaults. Which fields mean anything
// depends on `type` (tfl::options).
struct tfl_options {
    int type = 0;
    int padding = 0;
    int stride_w = 0, stride_h = 0;
    int dilation_w = 1, dilation_h = 1;
    int filter_w = 0, filter_h = 0;
    int depth_multiplier = 0;
    int activation = 0;
    int weights_format = 0;
    bool keep_num_dims = false;
    int quantized_bias_type = 0;
    float beta = 0.0f;
    float alpha = 0.0f;  // LeakyReluOptions
    bool keep_dims = false;
    int axis = 0;                        // CONCATENATION, PACK, UNPACK, GATHER
    int count = 0;                       // PACK values_count, UNPACK num, SPLIT num_splits
    bool adj_x = false, adj_y = false;  // BATCH_MATMUL
    bool has_new_shape = false;          // RESHAPE: ReshapeOptions.new_shape is present
    std::vector<std::int32_t> new_shape;
    int block_size = 0;                                    // DEPTH_TO_SPACE, SPACE_TO_DEPTH
    bool align_corners = false, half_pixel_centers = false;  // RESIZE_BILINEAR, RESIZE_NEAREST_NEIGHBOR
    // Data movement: StridedSliceOptions, GatherOptions, MirrorPadOptions, SqueezeOptions.
    int begin_mask = 0, end_mask = 0, ellipsis_mask = 0, new_axis_mask = 0, shrink_axis_mask = 0;
    bool offset = false;
    int batch_dims = 0;
    int mirror_mode = 0;  // REFLECT 0, SYMMETRIC 1
    std::vector<std::int32_t> squeeze_dims;
    int rank = 0;  // SVDFOptions
    // UnidirectionalSequenceLSTMOptions (activation: fused_activation_function).
    float cell_clip = 0.0f, proj_clip = 0.0f;
    bool time_major = false;
};

struct tfl_operator {
    int builtin_code = 0;
    std::string custom_code;
    std::vector<std::int32_t> inputs;  // -1: optional input left out
    std::vector<std::int32_t> outputs;
    tfl_options options;
    int options_2_type = 0;  // BuiltinOptions2: none are supported
    bool has_custom_options = false;
    std::vector<std::uint8_t> custom_options;  // raw bytes (a user layer receives them)
    bool has_intermediates = false;
    bool folded = false;  // evaluated at conversion time (a TFLM_DECODE, op_decode.hpp): no layer
};

struct tfl_model {
    std::uint32_t version = 0;
    std::size_t subgraph_count = 0;
    std::vector<tfl_tensor> tensors;
    std::vector<std::int32_t> inputs, outputs;
    std::vector<tfl_operator> operators;
    std::vector<std::vector<std::uint8_t>> buffers;
};

// Reads and bounds-checks the file; throws convert_error. Checks structure only: indices in
// range, offsets inside the file. Meaning is lower.cpp's job.
tfl_model read_tflite(std::span<const std::uint8_t> file);

}  // namespace ctnn_convert
