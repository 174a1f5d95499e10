// The operator table: every TFLite builtin the converter supports is one operator_entry,
// defined next to its lowering in an op_*.cpp file and named once in operator_table()
// (operators.cpp). The driver, the header emitter, the summary text and the statistics read
// an operator's behaviour from its entry only, so adding an operator touches no switch.
// An op file declares its entries `extern` before defining them: a namespace-scope const
// would otherwise be local to that file.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <ctnn/layers/layer_base.hpp>
#include <ctnn/plan/lifetimes.hpp>

#include "model_ir.hpp"

namespace ctnn_convert {

class lowering;

// An entry names its builtin, name, lower, layer_type and traits; every other member has the
// default of a plain unweighted layer, so an entry spells out only where its operator differs.
struct operator_entry {
    int builtin;       // tfl::op value
    const char* name;  // TFLite's name, as listed in "supported: ..."

    // Fills the layer from the operator being lowered; fails through the lowering's checks.
    void (*lower)(lowering& x, ir_layer& l);

    // The emitted ctnn layer type of graph node `node` (the layer's output tensor).
    std::string (*layer_type)(const model_ir& m, const ir_layer& l, std::size_t node);
    // What the layer type states of every layer of the operator (ctnn::layers::<op>_traits):
    // int16-widenable weights, in-place or alias output, residual-fusion role. Required.
    const ctnn::layers::operator_traits& traits;
    // Extra constants written into namespace w (after the weights); nullptr: none.
    std::string (*constants)(const ir_layer& l, std::size_t node) = nullptr;
    // Options for comments and the summary, e.g. "stride 2x2 SAME RELU"; nullptr: none.
    std::string (*options_text)(const ir_layer& l) = nullptr;

    // Weighted layers: the w:: struct name prefix ("conv" -> w::conv3); nullptr when unweighted.
    const char* params_prefix = nullptr;
    // A per-tensor requantization multiplier is a compile-time constant: no flash for it.
    bool constant_per_tensor_multiplier = false;
    bool scalar_output = false;  // the output may be rank 0 (MEAN)
    // Several outputs (SPLIT): lowered once per output, into a layer each (lowering::output_slot).
    bool multi_output = false;
    // A source (a further model input, a constant operand: graph/sources.hpp) or a computed layer.
    ctnn::plan::entry_kind kind = ctnn::plan::entry_kind::computed;
    // Flash of an unweighted layer's compile-time table (HARD_SWISH's lookup table), counted
    // like the layer type's param_bytes; 0 for the rest.
    std::size_t table_bytes = 0;
};

// The entries of source layers: not TFLite operators (op_sources.cpp).
extern const operator_entry model_input_entry, constant_entry;
// The entry of an operator mapped to a user layer (op_custom.cpp).
extern const operator_entry user_layer_entry;

// Every supported operator, one entry each.
std::span<const operator_entry* const> operator_table();

// The entry for a builtin code; nullptr when ctnn does not run it.
const operator_entry* find_operator(int builtin);

// "ADD, AVERAGE_POOL_2D, ...": the table's names, sorted.
const std::string& supported_operators_text();

}  // namespace ctnn_convert
