// Names the emitted header uses, shared by emit_header.cpp and the operators' layer_type
// functions (op_*.cpp), so that a declaration and its uses always agree.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model_ir.hpp"

namespace ctnn_convert {

std::string shape_type(const std::vector<int>& shape);     // "ctnn::shape<1, 4, 4, 3>"
std::string q_name(std::size_t tensor);                     // "q::t3": a tensor's quantization struct
std::string act_type(activation a);                         // "ctnn::act::relu"
std::string params_name(const ir_layer& l, std::size_t node);  // "conv3": a weighted layer's struct in w::
std::string stride_type(const ir_layer& l);                 // "ctnn::stride<2, 2>"
std::string padding_type(const ir_layer& l);                // "ctnn::padding::same"

}  // namespace ctnn_convert

namespace ctnn_convert {
// A tensor's quantization argument: "ctnn::float32" or its q:: struct.
std::string quant_type(const model_ir& m, std::size_t tensor);
// A model input's entry: ctnn::input<...>, or ctnn::fixed_input<..., w::fixedT> when the static
// shapes fix its values (ir_tensor::fixed_values; graph/sources.hpp).
std::string model_input_type(const model_ir& m, std::size_t tensor);
std::string fixed_values_name(std::size_t tensor);  // "fixed3"
}  // namespace ctnn_convert
