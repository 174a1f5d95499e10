// In-place row bands: a stride-1 convolution or depthwise convolution whose output has its
// input's shape writes over its input, through a band of a few rows.
//
// Output row r reads input rows r - pad_top and below it (the window's top row is r - pad_top);
// so once rows [0, e) are computed, the input rows above e - pad_top are dead and the output
// rows there can be stored over them. The step computes a chunk of rows into the band, stores
// the rows whose input is dead, and keeps the last pad_top rows in the band until the next
// chunk: the band holds chunk + pad_top rows, and the output never needs storage of its own.
// It costs one copy of the output (and pad_top rows moved per chunk), so it is part of the
// smallest-RAM schedule only (kernel_options::ram, ram_schedule::smallest).
//
// Plain constexpr code over caller-provided arrays, like the planner: the graph applies it to
// a model type and the converter to its IR, so their plans agree.
#pragma once

#include <cstddef>

#include "ctnn/plan/buffer.hpp"
#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn::plan {

// What a layer states about running in place by rows (layers/convolution_common.hpp):
// delay = the rows the output waits in the band (the window's pad_top), chunk_rows = the rows
// its kernel computes per call. delay < 0: it cannot run in place.
// whole: the build's kernel reads each group of pixels before it writes their outputs (a 1x1
// convolution that gathers its inputs first: kernels/arm_dsp/conv2d_s8.hpp), so it runs over
// its input as it is, with no band and no copy.
// converts: an element-wise conversion whose output elements have another size than its input's
// (QUANTIZE float32 -> int8 or int16 going forward, DEQUANTIZE -> float32 going backward: no
// element is written over an input element not yet read); it runs whole (converting_in_place()).
// A convolution's output row may also be smaller than its input row (fewer output channels):
// output row r's bytes then lie inside input rows 0..r, so the same band and the same whole
// kernel apply (the step's group shrinks: buffer::resizes).
struct row_band {
    int delay = -1;
    int chunk_rows = 0;
    std::size_t row_bytes = 0;
    int rows = 0;
    bool whole = false;
    bool converts = false;

    constexpr bool possible() const noexcept { return delay >= 0 && (chunk_rows > 0 || whole); }
    // Band rows: at most the whole tensor (a band as large as the tensor saves nothing).
    constexpr int band_rows() const noexcept { return whole ? 0 : chunk_rows + delay < rows ? chunk_rows + delay : rows; }
    constexpr std::size_t band_bytes() const noexcept { return static_cast<std::size_t>(band_rows()) * row_bytes; }
};

// The rule of a layer that converts its elements in place (layers/quantize.hpp).
constexpr row_band converting_in_place() noexcept {
    return {.delay = 0, .chunk_rows = 1, .row_bytes = 0, .rows = 1, .whole = true, .converts = true};
}

// The chunk a kernel set's convolution computes in place: the fewest rows whose pixel count is
// a multiple of the pixels it computes at a time (no minimum: the band is what RAM pays).
constexpr int in_place_chunk_rows(int rows, int width, chunk_rule rule) noexcept {
    for (int r = 1; r < rows; ++r)
        if ((r * width) % rule.pixel_multiple == 0) return r;
    return rows;
}

// Marks the steps that may run in place by rows and rewrites the buffers of n tensors for it.
// bands[k]: node k's row_band (possible() or not); fused[k]: node k runs inside node k + 1
// (residual fusion, applied before); wanted[k]: whether the caller wants node k in place
// (nullptr: every node that can). On return banded[k] says node k runs in place, and its
// output may overwrite its input (buffer in_place_of). The conditions: the node is not part of
// a fused step; its input dies at this step, in the arena, with the output's size or more (any
// size for a conversion); the band is smaller than the tensor. The band itself is a buffer
// live at step k (graph/graph_plan.hpp adds it, and keeps a step in place only where that
// lowers the arena: the copy is not free).
constexpr void band_in_place(buffer* buffers, const node_facts* nodes, const row_band* bands, const bool* fused, int n,
                             bool* banded, const bool* wanted = nullptr) noexcept {
    for (int k = 0; k < n; ++k) banded[k] = false;
    for (int k = 1; k < n; ++k) {
        const row_band& b = bands[k];
        if (wanted != nullptr && !wanted[k]) continue;
        if (!b.possible() || fused[k] || fused[k - 1]) continue;
        if (!b.whole && b.band_rows() >= b.rows) continue;
        const int source = nodes[k].inputs[0];
        // (A constant input has no arena bytes: nothing to write over.)
        if (source < 0 || buffers[source].bytes == 0 || buffers[source].last_step != k) continue;
        // A conversion may change the size; a convolution may make it smaller (row_band).
        const bool same_size = buffers[source].bytes == buffers[k].bytes;
        if (!(same_size || b.converts || buffers[k].bytes < buffers[source].bytes)) continue;
        if (buffers[k].alias_of >= 0 || buffers[k].in_place_of >= 0) continue;
        banded[k] = true;
        buffers[k].in_place_of = source;
        buffers[k].resizes = !same_size;
    }
}

// The instructions running step k in place adds, estimated from what it moves: a band step
// copies its output home once and moves the rows that wait (`delay` of them) after every chunk
// but the last, about 0.75 instructions a byte (memcpy and memmove by words); a conversion goes
// through its elements by byte copies, about 0.3 a byte of input and output; a kernel that runs
// over its input as it is adds none. Calibrated on the Cortex-M4 (docs/performance.md reports
// the estimate against the measured difference per model); fastest_within uses it to choose.
constexpr std::size_t in_place_instructions(const row_band& b, std::size_t in_bytes, std::size_t out_bytes) noexcept {
    if (b.converts) return (in_bytes + out_bytes) * 3 / 10;
    if (b.whole || b.chunk_rows <= 0) return 0;
    const std::size_t chunks = std::size_t((b.rows + b.chunk_rows - 1) / b.chunk_rows);
    const std::size_t moved = (chunks - 1) * std::size_t(b.delay) * b.row_bytes;
    return (out_bytes + moved) * 3 / 4;
}

// In place only where it pays (a banded step costs a copy of its output). With every candidate
// in place, live[s] is the bytes live at step s (plan/live_lower_bound.hpp, steps 0..steps-1)
// and the peak their most; running step k out of place changes step k alone, by the smaller of
// its input's and output's bytes (the two no longer share) less its band's. A step whose step
// would stay within the peak goes back to its own output. Linear in the nodes: the compiler
// runs it on deep models too.
constexpr void keep_in_place_where_it_pays(bool* wanted, int n, const std::size_t* live, int steps, const row_band* bands,
                                           const buffer* buffers) noexcept {
    std::size_t peak = 0;
    for (int s = 0; s < steps; ++s) peak = live[s] > peak ? live[s] : peak;
    for (int k = 1; k < n && k < steps; ++k) {
        if (!wanted[k]) continue;
        const std::size_t out = align_up(buffers[k].bytes);
        const int source = buffers[k].in_place_of;
        const std::size_t in = source >= 0 ? align_up(buffers[source].bytes) : out;
        if (live[k] + (in < out ? in : out) - align_up(bands[k].band_bytes()) <= peak) wanted[k] = false;
    }
}

}  // namespace ctnn::plan
