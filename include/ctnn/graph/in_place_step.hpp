// The step that runs a convolution in place by rows (plan/in_place_rows.hpp): chunks of output
// rows into the band, each row stored over its input row once no later window reads that row;
// or, where the kernel reads each group of pixels before writing them (row_band::whole), the
// kernel itself over its input; or a conversion whose elements change size (QUANTIZE,
// DEQUANTIZE) over its input's first bytes.
#pragma once

#include <cstddef>
#include <cstring>

#include "ctnn/graph/arena_access.hpp"
#include "ctnn/graph/structure.hpp"
#include "ctnn/plan/in_place_rows.hpp"

namespace ctnn::detail {

// A conversion whose elements change size, over its input's first bytes (the reference run
// too: its kernel is the reference one).
template <class Graph, int K>
void run_converting_step(std::byte* arena) noexcept {
    using S = typename Graph::structure;
    bound_t<S, K>::run_over(tensor_of<Graph, node_t<S, K>::inputs[0]>(arena), tensor_of<Graph, K>(arena));
}

template <class Graph, int K, bool Reference>
void run_band_step(std::byte* arena) noexcept {
    using S = typename Graph::structure;
    using layer = bound_t<S, K>;
    using element = element_t<S, K>;
    constexpr plan::row_band b = Graph::row_bands[K];
    constexpr int rows = b.rows;
    constexpr std::size_t row_elements = b.row_bytes / sizeof(element);
    const element* const source = tensor_of<Graph, node_t<S, K>::inputs[0]>(arena);
    element* const out = tensor_of<Graph, K>(arena);  // the input's bytes (or its own, if the planner kept them apart)
    element* const band = reinterpret_cast<element*>(band_of<Graph, K>(arena));
    [[maybe_unused]] std::byte* const scratch = scratch_of<Graph, K>(arena);
    if constexpr (b.whole) {
        // The kernel itself may run over its input (row_band::whole); the reference kernels
        // may not: they go a row at a time through a row on the stack (no window reaches
        // another row: a 1x1 convolution).
        if constexpr (Reference) {
            element row[row_elements];
            for (int y = 0; y < rows; ++y) {
                layer::run_reference_rows(source, row, y, y + 1);
                std::memcpy(out + std::size_t(y) * row_elements, row, b.row_bytes);
            }
        } else {
            layer::template run<Graph::options>(source, out, scratch);
        }
        return;
    }
    int held = 0;  // band row 0 is output row held; rows [held, y) wait in the band
    for (int y = 0; y < rows; y += b.chunk_rows) {
        const int end = y + b.chunk_rows < rows ? y + b.chunk_rows : rows;
        element* const at = band + std::size_t(y - held) * row_elements;
        if constexpr (Reference)
            layer::run_reference_rows(source, at, y, end);
        else
            layer::template run_rows<Graph::options>(source, at, y, end, scratch);
        // Input rows below end - delay are read by no later window: their outputs may go home.
        const int done = end == rows ? rows : (end - b.delay > held ? end - b.delay : held);
        std::memcpy(out + std::size_t(held) * row_elements, band, std::size_t(done - held) * b.row_bytes);
        if (done < end) std::memmove(band, band + std::size_t(done - held) * row_elements, std::size_t(end - done) * b.row_bytes);
        held = done;
    }
}

template <class Graph, int K, bool Reference>
void run_in_place_step(std::byte* arena) noexcept {
    if constexpr (Graph::row_bands[K].converts)
        run_converting_step<Graph, K>(arena);
    else
        run_band_step<Graph, K, Reference>(arena);
}

}  // namespace ctnn::detail
