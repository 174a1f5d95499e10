// What the element-wise binary operators' lowerings share (ADD, SUB, MUL, SQUARED_DIFFERENCE,
// MAXIMUM, MINIMUM, PRELU; op_add.cpp and op_binary.cpp): two int8 activation inputs, their
// broadcast shape by the library's own rule (ctnn/core/broadcast.hpp) and the output checked
// against it.
#pragma once

#include <string>

#include <ctnn/quant/requantize.hpp>

#include "lowering.hpp"

namespace ctnn_convert {

struct binary_inputs {
    ir_tensor a, b;            // copies: adding the output grows the graph's tensors
    const ir_tensor* out = nullptr;
    bool broadcast = false;    // the shapes differ (TFLite's broadcast walk)
    bool int16 = false;        // int16 tensors (16x8 mode), where takes_int16 allowed them
    std::string scales_text;   // "input scales A and B, output scale C (tensor)" for messages
};

// Lowers inputs 0 and 1 and the output. max_rank: the operator's largest broadcast in TFLM;
// always_walks: TFLM runs even equal shapes through its broadcast walk (MAXIMUM, MINIMUM, PRELU),
// so the limit holds for them too.
// takes_int16: the operator also runs on two int16 tensors (ADD, SUB, MUL), input 0's type
// choosing; the other input and the output must then be int16 too (r.int16 says which).
binary_inputs lower_binary_inputs(lowering& x, ir_layer& l, int max_rank, bool always_walks, bool takes_int16 = false);

// The int16 ADD and SUB rule (QuantizeMultiplierSmallerThanOneExp in TFLM's Prepare): every
// rescaling factor in (0, 1); names the first that is not.
void check_int16_add_reals(lowering& x, const ctnn::add_reals& r, const binary_inputs& in);

}  // namespace ctnn_convert
