// An in-place heap sort for the planner: O(n log n) in constant evaluation too, where an
// insertion sort costs O(n^2) steps of the compiler on deep models. `before` must be a strict
// total order (ties broken by index), so the result is unique whatever the input order.
#pragma once

namespace ctnn::plan::detail {

template <class Before>
constexpr void heap_sort(int* items, int count, Before before) noexcept {
    auto sift_down = [&](int root, int end) {
        for (;;) {
            int child = 2 * root + 1;
            if (child >= end) return;
            if (child + 1 < end && before(items[child], items[child + 1])) ++child;
            if (!before(items[root], items[child])) return;
            const int t = items[root];
            items[root] = items[child];
            items[child] = t;
            root = child;
        }
    };
    for (int i = count / 2 - 1; i >= 0; --i) sift_down(i, count);
    for (int end = count - 1; end > 0; --end) {
        const int t = items[0];
        items[0] = items[end];
        items[end] = t;
        sift_down(0, end);
    }
}

}  // namespace ctnn::plan::detail
