// Greedy placement of storage groups (see arena_planner.hpp): in a given order, each group
// goes to the lowest offset that overlaps no placed group live at the same time.
//
// The compiler runs this for every model, and constant evaluation is slow (microseconds per
// loop step), so the cost follows the overlaps, not the model size squared: for each group
// only the placed groups live with it are visited, found through the groups sorted by first
// use, and swept in offset order. A chain costs O(n log n); a graph where every group lives
// with every other costs O(n^2 log n).
#pragma once

#include <cstddef>

#include "ctnn/plan/sort.hpp"

namespace ctnn::plan::detail {

// A group's bytes (the most its members reach) and lifetime. A group that holds a step whose
// output resizes in place (buffer::resizes) is as tall as its members need in each part of its
// life: a float input quantized over itself leaves only the int8 bytes in use after the step,
// and tensors placed later may take the rest. Part p runs from step start[p] (start[0] is the
// group's first step) to the next part's start; every other group is `bytes` tall throughout.
struct group_span {
    static constexpr int max_parts = 4;
    std::size_t bytes = 0;
    int first = 0;
    int last = 0;
    int parts = 0;  // 0: one height, `bytes`
    int start[max_parts]{};
    std::size_t tall[max_parts]{};

    constexpr bool varies() const noexcept { return parts > 0; }
    // The bytes the group needs over steps [from, to] (inside its lifetime).
    constexpr std::size_t height(int from, int to) const noexcept {
        if (parts == 0) return bytes;
        std::size_t h = 0;
        for (int p = 0; p < parts; ++p) {
            const int end = p + 1 < parts ? start[p + 1] - 1 : last;
            if (start[p] <= to && end >= from && tall[p] > h) h = tall[p];
        }
        return h;
    }
    // A member of `top` bytes (from the group's start) live over steps [from, to] joins.
    constexpr void raise(int from, int to, std::size_t top) noexcept {
        if (parts > 0 && from < start[0]) start[0] = from;
        for (int p = 0; p < parts; ++p) {
            const int end = p + 1 < parts ? start[p + 1] - 1 : (to > last ? to : last);
            if (start[p] <= to && end >= from && top > tall[p]) tall[p] = top;
        }
    }
};

// Scratch for placing up to n groups: n ints each, n offsets in `trial`.
struct placement_workspace {
    int* by_first;      // the groups by first use (ties: index)
    int* reach;         // reach[i]: the latest last use among by_first[0..i]
    int* placed;        // placed[g]: the pass that placed g, or -1
    int* live;          // the placed groups live with the one being placed
    std::size_t* trial; // offsets of the pass in progress
};

inline constexpr int placement_strategies = 4;

// Orders the groups for placement:
//   0: largest first (ties: earlier first use), the classic greedy;
//   1: by first use, as a linear allocator would see them;
//   2: by last use, latest first;
//   3: longest-lived first (ties: largest).
// Every order ends in the group index, so it is total and the sorted result unique.
constexpr void sort_groups(int* order, int count, const group_span* spans, int strategy) noexcept {
    heap_sort(order, count, [&](int x, int y) {
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
    });
}

// Prepares by_first, reach and placed for the groups listed in `groups`.
constexpr void index_by_first_use(const int* groups, int count, const group_span* spans, placement_workspace& w) noexcept {
    for (int i = 0; i < count; ++i) {
        w.by_first[i] = groups[i];
        w.placed[groups[i]] = -1;
    }
    heap_sort(w.by_first, count, [&](int x, int y) { return spans[x].first != spans[y].first ? spans[x].first < spans[y].first : x < y; });
    for (int i = 0; i < count; ++i) {
        const int last = spans[w.by_first[i]].last;
        w.reach[i] = i > 0 && w.reach[i - 1] > last ? w.reach[i - 1] : last;
    }
}

// Places the groups in `order` (pass number `pass`, distinct per call) into w.trial; returns
// the arena size. The offset of each group is the lowest one that overlaps no placed group
// live with it: starting at 0, the sweep over those groups in offset order moves past each
// one the candidate overlaps and stops at the first that starts past the candidate's end.
constexpr std::size_t place_groups(const int* order, int count, const group_span* spans, placement_workspace& w,
                                   int pass) noexcept {
    std::size_t arena = 0;
    for (int p = 0; p < count; ++p) {
        const int g = order[p];
        const group_span& s = spans[g];
        int begin = 0, end = count;  // by_first[0, end): the groups first used by s.last
        while (begin < end) {
            const int mid = (begin + end) / 2;
            if (spans[w.by_first[mid]].first <= s.last) begin = mid + 1;
            else end = mid;
        }
        int live = 0;
        for (int i = end - 1; i >= 0 && w.reach[i] >= s.first; --i) {
            const int h = w.by_first[i];
            if (w.placed[h] == pass && spans[h].last >= s.first) w.live[live++] = h;
        }
        heap_sort(w.live, live, [&](int x, int y) { return w.trial[x] != w.trial[y] ? w.trial[x] < w.trial[y] : x < y; });
        // Two groups need each other's bytes only over the steps both live (their heights
        // there). A group of one height may stop at the first group that starts past it; one
        // whose height varies sweeps again until nothing moves it (a move may reach a group
        // it passed under).
        std::size_t offset = 0;
        for (bool moved = true; moved;) {
            moved = false;
            for (int q = 0; q < live; ++q) {
                const int h = w.live[q];
                const int from = spans[h].first > s.first ? spans[h].first : s.first;
                const int to = spans[h].last < s.last ? spans[h].last : s.last;
                const std::size_t mine = s.height(from, to);
                if (w.trial[h] >= offset + mine) {
                    if (!s.varies()) break;  // it and every later one start past the candidate
                    continue;
                }
                const std::size_t top = w.trial[h] + spans[h].height(from, to);
                if (offset < top) {
                    offset = top;
                    moved = s.varies();
                }
            }
        }
        w.trial[g] = offset;
        w.placed[g] = pass;
        if (offset + s.bytes > arena) arena = offset + s.bytes;
    }
    return arena;
}

}  // namespace ctnn::plan::detail
