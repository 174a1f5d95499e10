// A lower bound for any placement of a set of lifetimes: the most bytes live at one step, each
// shared-storage group (`root`, from plan_arena) counted once, as its largest member live at
// that step. A plan that reaches it is optimal.
//
// Cost: O(n log n) to order the tensors by group and size, plus the sum of the lifetimes
// (at most n * steps); each group paints its steps largest member first, so a step takes one
// term per group without scanning the group's members at every step.
#pragma once

#include <array>
#include <cstddef>

#include "ctnn/plan/buffer.hpp"
#include "ctnn/plan/sort.hpp"

namespace ctnn::plan {

// Workspace the caller provides: `order` (n ints), `painted` (n + 1 ints) and `live` (n + 1
// sizes). Steps run from 0 to n (the model's output lives to step layers + 1 = n); a lifetime
// outside them is cut to them.
constexpr std::size_t live_lower_bound(const buffer* buffers, int n, const int* root, int* order, int* painted,
                                       std::size_t* live) noexcept {
    for (int i = 0; i < n; ++i) order[i] = i;
    detail::heap_sort(order, n, [&](int x, int y) {
        if (root[x] != root[y]) return root[x] < root[y];
        const std::size_t bx = align_up(buffers[x].bytes), by = align_up(buffers[y].bytes);
        if (bx != by) return bx > by;
        return x < y;
    });
    for (int s = 0; s <= n; ++s) {
        painted[s] = -1;
        live[s] = 0;
    }
    // Largest first within a group: the first member to reach a step is the group's term there.
    for (int p = 0; p < n; ++p) {
        const int i = order[p];
        const int first = buffers[i].first_step < 0 ? 0 : buffers[i].first_step;
        const int last = buffers[i].last_step > n ? n : buffers[i].last_step;
        for (int s = first; s <= last; ++s) {
            if (painted[s] == root[i]) continue;
            painted[s] = root[i];
            live[s] += align_up(buffers[i].bytes);
        }
    }
    std::size_t best = 0;
    for (int s = 0; s <= n; ++s) best = live[s] > best ? live[s] : best;
    return best;
}

// The compile-time entry point: fixed capacity, same algorithm.
template <std::size_t N>
constexpr std::size_t live_lower_bound(const std::array<buffer, N>& buffers, const std::array<int, N>& root) noexcept {
    std::array<int, N> order{};
    std::array<int, N + 1> painted{};
    std::array<std::size_t, N + 1> live{};
    return live_lower_bound(buffers.data(), static_cast<int>(N), root.data(), order.data(), painted.data(), live.data());
}

}  // namespace ctnn::plan
