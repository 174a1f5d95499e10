// A model's memory plan: residual fusion (when on), then the arena planner, its safety proof
// and the lower bound. One per structure and fusion setting, so models that differ in other
// kernel options share it.
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

    struct fusion_result {
        std::array<plan::buffer, n> buffers;
        std::array<bool, n> fused;
    };
    static constexpr fusion_result fusion = [] {
        fusion_result r{tables::unfused_buffers, {}};
        if (Fuse) plan::fuse_residual_adds(r.buffers.data(), tables::node_facts.data(), int(n), r.fused.data());
        return r;
    }();

    static constexpr std::array<plan::buffer, n> buffers = fusion.buffers;
    static constexpr auto arena = plan::plan_arena(buffers);
    static_assert(plan::plan_is_safe(buffers, arena), "ctnn: internal error: the arena plan overlaps live tensors");
    static constexpr std::size_t lower_bound = plan::live_lower_bound(buffers, arena.root);
};

}  // namespace ctnn::detail
