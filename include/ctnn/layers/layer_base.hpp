// What every bound layer (a layer type applied to its input tensor types) tells the graph.
// Layers derive from `bound_layer_defaults` and override what differs:
//   output          : tensor_type of the result
//   param_bytes     : constant data it keeps in flash
//   macs            : multiply-accumulates per inference
//   in_place_input  : index of an input the output may overwrite when that input dies here
//   aliases_input   : the output is the input's bytes (reshape): no work, no storage
//   widenable_weights : int8 weights that kernel_options::int16_weights stores as int16
//   takes_kernel_options : the graph calls run_with<its kernel_options> instead of run
//   computes_row_ranges : a convolution with run_rows<O>(in, out, y_begin, y_end) and
//                     run_reference_rows (out = row y_begin's first byte), so it can be fused
//   is_residual_add : an ADD with run_range(a, b, out, n) and run_reference_range (n elements)
//   static void run(const In*..., Out*)            the fast kernel
//   static void run_reference(const In*..., Out*)  the readable oracle (defaults to run)
#pragma once

#include <cstddef>

namespace ctnn::layers {

struct bound_layer_defaults {
    static constexpr std::size_t param_bytes = 0;
    static constexpr std::size_t macs = 0;
    static constexpr int in_place_input = -1;
    static constexpr bool aliases_input = false;
    static constexpr std::size_t widenable_weights = 0;
    static constexpr bool takes_kernel_options = false;
    static constexpr bool computes_row_ranges = false;
    static constexpr bool is_residual_add = false;
};

}  // namespace ctnn::layers
