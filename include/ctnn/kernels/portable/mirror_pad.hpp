// Portable MIRROR_PAD, specialised at compile time; same bytes as reference::mirror_pad.
//
//   template <mirror_pad_params P, class T> void run(const T* input, T* output);
//
// How: one output row (the innermost dimension) at a time, from the input row its outer
// indices mirror to: the middle is one memcpy, the two mirrored edges element loops.
#pragma once

#include <array>
#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/mirror_pad.hpp"

namespace ctnn::kernels {

template <>
struct kernel<portable_set, op::mirror_pad> : provided_kernel {
    template <mirror_pad_params P>
    static constexpr linked_constants constants() { return {}; }
    template <mirror_pad_params P, class T>
    static void run(const T* input, T* output) {
        constexpr std::array<int, 5> out = mirror_pad_output_shape(P);
        constexpr std::array<int, 5> in = P.in_shape;
        constexpr int before = P.before[4], width = in[4], after = P.after[4];
        T* o = output;
        for (int i0 = 0; i0 < out[0]; ++i0) {
            const int j0 = mirror_source(i0, P.before[0], in[0], P.mode);
            for (int i1 = 0; i1 < out[1]; ++i1) {
                const int j1 = mirror_source(i1, P.before[1], in[1], P.mode);
                for (int i2 = 0; i2 < out[2]; ++i2) {
                    const int j2 = mirror_source(i2, P.before[2], in[2], P.mode);
                    for (int i3 = 0; i3 < out[3]; ++i3) {
                        const int j3 = mirror_source(i3, P.before[3], in[3], P.mode);
                        const T* row = input + (((j0 * in[1] + j1) * in[2] + j2) * in[3] + j3) * width;
                        for (int i = 0; i < before; ++i) o[i] = row[mirror_source(i, before, width, P.mode)];
                        std::memcpy(o + before, row, sizeof(T) * width);
                        for (int i = before + width; i < before + width + after; ++i) o[i] = row[mirror_source(i, before, width, P.mode)];
                        o += out[4];
                    }
                }
            }
        }
    }
};

}  // namespace ctnn::kernels
