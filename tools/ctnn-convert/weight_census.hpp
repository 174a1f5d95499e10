// What each weighted layer's weights would store in each of the library's weight forms
// (include/ctnn/kernels/weight_forms/): dense int8, sparse (non-zeros with byte steps) and
// 4-bit codes, counted with the library's own census functions so that the figures are the
// ones a build links, and the form ctnn::with_sparsity<M, ctnn::sparsity::force> takes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "model_ir.hpp"

namespace ctnn_convert {

struct weight_census {
    int channels = 0, taps = 0;  // the forms' channels (output channels; BATCH_MATMUL: output columns) and the weights of each
    std::size_t weights = 0, zeros = 0;  // a zero: the weights' zero point (0 but for BATCH_MATMUL's rhs)
    int max_distinct = 0, tensor_distinct = 0;  // distinct values: the most in a channel, and in the tensor
    // 4-bit codes: "int4" (every weight in [-8, 7]: its own code), "per-tensor" or "per-channel"
    // (indices into a 16-value table of the tensor's or each channel's), "no" (a channel has over 16).
    const char* four_bit = "no";
    std::size_t dense_bytes = 0, sparse_bytes = 0;
    std::size_t bitmap_bytes = 0;  // a mask bit a weight (bytes a channel) and a byte a non-zero
    std::optional<std::size_t> four_bit_bytes;  // none when a channel has more than 16 values
    // The form `force` takes (weight_forms/form_choice.hpp): "dense", "sparse", "nibbles" or "bitmap";
    // empty for layers without weight forms (16x8, TRANSPOSE_CONV, BATCH_MATMUL).
    std::string force;
};

// The census of layer `l`, when it has constant weights (CONV_2D, DEPTHWISE_CONV_2D,
// FULLY_CONNECTED, TRANSPOSE_CONV, BATCH_MATMUL with a constant rhs).
std::optional<weight_census> census_of_layer(const model_ir& m, const ir_layer& l);

}  // namespace ctnn_convert
