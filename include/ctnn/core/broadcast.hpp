// The broadcast geometry of an element-wise binary operator, TFLite's rule: shapes aligned on
// their last dimension, the shorter one extended with leading 1s, and in each dimension the two
// sizes equal or one of them 1 (that operand repeats along it). Computed once at compile time
// from the two shapes and shared by every binary layer (ADD, SUB, MUL, SQUARED_DIFFERENCE,
// MAXIMUM, MINIMUM, PRELU): the output shape, each input's strides for the reference walk, and
// the smallest loop nest for the fast kernels (neighbouring dimensions that broadcast alike
// merged, size-1 dimensions dropped) with the pattern it reduces to.
#pragma once

#include <array>
#include <cstddef>

#include "ctnn/core/shape.hpp"

namespace ctnn {

inline constexpr int max_broadcast_rank = 6;  // TFLite's largest broadcast (ADD, MUL: 6-D)

// What the loop nest reduces to; the fast kernels take a straight loop for the first four.
enum class broadcast_kind {
    same,     // both inputs have the output's elements: out[i] = f(a[i], b[i])
    scalar1,  // input 1 is one value: f(a[0], b[i])
    scalar2,  // input 2 is one value: f(a[i], b[0])
    row1,     // input 1 is a row repeated along the outer loop (per-channel): f(a[i % n], b[i])
    row2,     // input 2 is the repeated row: f(a[i], b[i % n])
    general,  // any other pattern: the merged loops, each input with its own strides
};

struct broadcast_geometry {
    bool valid = true;
    int mismatch_axis = -1;  // first output axis (0 = outermost of the output) where the sizes clash
    int rank = 0;            // the output's rank: the larger input rank
    std::array<int, max_broadcast_rank> out{};  // output dims, the first `rank` used

    // The reference walk: every dimension of the output extended to max_broadcast_rank
    // (leading 1s), and each input's element stride along it (0 where it repeats).
    std::array<int, max_broadcast_rank> dims{};
    std::array<int, max_broadcast_rank> stride1{}, stride2{};

    // The fast kernels' loop nest, outermost first: `loops` merged dimensions.
    int loops = 0;
    std::array<int, max_broadcast_rank> extent{};
    std::array<int, max_broadcast_rank> loop_stride1{}, loop_stride2{};
    broadcast_kind kind = broadcast_kind::same;
    int row = 0;  // row1/row2: the row's length (the inner loop)
    int size = 1, size1 = 1, size2 = 1;  // elements of the output and of each input

    friend constexpr bool operator==(const broadcast_geometry&, const broadcast_geometry&) = default;
};

template <std::size_t R1, std::size_t R2>
constexpr broadcast_geometry make_broadcast_geometry(const std::array<int, R1>& a, const std::array<int, R2>& b) noexcept {
    broadcast_geometry g;
    constexpr int n = max_broadcast_rank;
    // Every array element assigned before use: GCC 12 mangles a class template argument built
    // sparsely without its gaps, so two geometries could name one kernel.
    for (int i = 0; i < n; ++i) {
        const auto k = static_cast<std::size_t>(i);
        g.out[k] = g.dims[k] = g.stride1[k] = g.stride2[k] = g.extent[k] = g.loop_stride1[k] = g.loop_stride2[k] = 0;
    }
    const int r1 = static_cast<int>(R1), r2 = static_cast<int>(R2);
    g.rank = r1 > r2 ? r1 : r2;
    if (g.rank > n) {
        g.valid = false;
        return g;
    }
    // Extended to n dims, right-aligned.
    std::array<int, n> d1{}, d2{};
    for (int i = 0; i < n; ++i) {
        const int k1 = i - (n - r1), k2 = i - (n - r2);
        d1[static_cast<std::size_t>(i)] = k1 >= 0 ? a[static_cast<std::size_t>(k1)] : 1;
        d2[static_cast<std::size_t>(i)] = k2 >= 0 ? b[static_cast<std::size_t>(k2)] : 1;
    }
    for (int i = 0; i < n; ++i) {
        const int x = d1[static_cast<std::size_t>(i)], y = d2[static_cast<std::size_t>(i)];
        if (x != y && x != 1 && y != 1) {
            g.valid = false;
            g.mismatch_axis = i - (n - g.rank);
            return g;
        }
        g.dims[static_cast<std::size_t>(i)] = x > y ? x : y;
    }
    for (int i = 0; i < g.rank; ++i) g.out[static_cast<std::size_t>(i)] = g.dims[static_cast<std::size_t>(i + n - g.rank)];
    // Row-major strides of each input; 0 along a dimension it repeats.
    int s1 = 1, s2 = 1;
    for (int i = n - 1; i >= 0; --i) {
        const auto k = static_cast<std::size_t>(i);
        g.stride1[k] = d1[k] == 1 ? 0 : s1;
        g.stride2[k] = d2[k] == 1 ? 0 : s2;
        s1 *= d1[k];
        s2 *= d2[k];
        g.size *= g.dims[k];
    }
    g.size1 = s1;
    g.size2 = s2;
    // The loop nest: size-1 output dims dropped; a dimension merges into the loop inside it
    // when both inputs broadcast along them alike (full-full, full-repeat or repeat-full).
    std::array<int, n> ext{}, full1{}, full2{};
    int loops = 0;
    for (int i = n - 1; i >= 0; --i) {  // innermost first
        const auto k = static_cast<std::size_t>(i);
        if (g.dims[k] == 1) continue;
        const int f1 = d1[k] != 1, f2 = d2[k] != 1;
        if (loops > 0 && full1[static_cast<std::size_t>(loops - 1)] == f1 && full2[static_cast<std::size_t>(loops - 1)] == f2) {
            ext[static_cast<std::size_t>(loops - 1)] *= g.dims[k];
        } else {
            ext[static_cast<std::size_t>(loops)] = g.dims[k];
            full1[static_cast<std::size_t>(loops)] = f1;
            full2[static_cast<std::size_t>(loops)] = f2;
            ++loops;
        }
    }
    g.loops = loops;
    s1 = 1;
    s2 = 1;
    for (int j = 0; j < loops; ++j) {  // j counts from the innermost; stored outermost first
        const auto k = static_cast<std::size_t>(loops - 1 - j), jj = static_cast<std::size_t>(j);
        g.extent[k] = ext[jj];
        g.loop_stride1[k] = full1[jj] ? s1 : 0;
        g.loop_stride2[k] = full2[jj] ? s2 : 0;
        if (full1[jj]) s1 *= ext[jj];
        if (full2[jj]) s2 *= ext[jj];
    }
    const bool inner_both = loops >= 1 && full1[0] && full2[0];
    if (loops == 0 || (loops == 1 && inner_both)) {
        g.kind = broadcast_kind::same;
    } else if (g.size1 == 1) {
        g.kind = broadcast_kind::scalar1;
    } else if (g.size2 == 1) {
        g.kind = broadcast_kind::scalar2;
    } else if (loops == 2 && inner_both && full2[1]) {
        g.kind = broadcast_kind::row1;
        g.row = ext[0];
    } else if (loops == 2 && inner_both && full1[1]) {
        g.kind = broadcast_kind::row2;
        g.row = ext[0];
    } else {
        g.kind = broadcast_kind::general;
    }
    return g;
}

// The geometry of two shape types, and the output shape as a type.
template <Shape S1, Shape S2>
struct broadcast_of {
    static constexpr broadcast_geometry geometry = make_broadcast_geometry(S1::dims, S2::dims);
    static constexpr int rank = geometry.rank;
    static constexpr auto out_dims = [] {
        std::array<int, static_cast<std::size_t>(S1::rank > S2::rank ? S1::rank : S2::rank)> d{};
        for (std::size_t i = 0; i < d.size(); ++i) d[i] = geometry.valid ? geometry.out[i] : 1;
        return d;
    }();
    using shape = shape_from<out_dims>;
};

namespace diag {
// Axis: the first output axis (outermost = 0, the longer shape's axes) where the sizes differ
// and neither is 1.
template <class Shape1, class Shape2, int Axis, bool Broadcastable>
struct binary_shapes_do_not_broadcast {
    static_assert(Broadcastable, "ctnn: the two input shapes do not broadcast: aligned on their last dimension, each "
                                 "dimension must be equal or 1 in one of them (template arguments: the two shapes and the "
                                 "first axis where they clash)");
};
template <class Shape1, class Shape2, int Rank, int MaxRank, bool Fits>
struct binary_broadcast_rank_too_large {
    static_assert(Fits, "ctnn: this operator broadcasts tensors of at most MaxRank dimensions, as TFLite does "
                        "(template arguments: the two shapes, their rank and the operator's limit)");
};
}  // namespace diag

}  // namespace ctnn
