// The activation-memory planner: tensor lifetimes in, arena offsets out.
//
// Plain constexpr code over caller-provided arrays, so the compiler runs it for a model type
// and the converter runs the very same code for its summary (their numbers must agree).
//
// Model: the graph executes steps 1..L; step k runs node k and produces tensor k; tensor 0 is
// the model input (produced at step 0); the model output stays live to step L + 1.
// A tensor may share storage with an earlier one:
//   - `alias_of`: the same bytes viewed differently (RESHAPE); the two are one buffer.
//   - `in_place_of`: the node may write its output over that input, which is legal only when
//     the input dies at this very step and has the same size (in bytes, before alignment);
//     the planner checks both; or, for a step whose output resizes in place (buffer::resizes),
//     the input dies at this step and the group's height changes there (placement.hpp).
// Groups of shared tensors are placed greedily, each at the lowest offset that overlaps no
// already placed group whose lifetime intersects its own; a few placement orders are tried
// (largest first, by first use, ...) and the smallest arena wins.
#pragma once

#include <array>
#include <cstddef>

#include "ctnn/plan/buffer.hpp"
#include "ctnn/plan/live_lower_bound.hpp"
#include "ctnn/plan/placement.hpp"
#include "ctnn/plan/sort.hpp"

namespace ctnn::plan {

namespace detail {

constexpr int find_root(const int* parent, int i) noexcept {
    while (parent[i] != i) i = parent[i];
    return i;
}

}  // namespace detail

// Scratch the caller provides for planning n tensors: n ints in `order`, n group spans in
// `spans`, and the placement's arrays (detail::placement_workspace: four of n ints, n sizes).
// plan_storage<N> below holds them all for a fixed N.
struct plan_workspace {
    int* order;
    detail::group_span* spans;
    detail::placement_workspace placement;
};

// Writes `offsets[i]` for every tensor i and `root[i]`, the tensor whose storage i uses.
// Returns the arena size in bytes.
constexpr std::size_t plan_arena(const buffer* buffers, int n, std::size_t* offsets, int* root, plan_workspace w) noexcept {
    int* const order = w.order;
    detail::group_span* const spans = w.spans;
    // Until the groups are placed, offsets[i] is tensor i's place in its group (a view of a part
    // of a tensor starts inside it; everything else at 0). Views and in-place outputs always
    // join a group through an earlier tensor, so a group's root is never moved into another.
    for (int i = 0; i < n; ++i) {
        root[i] = i;
        offsets[i] = 0;
        spans[i] = {align_up(buffers[i].bytes), buffers[i].first_step, buffers[i].last_step};
    }
    // Merge shared storage in step order, so a merged group's lifetime is known when a later
    // tensor asks to run in place over it.
    for (int i = 0; i < n; ++i) {
        const buffer& b = buffers[i];
        int target = -1;
        std::size_t at = 0;
        if (b.alias_of >= 0) {
            target = detail::find_root(root, b.alias_of);
            at = (b.alias_of == target ? 0 : offsets[b.alias_of]) + b.alias_offset;
        } else if (b.in_place_of >= 0) {
            const int r = detail::find_root(root, b.in_place_of);
            // The input's own size too, not only the aligned one: a broadcast operand of 1 byte
            // under a 2-byte output is read again after the output's first byte is written.
            // A resizing step (buffer::resizes) needs only the input to die here, and room for
            // one more part (placement.hpp: group_span); any other, the group as tall as it at
            // this step (after a shrinking step, the shrunk height).
            if (spans[r].last == b.first_step &&
                (b.resizes ? spans[r].parts < detail::group_span::max_parts
                           : spans[r].height(b.first_step, b.first_step) == spans[i].bytes && buffers[b.in_place_of].bytes == b.bytes))
                target = r;
        }
        if (target < 0) continue;
        root[i] = target;
        offsets[i] = at;
        detail::group_span& g = spans[target];
        const std::size_t top = at + spans[i].bytes;
        if (b.in_place_of >= 0 && b.resizes) {
            // The members so far all die by this step. Shrinking: their height until the step
            // ends, then the output's; growing: the output's from the step on (the larger).
            const int k = b.first_step;
            if (g.parts == 0) {
                g.parts = 1;
                g.start[0] = g.first;
                g.tall[0] = g.bytes;
            }
            g.start[g.parts] = top < g.height(k, k) ? k + 1 : k;
            g.tall[g.parts] = top;
            ++g.parts;
        } else {
            g.raise(spans[i].first, spans[i].last, top);
        }
        if (top > g.bytes) g.bytes = top;
        if (spans[i].first < g.first) g.first = spans[i].first;
        if (spans[i].last > g.last) g.last = spans[i].last;
    }
    for (int i = 0; i < n; ++i) root[i] = detail::find_root(root, i);

    int groups = 0;
    for (int i = 0; i < n; ++i)
        if (root[i] == i) order[groups++] = i;

    // Greedy placement depends on the order; no single order is best for every graph, so try
    // a few cheap ones and keep the smallest arena (ties: the earlier strategy). Each is
    // deterministic, so the compiler and the converter always agree.
    detail::index_by_first_use(order, groups, spans, w.placement);
    std::size_t best = static_cast<std::size_t>(-1);
    for (int strategy = 0; strategy < detail::placement_strategies; ++strategy) {
        detail::sort_groups(order, groups, spans, strategy);
        const std::size_t arena = detail::place_groups(order, groups, spans, w.placement, strategy);
        if (arena < best) {
            best = arena;
            for (int p = 0; p < groups; ++p) offsets[order[p]] = w.placement.trial[order[p]];
        }
    }
    for (int i = 0; i < n; ++i)
        if (root[i] != i) offsets[i] += offsets[root[i]];
    return groups > 0 ? best : 0;
}

// Proof that a plan is safe: no two tensors that are live at the same step and do not share
// storage on purpose occupy overlapping bytes, and every tensor lies inside the arena.
// `order` is scratch of n ints. Tensors are visited by first step, each against those that
// start during its life: the cost follows the pairs live together, not n^2.
constexpr bool plan_is_safe(const buffer* buffers, int n, const std::size_t* offsets, const int* root,
                            std::size_t arena_bytes, int* order) noexcept {
    for (int i = 0; i < n; ++i) {
        if (offsets[i] % arena_alignment != 0 || offsets[i] + buffers[i].bytes > arena_bytes) return false;
        order[i] = i;
    }
    detail::heap_sort(order, n, [&](int x, int y) {
        return buffers[x].first_step != buffers[y].first_step ? buffers[x].first_step < buffers[y].first_step : x < y;
    });
    for (int p = 0; p < n; ++p) {
        const int i = order[p];
        for (int q = p + 1; q < n && buffers[order[q]].first_step <= buffers[i].last_step; ++q) {
            const int j = order[q];
            if (root[i] == root[j] || buffers[i].first_step > buffers[j].last_step) continue;
            const bool overlaps = offsets[i] < offsets[j] + buffers[j].bytes && offsets[j] < offsets[i] + buffers[i].bytes;
            if (overlaps) return false;
        }
    }
    return true;
}

template <std::size_t N>
struct arena_plan {
    std::array<std::size_t, N> offsets{};
    std::array<int, N> root{};
    std::size_t bytes = 0;
};

// Scratch for planning N tensors at compile time.
template <std::size_t N>
struct plan_storage {
    std::array<int, N> order{}, by_first{}, reach{}, placed{}, live{};
    std::array<detail::group_span, N> spans{};
    std::array<std::size_t, N> trial{};
    constexpr plan_workspace workspace() noexcept {
        return {order.data(), spans.data(), {by_first.data(), reach.data(), placed.data(), live.data(), trial.data()}};
    }
};

// The compile-time entry points: fixed capacity, same algorithms.
template <std::size_t N>
constexpr arena_plan<N> plan_arena(const std::array<buffer, N>& buffers) noexcept {
    arena_plan<N> plan;
    plan_storage<N> storage;
    plan.bytes = plan_arena(buffers.data(), static_cast<int>(N), plan.offsets.data(), plan.root.data(), storage.workspace());
    return plan;
}

template <std::size_t N>
constexpr bool plan_is_safe(const std::array<buffer, N>& buffers, const arena_plan<N>& plan) noexcept {
    std::array<int, N> order{};
    return plan_is_safe(buffers.data(), static_cast<int>(N), plan.offsets.data(), plan.root.data(), plan.bytes, order.data());
}

}  // namespace ctnn::plan
