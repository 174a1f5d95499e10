// The step that runs a convolution fused into the ADD after it (plan/residual_fusion.hpp):
// chunks of the convolution's output rows, each added to the same rows of the skip input as
// soon as it is computed, so the convolution's output never exists whole.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/graph/arena_access.hpp"
#include "ctnn/graph/structure.hpp"
#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn::detail {

// Node C of model Graph is the convolution, node C + 1 the ADD; tensor C is the chunk buffer.
template <class Graph, int C, bool Reference>
void run_fused_step(std::byte* arena) noexcept {
    using S = typename Graph::structure;
    using conv = bound_t<S, C>;
    using add = bound_t<S, C + 1>;
    constexpr auto& reads = node_t<S, C + 1>::inputs;
    constexpr bool conv_first = reads[0] == C;  // each operand keeps its own multiplier
    constexpr int skip = conv_first ? reads[1] : reads[0];
    using conv_shape = typename tensor_t<S, C>::shape;
    constexpr int rows = conv_shape::dims[1];
    constexpr int row_bytes = conv_shape::dims[2] * conv_shape::dims[3];
    constexpr int chunk = plan::fused_chunk_rows(rows, conv_shape::dims[2], conv::kernel::set::residual_chunking);
    // The tensors' own element types (int8; int16 for a 16x8 convolution and its ADD); offsets count elements.
    const auto* source = tensor_of<Graph, node_t<S, C>::inputs[0]>(arena);
    const auto* residual = tensor_of<Graph, skip>(arena);
    auto* part = tensor_of<Graph, C>(arena);
    auto* out = tensor_of<Graph, C + 1>(arena);  // may be the skip input itself
    std::byte* const scratch = scratch_of<Graph, C>(arena);
    for (int y = 0; y < rows; y += chunk) {
        const int end = y + chunk < rows ? y + chunk : rows;
        const int offset = y * row_bytes, count = (end - y) * row_bytes;
        const auto* a = conv_first ? part : residual + offset;
        const auto* b = conv_first ? residual + offset : part;
        if constexpr (Reference) {
            conv::run_reference_rows(source, part, y, end);
            add::run_reference_range(a, b, out + offset, count);
        } else {
            conv::template run_rows<Graph::options>(source, part, y, end, scratch);
            add::run_range(a, b, out + offset, count);
        }
    }
}

}  // namespace ctnn::detail
