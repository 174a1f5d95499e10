// The step that runs a convolution fused into the ADD after it (plan/residual_fusion.hpp):
// chunks of the convolution's output rows, each added to the same rows of the skip input as
// soon as it is computed, so the convolution's output never exists whole.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn::detail {

// Node C of model Graph is the convolution, node C + 1 the ADD; tensor C is the chunk buffer.
template <class Graph, int C, bool Reference>
void run_fused_step(std::byte* arena) noexcept {
    using conv = typename Graph::template layer_at<C>;
    using add = typename Graph::template layer_at<C + 1>;
    constexpr auto& reads = Graph::template node_at<C + 1>::inputs;
    constexpr bool conv_first = reads[0] == C;  // each operand keeps its own multiplier
    constexpr int skip = conv_first ? reads[1] : reads[0];
    using conv_shape = typename Graph::template tensor<C>::shape;
    constexpr int rows = conv_shape::dims[1];
    constexpr int row_bytes = conv_shape::dims[2] * conv_shape::dims[3];
    constexpr int chunk = plan::fused_chunk_rows(rows, conv_shape::dims[2]);
    const std::int8_t* source = Graph::template tensor_data<Graph::template node_at<C>::inputs[0]>(arena);
    const std::int8_t* residual = Graph::template tensor_data<skip>(arena);
    std::int8_t* part = Graph::template tensor_data<C>(arena);
    std::int8_t* out = Graph::template tensor_data<C + 1>(arena);  // may be the skip input itself
    for (int y = 0; y < rows; y += chunk) {
        const int end = y + chunk < rows ? y + chunk : rows;
        const int offset = y * row_bytes, count = (end - y) * row_bytes;
        const std::int8_t* a = conv_first ? part : residual + offset;
        const std::int8_t* b = conv_first ? residual + offset : part;
        if constexpr (Reference) {
            conv::run_reference_rows(source, part, y, end);
            add::run_reference_range(a, b, out + offset, count);
        } else {
            conv::template run_rows<Graph::options>(source, part, y, end);
            add::run_range(a, b, out + offset, count);
        }
    }
}

}  // namespace ctnn::detail
