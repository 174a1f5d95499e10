// Portable PAD, int8 or int16, specialised at compile time; same bytes as reference::pad.
//
//   kernel<portable_set, op::pad>::run<P>(const T* input, T* output)   (T: std::int8_t or std::int16_t)
//
// The parameters are the template argument itself (a valid NTTP). Tensors are 4-D (lower
// ranks extended with leading 1s); fill value P.pad_value (the zero point); no alignment needed.
//
// How: the output is written front to back as runs: fill runs for padding, and one memcpy per
// input row of the innermost dimension (or per whole plane when the inner dimensions are not
// padded, since those rows are then contiguous in both tensors).
#pragma once

#include <array>
#include <cstdint>
#include <algorithm>
#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/geometry.hpp"

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::pad> : provided_kernel {
    template <pad_params P>
    static constexpr linked_constants constants() { return {}; }  // runs of memset and memcpy
    // n elements of value v: one memset for bytes.
    template <class T>
    static void fill(T* o, T v, int n) {
        if constexpr (sizeof(T) == 1) std::memset(o, static_cast<unsigned char>(v), static_cast<std::size_t>(n));
        else std::fill_n(o, n, v);
    }
    template <pad_params P, class T>
    static void run(const T* input, T* output) {
        constexpr std::array<int, 4> in = P.in_shape;
        constexpr std::array<int, 4> out{P.before[0] + in[0] + P.after[0], P.before[1] + in[1] + P.after[1],
                                         P.before[2] + in[2] + P.after[2], P.before[3] + in[3] + P.after[3]};
        static_assert(in[0] >= 0 && in[1] >= 0 && in[2] >= 0 && in[3] >= 0, "ctnn: pad_s8 needs a valid shape");
        constexpr T value = static_cast<T>(P.pad_value);
        constexpr int out_row = out[3];                 // one row of the innermost dimension
        constexpr int out_plane = out[2] * out_row;     // one step of dimension 1
        constexpr bool inner_unpadded = P.before[2] == 0 && P.after[2] == 0 && P.before[3] == 0 && P.after[3] == 0;

        T* o = output;
        const T* x = input;
        for (int i0 = 0; i0 < out[0]; ++i0) {
            const bool in0 = i0 >= P.before[0] && i0 < P.before[0] + in[0];
            for (int i1 = 0; i1 < out[1]; ++i1) {
                const bool in1 = in0 && i1 >= P.before[1] && i1 < P.before[1] + in[1];
                if (!in1) {
                    fill(o, value, out_plane);
                    o += out_plane;
                    continue;
                }
                if constexpr (inner_unpadded) {
                    std::memcpy(o, x, sizeof(T) * out_plane);
                    o += out_plane;
                    x += out_plane;
                    continue;
                }
                fill(o, value, P.before[2] * out_row);
                o += P.before[2] * out_row;
                for (int i2 = 0; i2 < in[2]; ++i2) {
                    fill(o, value, P.before[3]);
                    std::memcpy(o + P.before[3], x, sizeof(T) * in[3]);
                    fill(o + P.before[3] + in[3], value, P.after[3]);
                    o += out_row;
                    x += in[3];
                }
                fill(o, value, P.after[2] * out_row);
                o += P.after[2] * out_row;
            }
        }
    }
};
}  // namespace ctnn::kernels
