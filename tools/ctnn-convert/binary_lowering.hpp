// What the element-wise binary operators' lowerings share (ADD, SUB, MUL, SQUARED_DIFFERENCE,
// MAXIMUM, MINIMUM, PRELU; op_add.cpp and op_binary.cpp): two int8 activation inputs, their
// broadcast shape by the library's own rule (ctnn/core/broadcast.hpp) and the output checked
// against it.
#pragma once

#include <string>

#include "lowering.hpp"

namespace ctnn_convert {

struct binary_inputs {
    ir_tensor a, b;            // copies: adding the output grows the graph's tensors
    const ir_tensor* out = nullptr;
    bool broadcast = false;    // the shapes differ (TFLite's broadcast walk)
    std::string scales_text;   // "input scales A and B, output scale C (tensor)" for messages
};

// Lowers inputs 0 and 1 and the output. max_rank: the operator's largest broadcast in TFLM;
// always_walks: TFLM runs even equal shapes through its broadcast walk (MAXIMUM, MINIMUM, PRELU),
// so the limit holds for them too.
binary_inputs lower_binary_inputs(lowering& x, ir_layer& l, int max_rank, bool always_walks);

}  // namespace ctnn_convert
