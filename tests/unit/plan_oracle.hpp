// The planner as it was before it was made output-sensitive (insertion sort, placement by
// repeated passes over every placed group, the lower bound by scanning every group at every
// step: O(n^3)), kept as the oracle the fast planner must match exactly.
#pragma once

#include <cstddef>
#include <vector>

#include "ctnn/plan/arena_planner.hpp"

namespace oracle {

using ctnn::plan::align_up;
using ctnn::plan::buffer;

struct span {
    std::size_t bytes = 0;
    int first = 0, last = 0;
};

inline int find_root(const std::vector<int>& parent, int i) {
    while (parent[static_cast<std::size_t>(i)] != i) i = parent[static_cast<std::size_t>(i)];
    return i;
}

inline void sort_groups(std::vector<int>& order, int count, const std::vector<span>& spans, int strategy) {
    auto before = [&](int x, int y) {
        const span& a = spans[static_cast<std::size_t>(x)];
        const span& b = spans[static_cast<std::size_t>(y)];
        switch (strategy) {
            case 1: if (a.first != b.first) return a.first < b.first; break;
            case 2: if (a.last != b.last) return a.last > b.last; break;
            case 3: if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first; break;
            default: break;
        }
        if (a.bytes != b.bytes) return a.bytes > b.bytes;
        if (a.first != b.first) return a.first < b.first;
        return x < y;
    };
    for (int i = 1; i < count; ++i) {
        const int key = order[static_cast<std::size_t>(i)];
        int j = i - 1;
        while (j >= 0 && before(key, order[static_cast<std::size_t>(j)])) {
            order[static_cast<std::size_t>(j + 1)] = order[static_cast<std::size_t>(j)];
            --j;
        }
        order[static_cast<std::size_t>(j + 1)] = key;
    }
}

inline std::size_t place_groups(const std::vector<int>& order, int count, const std::vector<span>& spans, std::vector<std::size_t>& offsets) {
    std::size_t arena = 0;
    for (int p = 0; p < count; ++p) {
        const span& g = spans[static_cast<std::size_t>(order[static_cast<std::size_t>(p)])];
        std::size_t offset = 0;
        for (bool moved = true; moved;) {
            moved = false;
            for (int q = 0; q < p; ++q) {
                const auto h = static_cast<std::size_t>(order[static_cast<std::size_t>(q)]);
                const bool live_together = g.first <= spans[h].last && spans[h].first <= g.last;
                const bool overlaps = offset < offsets[h] + spans[h].bytes && offsets[h] < offset + g.bytes;
                if (live_together && overlaps) {
                    offset = offsets[h] + spans[h].bytes;
                    moved = true;
                }
            }
        }
        offsets[static_cast<std::size_t>(order[static_cast<std::size_t>(p)])] = offset;
        if (offset + g.bytes > arena) arena = offset + g.bytes;
    }
    return arena;
}

struct plan {
    std::vector<std::size_t> offsets;
    std::vector<int> root;
    std::size_t bytes = 0;
};

inline plan plan_arena(const std::vector<buffer>& buffers) {
    const int n = static_cast<int>(buffers.size());
    plan r{std::vector<std::size_t>(buffers.size()), std::vector<int>(buffers.size()), 0};
    std::vector<span> spans(buffers.size());
    std::vector<int> order(buffers.size());
    for (int i = 0; i < n; ++i) {
        const auto u = static_cast<std::size_t>(i);
        r.root[u] = i;
        spans[u] = {align_up(buffers[u].bytes), buffers[u].first_step, buffers[u].last_step};
    }
    for (int i = 0; i < n; ++i) {
        const auto u = static_cast<std::size_t>(i);
        const buffer& b = buffers[u];
        int target = -1;
        if (b.alias_of >= 0) {
            target = find_root(r.root, b.alias_of);
        } else if (b.in_place_of >= 0) {
            const int t = find_root(r.root, b.in_place_of);
            // The input's own (unaligned) size must be the output's too: a broadcast operand is re-read.
            if (spans[static_cast<std::size_t>(t)].last == b.first_step && spans[static_cast<std::size_t>(t)].bytes == spans[u].bytes &&
                buffers[static_cast<std::size_t>(b.in_place_of)].bytes == b.bytes)
                target = t;
        }
        if (target < 0) continue;
        r.root[u] = target;
        span& g = spans[static_cast<std::size_t>(target)];
        if (spans[u].bytes > g.bytes) g.bytes = spans[u].bytes;
        if (spans[u].first < g.first) g.first = spans[u].first;
        if (spans[u].last > g.last) g.last = spans[u].last;
    }
    for (int i = 0; i < n; ++i) r.root[static_cast<std::size_t>(i)] = find_root(r.root, i);
    int groups = 0;
    for (int i = 0; i < n; ++i)
        if (r.root[static_cast<std::size_t>(i)] == i) order[static_cast<std::size_t>(groups++)] = i;
    std::size_t best = static_cast<std::size_t>(-1);
    int best_strategy = 0;
    for (int strategy = 0; strategy < 4; ++strategy) {
        sort_groups(order, groups, spans, strategy);
        const std::size_t arena = place_groups(order, groups, spans, r.offsets);
        if (arena < best) {
            best = arena;
            best_strategy = strategy;
        }
    }
    sort_groups(order, groups, spans, best_strategy);
    r.bytes = place_groups(order, groups, spans, r.offsets);
    for (int i = 0; i < n; ++i) r.offsets[static_cast<std::size_t>(i)] = r.offsets[static_cast<std::size_t>(r.root[static_cast<std::size_t>(i)])];
    return r;
}

inline std::size_t live_lower_bound(const std::vector<buffer>& buffers, const std::vector<int>& root) {
    const int n = static_cast<int>(buffers.size());
    int last_step = 0;
    for (const buffer& b : buffers) last_step = b.last_step > last_step ? b.last_step : last_step;
    std::size_t best = 0;
    for (int step = 0; step <= last_step; ++step) {
        std::size_t sum = 0;
        for (int g = 0; g < n; ++g) {
            if (root[static_cast<std::size_t>(g)] != g) continue;
            std::size_t group_bytes = 0;
            for (int i = 0; i < n; ++i) {
                const buffer& b = buffers[static_cast<std::size_t>(i)];
                const bool live = b.first_step <= step && step <= b.last_step;
                if (root[static_cast<std::size_t>(i)] == g && live && align_up(b.bytes) > group_bytes) group_bytes = align_up(b.bytes);
            }
            sum += group_bytes;
        }
        if (sum > best) best = sum;
    }
    return best;
}

}  // namespace oracle
