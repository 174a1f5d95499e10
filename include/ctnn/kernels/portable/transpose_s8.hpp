// Portable TRANSPOSE, int8 or int16, specialised at compile time; same bytes as reference::transpose.
//
//   kernel<portable_set, op::transpose>::run<transpose_params P>(input, output)
//
// How: the permutation is first simplified (transpose_plan): size-1 dimensions dropped, and
// runs of input dimensions that stay adjacent and in order in the output merged into one. If
// the output's innermost dimension is then the input's innermost, it is a contiguous run in both
// tensors and is copied as one block; the remaining dimensions are walked with their input
// strides, all compile-time constants. The output is written front to back.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/transpose_s8.hpp"

namespace ctnn::kernels {

struct transpose_plan {
    int rank = 0;                                       // dimensions left to walk
    std::array<int, transpose_max_rank> dims{};         // their sizes, in output order
    std::array<long, transpose_max_rank> in_stride{};   // their input strides, in bytes
    long block = 1;                                     // bytes copied per innermost step
    long outer = 1;                                     // product of dims[0 .. rank-1)
};

constexpr transpose_plan make_transpose_plan(const transpose_params& p) noexcept {
    // Input dimensions of size > 1, renumbered; the permutation restricted to them.
    std::array<int, transpose_max_rank> size{}, renum{};
    int kept = 0;
    for (int d = 0; d < p.rank; ++d) {
        renum[static_cast<std::size_t>(d)] = p.in_shape[static_cast<std::size_t>(d)] > 1 ? kept : -1;
        if (p.in_shape[static_cast<std::size_t>(d)] > 1) size[static_cast<std::size_t>(kept++)] = p.in_shape[static_cast<std::size_t>(d)];
    }
    std::array<int, transpose_max_rank> perm{};
    int n = 0;
    for (int i = 0; i < p.rank; ++i) {
        const int r = renum[static_cast<std::size_t>(p.perm[static_cast<std::size_t>(i)])];
        if (r >= 0) perm[static_cast<std::size_t>(n++)] = r;
    }
    std::array<long, transpose_max_rank> stride{};
    long s = 1;
    for (int d = kept; d-- > 0;) {
        stride[static_cast<std::size_t>(d)] = s;
        s *= size[static_cast<std::size_t>(d)];
    }
    // Merge output neighbours that are input neighbours in order: one dimension of their product,
    // with the inner one's stride.
    transpose_plan plan;
    std::array<int, transpose_max_rank> last_input{};
    for (int i = 0; i < n; ++i) {
        const auto d = static_cast<std::size_t>(perm[static_cast<std::size_t>(i)]);
        if (plan.rank > 0 && static_cast<int>(d) == last_input[static_cast<std::size_t>(plan.rank - 1)] + 1) {
            plan.dims[static_cast<std::size_t>(plan.rank - 1)] *= size[d];
            plan.in_stride[static_cast<std::size_t>(plan.rank - 1)] = stride[d];
            last_input[static_cast<std::size_t>(plan.rank - 1)] = static_cast<int>(d);
        } else {
            plan.dims[static_cast<std::size_t>(plan.rank)] = size[d];
            plan.in_stride[static_cast<std::size_t>(plan.rank)] = stride[d];
            last_input[static_cast<std::size_t>(plan.rank)] = static_cast<int>(d);
            ++plan.rank;
        }
    }
    // A contiguous innermost dimension (input stride 1) is a block, not a loop.
    if (plan.rank > 0 && plan.in_stride[static_cast<std::size_t>(plan.rank - 1)] == 1) {
        plan.block = plan.dims[static_cast<std::size_t>(plan.rank - 1)];
        --plan.rank;
    }
    for (int i = 0; i + 1 < plan.rank; ++i) plan.outer *= plan.dims[static_cast<std::size_t>(i)];
    return plan;
}

template <>
struct kernel<portable_set, op::transpose> : provided_kernel {
    template <transpose_params P>
    static constexpr linked_constants constants() { return {}; }  // copies only
    template <transpose_params P, class T>
    static void run(const T* input, T* output) {
        constexpr transpose_plan plan = make_transpose_plan(P);
        if constexpr (plan.rank == 0) {
            std::memcpy(output, input, sizeof(T) * static_cast<std::size_t>(plan.block));  // an identity in effect
        } else {
            constexpr int last = plan.rank - 1;
            constexpr int inner = plan.dims[last];
            constexpr long inner_stride = plan.in_stride[last];
            std::array<int, transpose_max_rank> index{};
            const T* x = input;
            T* o = output;
            for (long n = 0; n < plan.outer; ++n) {
                for (int k = 0; k < inner; ++k) {
                    if constexpr (plan.block == 1) {
                        *o++ = x[k * inner_stride];
                    } else {
                        std::memcpy(o, x + k * inner_stride, sizeof(T) * static_cast<std::size_t>(plan.block));
                        o += plan.block;
                    }
                }
                for (int d = last - 1; d >= 0; --d) {  // next row: the outer dimensions' odometer
                    x += plan.in_stride[static_cast<std::size_t>(d)];
                    if (++index[static_cast<std::size_t>(d)] < plan.dims[static_cast<std::size_t>(d)]) break;
                    x -= plan.in_stride[static_cast<std::size_t>(d)] * plan.dims[static_cast<std::size_t>(d)];
                    index[static_cast<std::size_t>(d)] = 0;
                }
            }
        }
    }
};

}  // namespace ctnn::kernels
