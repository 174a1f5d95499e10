// Residual fusion: a CONV_2D whose output only feeds the ADD right after it runs inside that
// ADD, a few output rows at a time, instead of as a step of its own.
//
// Unfused, a residual block keeps three full tensors live at the ADD's convolution: the skip
// input, the convolution's input and its output. Fused, the convolution's output exists only
// as a chunk of rows (computed, added to the matching rows of the skip input, written out),
// and the ADD's output may overwrite the skip input, which it reads element by element just
// before. The arena of ResNet-style models drops by about a third.
//
// Plain constexpr code over caller-provided arrays, like the planner: the graph applies it to
// a model type and the converter to its IR, so their plans agree.
#pragma once

#include <cstddef>

#include "ctnn/plan/arena_planner.hpp"

namespace ctnn::plan {

// How a kernel set's convolution likes its chunks: a pixel count that is a multiple of the
// pixels it computes at a time, and at least min_pixels (amortises the per-chunk calls). Each
// set states its own (kernels/kernel_set.hpp).
struct chunk_rule {
    int pixel_multiple;
    int min_pixels;
};

// What the rule needs of the node producing tensor k (node 0 stands for the model input).
struct node_facts {
    enum class op_kind { other, conv2d, add };
    op_kind op = op_kind::other;
    int inputs[2] = {-1, -1};             // tensors read; inputs[1] only for an ADD
    int out_h = 0, out_w = 0, out_c = 0;  // output extent (NHWC), for a convolution
    chunk_rule chunking{0, 0};            // a convolution's: its kernel set's rule (set by the caller)
};

// Rows per chunk: the fewest whose pixel count follows the rule.
constexpr int fused_chunk_rows(int out_h, int out_w, chunk_rule rule) noexcept {
    for (int rows = 1; rows < out_h; ++rows)
        if ((rows * out_w) % rule.pixel_multiple == 0 && rows * out_w >= rule.min_pixels) return rows;
    return out_h;
}

constexpr int alias_root(const buffer* buffers, int t) noexcept {
    while (buffers[t].alias_of >= 0) t = buffers[t].alias_of;
    return t;
}

// Decides which convolutions fuse into the ADD after them and rewrites the buffers of n tensors
// (lifetimes as the unfused graph has them) for the fused schedule. fused[k] = node k runs
// inside node k + 1. The conditions: node k is a CONV_2D, node k + 1 an ADD reading tensor k
// once; tensor k is read by nothing else (so it need not exist whole); both ADD inputs have the output's size (no broadcast); the ADD's other input
// (the skip) is not the convolution's input (the ADD may overwrite the skip while the
// convolution still reads its input). Then tensor k becomes the chunk buffer, live only at
// step k + 1; the convolution's input lives until step k + 1; the ADD may overwrite the skip.
constexpr void fuse_residual_adds(buffer* buffers, const node_facts* nodes, int n, bool* fused) noexcept {
    for (int k = 0; k < n; ++k) fused[k] = false;
    for (int k = 1; k + 1 < n; ++k) {
        const node_facts& conv = nodes[k];
        const node_facts& add = nodes[k + 1];
        if (conv.op != node_facts::op_kind::conv2d || add.op != node_facts::op_kind::add) continue;
        if ((add.inputs[0] == k) == (add.inputs[1] == k)) continue;  // reads k once
        if (buffers[k].last_step != k + 1) continue;                    // only the ADD reads it
        const int skip = add.inputs[0] == k ? add.inputs[1] : add.inputs[0];
        // Chunks of rows add element by element: a broadcasting ADD (an operand smaller than
        // its output) runs on its own.
        if (buffers[k].bytes != buffers[k + 1].bytes || buffers[skip].bytes != buffers[k + 1].bytes) continue;
        const int source = conv.inputs[0];
        if (alias_root(buffers, skip) == alias_root(buffers, source)) continue;
        fused[k] = true;
        const int rows = fused_chunk_rows(conv.out_h, conv.out_w, conv.chunking);
        buffers[k] = {static_cast<std::size_t>(rows) * static_cast<std::size_t>(conv.out_w * conv.out_c), k + 1, k + 1,
                      -1, -1};
        if (buffers[source].last_step < k + 1) buffers[source].last_step = k + 1;
        buffers[k + 1].in_place_of = skip;
    }
}

}  // namespace ctnn::plan
