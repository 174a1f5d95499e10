// Small text helpers shared by the validator, the header emitter and the summary.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model_ir.hpp"

namespace ctnn_convert {

std::string shape_text(const std::vector<int>& shape);     // "1x49x10x1"
std::string float_text(float value);                       // "%.9g": round-trips a float exactly
std::string real_text(double value);                       // "%.9g" too: a computed ratio in a message
std::string float_literal(float value);                    // float_text as a C++ literal: "1.0f", "0.0787253976f"
std::string layer_options_text(const ir_layer& layer);     // "stride 2x2 SAME RELU", for comments and the summary
std::string activation_text(activation act);               // "RELU"
std::string comment_text(const std::string& text);          // safe inside a // comment: no control characters or backslashes

}  // namespace ctnn_convert
