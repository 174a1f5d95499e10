// Checks a read .tflite model against what ctnn runs, and turns it into the converter's model.
#pragma once

#include "custom_ops.hpp"
#include "model_ir.hpp"
#include "tflite_model.hpp"

namespace ctnn_convert {

// Throws convert_error naming the operator (index and name), tensor and rule broken.
// Operators named in `custom` run the user's layer type (custom_ops.hpp).
model_ir lower_to_ir(const tfl_model& model, const custom_ops& custom = {});

}  // namespace ctnn_convert
