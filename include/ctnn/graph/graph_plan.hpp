// A model's memory plan: residual fusion (when on), then the arena planner, its safety proof
// and the lower bound. One per structure and fusion setting, so models that differ in other
// kernel options share it.
//
// Buffers 0..L are the tensors (tensor K is node K's output); after them comes one buffer per
// layer whose kernel asks for scratch (layer_facts::scratch_bytes), live at the step that runs
// the kernel only: node K's own step, or K + 1 when K runs inside the next ADD.
#pragma once

#include <array>
#include <cstddef>

#include "ctnn/graph/layer_tables.hpp"
#include "ctnn/plan/arena_planner.hpp"
#include "ctnn/plan/live_lower_bound.hpp"
#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn::detail {

template <class S, bool Fuse>
struct graph_plan {
    using tables = layer_tables<S>;
    static constexpr std::size_t n = tables::n + 1;  // tensors: the input and one per node
    static constexpr std::size_t scratch_count = [] {
        std::size_t c = 0;
        for (std::size_t b : tables::scratch_bytes) c += b > 0 ? 1 : 0;
        return c;
    }();
    // scratch_slot[K]: the buffer holding node K's scratch, or -1.
    static constexpr std::array<int, n> scratch_slot = [] {
        std::array<int, n> slot{};
        slot[0] = -1;
        int next = int(n);
        for (std::size_t k = 1; k < n; ++k) slot[k] = tables::scratch_bytes[k - 1] > 0 ? next++ : -1;
        return slot;
    }();

    struct fusion_result {
        std::array<plan::buffer, n + scratch_count> buffers;
        std::array<bool, n> fused;
    };
    static constexpr fusion_result fusion = [] {
        fusion_result r{};
        for (std::size_t k = 0; k < n; ++k) r.buffers[k] = tables::unfused_buffers[k];
        if (Fuse) plan::fuse_residual_adds(r.buffers.data(), tables::node_facts.data(), int(n), r.fused.data());
        for (std::size_t k = 1; k < n; ++k) {
            if (scratch_slot[k] < 0) continue;
            const int step = r.fused[k] ? int(k) + 1 : int(k);
            r.buffers[std::size_t(scratch_slot[k])] = {tables::scratch_bytes[k - 1], step, step, -1, -1};
        }
        return r;
    }();

    static constexpr std::array<plan::buffer, n + scratch_count> buffers = fusion.buffers;
    static constexpr auto arena = plan::plan_arena(buffers);
    static_assert(plan::plan_is_safe(buffers, arena), "ctnn: internal error: the arena plan overlaps live tensors");
    static constexpr std::size_t lower_bound = plan::live_lower_bound(buffers, arena.root);
};

}  // namespace ctnn::detail
