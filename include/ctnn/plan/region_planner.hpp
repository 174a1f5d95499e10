// Splitting the activation plan across several RAM regions (DTCM, SRAM1, ...), fastest first.
//
// The groups of the one-arena plan (tensors that share storage on purpose stay together) are
// given to regions greedily: smallest first (small tensors and scratch are the most accessed
// per byte), each into the fastest region whose own plan still fits its capacity with it. If
// some group fits nowhere that way, largest first (which packs tighter) is tried. Each region is
// then planned on its own, by the same planner (arena_planner.hpp), over its groups only.
// Plain constexpr code: the compiler runs it for ctnn::placed<Model, Target>.
#pragma once

#include <array>
#include <cstddef>

#include "ctnn/plan/arena_planner.hpp"
#include "ctnn/plan/buffer.hpp"
#include "ctnn/plan/sort.hpp"

namespace ctnn::plan {

template <std::size_t N, std::size_t R>
struct region_plan {
    std::array<int, N> region{};           // the region each buffer lives in
    std::array<std::size_t, N> offsets{};  // its offset there
    std::array<std::size_t, R> bytes{};    // each region's arena
    bool placed = false;                   // every buffer found a region
    // When not: a group that fits nowhere, and what the last (slowest) region would need with it.
    int unplaced_buffer = -1;
    std::size_t overflow_bytes = 0;
};

namespace detail {

// The plan of the buffers whose group is in `region` (the others count as empty).
template <std::size_t N>
constexpr arena_plan<N> plan_subset(const std::array<buffer, N>& buffers, const std::array<int, N>& root,
                                    const std::array<int, N>& group_region, int region) noexcept {
    std::array<buffer, N> subset = buffers;
    for (std::size_t i = 0; i < N; ++i)
        if (group_region[std::size_t(root[i])] != region) subset[i].bytes = 0;
    return plan_arena(subset);
}

// One greedy pass in the given group order; group_region[root] receives each group's region.
template <std::size_t N, std::size_t R>
constexpr bool assign_groups(const std::array<buffer, N>& buffers, const std::array<int, N>& root, const int* order,
                             int groups, const std::array<std::size_t, R>& capacity, std::array<int, N>& group_region,
                             int& unplaced, std::size_t& overflow) noexcept {
    for (auto& r : group_region) r = -1;
    for (int p = 0; p < groups; ++p) {
        const int g = order[p];
        bool fitted = false;
        for (int r = 0; r < int(R) && !fitted; ++r) {
            group_region[std::size_t(g)] = r;
            const std::size_t need = plan_subset(buffers, root, group_region, r).bytes;
            fitted = need <= capacity[std::size_t(r)];
            if (!fitted && r == int(R) - 1) {
                unplaced = g;
                overflow = need;
            }
        }
        if (!fitted) return false;
    }
    return true;
}

}  // namespace detail

// capacity[r]: bytes of region r, regions ordered fastest first.
template <std::size_t N, std::size_t R>
constexpr region_plan<N, R> plan_regions(const std::array<buffer, N>& buffers, const std::array<std::size_t, R>& capacity) noexcept {
    static_assert(R >= 1, "ctnn: a target with regions lists at least one");
    const arena_plan<N> whole = plan_arena(buffers);
    std::array<std::size_t, N> group_bytes{};
    std::array<int, N> order{};
    int groups = 0;
    for (std::size_t i = 0; i < N; ++i) {
        const std::size_t r = std::size_t(whole.root[i]);
        if (align_up(buffers[i].bytes) > group_bytes[r]) group_bytes[r] = align_up(buffers[i].bytes);
        if (whole.root[i] == int(i)) order[std::size_t(groups++)] = int(i);
    }
    region_plan<N, R> result;
    std::array<int, N> group_region{};
    for (int pass = 0; pass < 2 && !result.placed; ++pass) {
        // Pass 0: smallest first; pass 1: largest first. Ties: by index, so the plan is deterministic.
        detail::heap_sort(order.data(), groups, [&](int a, int b) {
            const std::size_t x = group_bytes[std::size_t(a)], y = group_bytes[std::size_t(b)];
            if (x != y) return pass == 0 ? x < y : x > y;
            return a < b;
        });
        result.placed = detail::assign_groups(buffers, whole.root, order.data(), groups, capacity, group_region,
                                              result.unplaced_buffer, result.overflow_bytes);
    }
    if (!result.placed) return result;
    for (int r = 0; r < int(R); ++r) {
        const arena_plan<N> part = detail::plan_subset(buffers, whole.root, group_region, r);
        result.bytes[std::size_t(r)] = part.bytes;
        for (std::size_t i = 0; i < N; ++i)
            if (group_region[std::size_t(whole.root[i])] == r) {
                result.region[i] = r;
                result.offsets[i] = part.offsets[i];
            }
    }
    return result;
}

// Each region's plan is safe on its own: no two live buffers of one region overlap.
template <std::size_t N, std::size_t R>
constexpr bool regions_are_safe(const std::array<buffer, N>& buffers, const region_plan<N, R>& plan) noexcept {
    const arena_plan<N> whole = plan_arena(buffers);
    for (int r = 0; r < int(R); ++r) {
        std::array<buffer, N> subset = buffers;
        arena_plan<N> part;
        part.bytes = plan.bytes[std::size_t(r)];
        for (std::size_t i = 0; i < N; ++i) {
            part.root[i] = whole.root[i];
            if (plan.region[i] == r) part.offsets[i] = plan.offsets[i];
            else subset[i].bytes = 0;
        }
        if (!plan_is_safe(subset, part)) return false;
    }
    return true;
}

}  // namespace ctnn::plan
