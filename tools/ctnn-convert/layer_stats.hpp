// Per-layer numbers shared by the header comments and the summary: parameters, MACs, flash
// bytes, and the arena plan computed by the library's own planner.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <ctnn/plan/arena_planner.hpp>

#include "model_ir.hpp"

namespace ctnn_convert {

// Weight + bias elements (bias counted once per output channel, present or not).
std::size_t layer_param_elements(const ir_layer& layer);

// Multiply-accumulates per inference: conv O*OH*OW*KH*KW*I, depthwise O*OH*OW*KH*KW, FC batches*O*I.
std::uint64_t layer_macs(const model_ir& model, std::size_t layer);

// Constant bytes of one layer in TFLite's terms (the layer type's `param_bytes`; the model's
// `tflite_param_bytes` is their sum). Not the flash a build links: that depends on the kernel
// set, which re-lays weights, folds biases and builds tables (Model::flash_bytes). The single
// place that defines it:
//   weights 1 B each + bias 4 B per output channel
//   + requantization 8 B per output channel (a 4-byte multiplier and a 4-byte shift) for
//     CONV_2D, DEPTHWISE_CONV_2D and per-channel FULLY_CONNECTED; a per-tensor
//     FULLY_CONNECTED's single multiplier is a compile-time constant and costs nothing;
//   0 for every other layer.
std::size_t layer_tflite_param_bytes(const ir_layer& layer);

struct arena_plan {
    std::vector<ctnn::plan::buffer> buffers;  // per graph tensor: size, lifetime, sharing
    std::vector<std::size_t> offsets;         // per graph tensor
    std::size_t bytes = 0;             // the whole arena: activations, then any layer state
    std::size_t activation_bytes = 0;  // the plan's part
    std::size_t state_bytes = 0;       // stateful layers' (LSTM, SVDF), persistent
    std::size_t lower_bound = 0;              // the most bytes live at one step: no plan can be smaller
    std::vector<bool> fused_into_next;        // per tensor: its convolution runs inside the next ADD
};

// One ctnn::plan::buffer per graph tensor, planned by ctnn::plan::plan_arena.
arena_plan plan_model_arena(const model_ir& model);

// The host build's smallest-RAM schedule (ctnn::optimize_for<M, ctnn::smallest_ram>): the steps
// it runs in place by rows (graph tensor numbers) and its arena, by the library's rules
// (ctnn/plan/in_place_rows.hpp) for the portable kernels.
struct smallest_ram_plan {
    std::vector<int> in_place;
    std::size_t bytes = 0;
    // Its buffers: the tensors, then one band per step that may run in place (no bytes where it
    // does not), as graph/graph_plan.hpp lays them out; band_of[i]: the step of band buffer i.
    arena_plan plan;
    std::vector<int> band_of;
    // The instructions its steps in place add, as the library estimates them
    // (ctnn::plan::in_place_instructions: Model::in_place_added_instructions).
    std::size_t added_instructions = 0;
};
smallest_ram_plan plan_smallest_ram(const model_ir& model);

}  // namespace ctnn_convert
