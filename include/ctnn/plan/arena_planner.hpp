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
//     the input dies at this very step and has the same size; the planner checks both.
// Groups of shared tensors are placed greedily, each at the lowest offset that overlaps no
// already placed group whose lifetime intersects its own; a few placement orders are tried
// (largest first, by first use, ...) and the smallest arena wins.
#pragma once

#include <array>
#include <cstddef>

namespace ctnn::plan {

inline constexpr std::size_t arena_alignment = 4;  // word access on every Cortex-M

struct buffer {
    std::size_t bytes = 0;
    int first_step = 0;    // step that produces it
    int last_step = 0;     // last step that reads it
    int alias_of = -1;     // index of a tensor whose bytes this one is (reshape), or -1
    int in_place_of = -1;  // index of an input this one may overwrite, or -1
};

constexpr std::size_t align_up(std::size_t n) noexcept {
    return (n + arena_alignment - 1) / arena_alignment * arena_alignment;
}

namespace detail {

constexpr int find_root(const int* parent, int i) noexcept {
    while (parent[i] != i) i = parent[i];
    return i;
}

struct group_span {
    std::size_t bytes = 0;
    int first = 0;
    int last = 0;
};

inline constexpr int placement_strategies = 4;

// Orders the groups for placement:
//   0: largest first (ties: earlier first use), the classic greedy;
//   1: by first use, as a linear allocator would see them;
//   2: by last use, latest first;
//   3: longest-lived first (ties: largest).
constexpr void sort_groups(int* order, int count, const group_span* spans, int strategy) noexcept {
    auto before = [&](int x, int y) {
        const group_span& a = spans[x];
        const group_span& b = spans[y];
        switch (strategy) {
            case 1:
                if (a.first != b.first) return a.first < b.first;
                break;
            case 2:
                if (a.last != b.last) return a.last > b.last;
                break;
            case 3:
                if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
                break;
            default:
                break;
        }
        if (a.bytes != b.bytes) return a.bytes > b.bytes;
        if (a.first != b.first) return a.first < b.first;
        return x < y;
    };
    for (int i = 1; i < count; ++i) {  // insertion sort: small n, constexpr, stable
        const int key = order[i];
        int j = i - 1;
        while (j >= 0 && before(key, order[j])) {
            order[j + 1] = order[j];
            --j;
        }
        order[j + 1] = key;
    }
}

// Places groups in the given order, each at the lowest offset that overlaps no placed group
// live at the same time. Returns the arena size.
constexpr std::size_t place_groups(const int* order, int count, const group_span* spans, std::size_t* offsets) noexcept {
    std::size_t arena = 0;
    for (int p = 0; p < count; ++p) {
        const int g = order[p];
        std::size_t offset = 0;
        // Move past every placed, simultaneously live group that overlaps the candidate;
        // repeat until a full pass finds no conflict.
        for (bool moved = true; moved;) {
            moved = false;
            for (int q = 0; q < p; ++q) {
                const int h = order[q];
                const bool live_together = spans[g].first <= spans[h].last && spans[h].first <= spans[g].last;
                const bool overlaps = offset < offsets[h] + spans[h].bytes && offsets[h] < offset + spans[g].bytes;
                if (live_together && overlaps) {
                    offset = offsets[h] + spans[h].bytes;
                    moved = true;
                }
            }
        }
        offsets[g] = offset;
        if (offset + spans[g].bytes > arena) arena = offset + spans[g].bytes;
    }
    return arena;
}

}  // namespace detail

// Workspace the caller provides for n tensors: `group` (n ints), `order` (n ints),
// `spans` (n group_spans). Writes `offsets[i]` for every tensor i and `root[i]`, the tensor
// whose storage i uses. Returns the arena size in bytes.
constexpr std::size_t plan_arena(const buffer* buffers, int n, std::size_t* offsets, int* root,
                                 int* order, detail::group_span* spans) noexcept {
    for (int i = 0; i < n; ++i) {
        root[i] = i;
        spans[i] = {align_up(buffers[i].bytes), buffers[i].first_step, buffers[i].last_step};
    }
    // Merge shared storage in step order, so a merged group's lifetime is known when a later
    // tensor asks to run in place over it.
    for (int i = 0; i < n; ++i) {
        const buffer& b = buffers[i];
        int target = -1;
        if (b.alias_of >= 0) {
            target = detail::find_root(root, b.alias_of);
        } else if (b.in_place_of >= 0) {
            const int r = detail::find_root(root, b.in_place_of);
            if (spans[r].last == b.first_step && spans[r].bytes == spans[i].bytes) target = r;
        }
        if (target < 0) continue;
        root[i] = target;
        detail::group_span& g = spans[target];
        if (spans[i].bytes > g.bytes) g.bytes = spans[i].bytes;
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
    std::size_t best = static_cast<std::size_t>(-1);
    int best_strategy = 0;
    for (int strategy = 0; strategy < detail::placement_strategies; ++strategy) {
        detail::sort_groups(order, groups, spans, strategy);
        const std::size_t arena = detail::place_groups(order, groups, spans, offsets);
        if (arena < best) {
            best = arena;
            best_strategy = strategy;
        }
    }
    detail::sort_groups(order, groups, spans, best_strategy);
    const std::size_t arena = detail::place_groups(order, groups, spans, offsets);
    for (int i = 0; i < n; ++i) offsets[i] = offsets[root[i]];
    return arena;
}

// Proof that a plan is safe: no two tensors that are live at the same step and do not share
// storage on purpose occupy overlapping bytes, and every tensor lies inside the arena.
constexpr bool plan_is_safe(const buffer* buffers, int n, const std::size_t* offsets, const int* root,
                            std::size_t arena_bytes) noexcept {
    for (int i = 0; i < n; ++i) {
        if (offsets[i] % arena_alignment != 0 || offsets[i] + buffers[i].bytes > arena_bytes) return false;
        for (int j = i + 1; j < n; ++j) {
            if (root[i] == root[j]) continue;
            const bool live_together =
                buffers[i].first_step <= buffers[j].last_step && buffers[j].first_step <= buffers[i].last_step;
            const bool overlaps = offsets[i] < offsets[j] + buffers[j].bytes && offsets[j] < offsets[i] + buffers[i].bytes;
            if (live_together && overlaps) return false;
        }
    }
    return true;
}

// A lower bound for any placement of these lifetimes: the most bytes live at one step, each
// shared storage group (`root`, from plan_arena) counted once. A plan that reaches it is optimal.
constexpr std::size_t live_lower_bound(const buffer* buffers, int n, const int* root) noexcept {
    int last_step = 0;
    for (int i = 0; i < n; ++i) last_step = buffers[i].last_step > last_step ? buffers[i].last_step : last_step;
    std::size_t best = 0;
    for (int step = 0; step <= last_step; ++step) {
        std::size_t sum = 0;
        for (int g = 0; g < n; ++g) {
            if (root[g] != g) continue;  // one term per group: its largest live member
            std::size_t group_bytes = 0;
            for (int i = 0; i < n; ++i) {
                const bool live = buffers[i].first_step <= step && step <= buffers[i].last_step;
                if (root[i] == g && live && align_up(buffers[i].bytes) > group_bytes) group_bytes = align_up(buffers[i].bytes);
            }
            sum += group_bytes;
        }
        if (sum > best) best = sum;
    }
    return best;
}

template <std::size_t N>
struct arena_plan {
    std::array<std::size_t, N> offsets{};
    std::array<int, N> root{};
    std::size_t bytes = 0;
};

// The compile-time entry point: fixed capacity, same algorithm.
template <std::size_t N>
constexpr arena_plan<N> plan_arena(const std::array<buffer, N>& buffers) noexcept {
    arena_plan<N> plan;
    std::array<int, N> order{};
    std::array<detail::group_span, N> spans{};
    plan.bytes = plan_arena(buffers.data(), static_cast<int>(N), plan.offsets.data(), plan.root.data(),
                            order.data(), spans.data());
    return plan;
}

}  // namespace ctnn::plan
