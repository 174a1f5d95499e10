// Reference strided copy: the data movement of STRIDED_SLICE, SLICE and BROADCAST_TO. The
// output, seen as 5-D (lower ranks get leading 1s), is written in order; output element
// (i0, ..., i4) is input element first + i0 * step[0] + ... + i4 * step[4]. A slice steps by
// its strides times the input's dimension strides (negative when it runs backwards), a
// broadcast dimension steps by 0. No arithmetic on the values, so any element type.
#pragma once

#include <array>
#include <cstddef>

namespace ctnn::kernels {

// The largest rank the data-movement operators take (TFLite's STRIDED_SLICE, SLICE and
// BROADCAST_TO limit, and MIRROR_PAD's and GATHER's here).
inline constexpr int max_movement_rank = 5;

struct strided_copy_params {
    std::array<int, 5> count{1, 1, 1, 1, 1};  // output dimensions
    std::array<int, 5> step{};                // input elements per output step, per dimension
    int first = 0;                            // input element of output element 0

    constexpr int output_size() const noexcept { return count[0] * count[1] * count[2] * count[3] * count[4]; }
    friend constexpr bool operator==(const strided_copy_params&, const strided_copy_params&) = default;
};

// Elements per step of each dimension of a row-major tensor of `rank` dimensions.
template <std::size_t N>
constexpr std::array<int, N> dimension_strides(const std::array<int, N>& dims, int rank) noexcept {
    std::array<int, N> s{};
    int run = 1;
    for (int d = rank - 1; d >= 0; --d) {
        s[static_cast<std::size_t>(d)] = run;
        run *= dims[static_cast<std::size_t>(d)];
    }
    return s;
}

// A slice of a tensor of `rank` dims (<= 5): along dimension d, count[d] elements from
// start[d], stride[d] apart (stride may be negative; every index read lies in the input).
constexpr strided_copy_params slice_copy(int rank, const std::array<int, 5>& in_dims, const std::array<int, 5>& start,
                                         const std::array<int, 5>& stride, const std::array<int, 5>& count) noexcept {
    const std::array<int, 5> s = dimension_strides(in_dims, rank);
    strided_copy_params p;
    for (int d = 0; d < rank; ++d) {
        const auto i = static_cast<std::size_t>(5 - rank + d), k = static_cast<std::size_t>(d);
        p.count[i] = count[k];
        p.step[i] = stride[k] * s[k];
        p.first += start[k] * s[k];
    }
    return p;
}

// BROADCAST_TO: the input's dimensions align with the output's last ones; a dimension of 1
// against a larger one repeats (steps by 0).
constexpr strided_copy_params broadcast_copy(int in_rank, const std::array<int, 5>& in_dims, int out_rank,
                                             const std::array<int, 5>& out_dims) noexcept {
    const std::array<int, 5> s = dimension_strides(in_dims, in_rank);
    strided_copy_params p;
    for (int d = 0; d < out_rank; ++d) {
        const auto i = static_cast<std::size_t>(5 - out_rank + d);
        p.count[i] = out_dims[static_cast<std::size_t>(d)];
        const int k = d - (out_rank - in_rank);  // the input dimension under output dimension d
        const bool repeats = k < 0 || (in_dims[static_cast<std::size_t>(k)] == 1 && p.count[i] != 1);
        p.step[i] = repeats || k < 0 ? 0 : s[static_cast<std::size_t>(k)];
    }
    return p;
}

namespace reference {

template <class T>
void strided_copy(const strided_copy_params& p, const T* input, T* output) {
    int o = 0;
    for (int i0 = 0; i0 < p.count[0]; ++i0)
        for (int i1 = 0; i1 < p.count[1]; ++i1)
            for (int i2 = 0; i2 < p.count[2]; ++i2)
                for (int i3 = 0; i3 < p.count[3]; ++i3)
                    for (int i4 = 0; i4 < p.count[4]; ++i4)
                        output[o++] = input[p.first + i0 * p.step[0] + i1 * p.step[1] + i2 * p.step[2] + i3 * p.step[3] + i4 * p.step[4]];
}

}  // namespace reference
}  // namespace ctnn::kernels
