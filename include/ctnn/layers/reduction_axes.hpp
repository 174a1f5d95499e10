// What every reduction layer (MEAN, SUM, REDUCE_MAX, REDUCE_MIN) derives from its axes, once:
// the first axis outside [-rank, rank), the reduced dimensions (negative axes count from the
// end, duplicates once) and the output dimensions (keep_dims leaves each reduced dimension as
// 1; without it they go, and a full reduction gives one value, shape<1>).
#pragma once

#include <array>
#include <cstddef>

#include "ctnn/core/shape.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/layers/options.hpp"

namespace ctnn::layers::detail {

// The first axis outside [-Rank, Rank), or 0 when every axis is inside.
template <int Rank, Axes Over>
constexpr int bad_axis() noexcept {
    for (const int a : Over::values)
        if (a < -Rank || a >= Rank) return a;
    return 0;
}
template <int Rank, int Axis>
inline constexpr bool axis_in_range = Axis >= -Rank && Axis < Rank;

// The reduction of a tensor of shape S over Over (its axes in range: checked first).
// Every element of dims and reduced is written: the kernels take the reduction as a template
// argument, and GCC 12 takes two such values for one when their arrays were filled in part
// (each left to its default but one, at different places).
template <Shape S, Axes Over>
constexpr kernels::reduction reduction_of() noexcept {
    kernels::reduction r;
    r.rank = S::rank;
    for (int d = 0; d < kernels::max_reduction_rank; ++d) {
        bool reduced = false;
        for (const int a : Over::values) reduced = reduced || (a < 0 ? a + S::rank : a) == d;
        r.dims[static_cast<std::size_t>(d)] = d < S::rank ? S::dims[static_cast<std::size_t>(d)] : 1;
        r.reduced[static_cast<std::size_t>(d)] = d < S::rank && reduced;
    }
    return r;
}

// The output dimensions of a reduction, padded to 6: keep the first `rank`. (A function of the
// value, not a template on it: GCC 12 takes two reductions passed as class-type template
// arguments through a cast for one and the same.)
struct reduced_dims_result {
    std::array<int, 6> dims{1, 1, 1, 1, 1, 1};
    int rank = 1;
};
constexpr reduced_dims_result reduced_dims(bool keep_dims, const kernels::reduction& r) noexcept {
    reduced_dims_result out;
    int k = 0;
    for (int d = 0; d < r.rank; ++d) {
        const bool reduced = r.reduced[static_cast<std::size_t>(d)];
        if (keep_dims) out.dims[static_cast<std::size_t>(k++)] = reduced ? 1 : r.dims[static_cast<std::size_t>(d)];
        else if (!reduced) out.dims[static_cast<std::size_t>(k++)] = r.dims[static_cast<std::size_t>(d)];
    }
    out.rank = k > 0 ? k : 1;  // a full reduction without keep_dims: one value
    return out;
}
template <int Rank>
constexpr std::array<int, Rank> first_dims(const std::array<int, 6>& dims) noexcept {
    std::array<int, Rank> out{};
    for (int d = 0; d < Rank; ++d) out[static_cast<std::size_t>(d)] = dims[static_cast<std::size_t>(d)];
    return out;
}

}  // namespace ctnn::layers::detail
