// Portable GATHER (batch_dims 0), specialised at compile time; same bytes as reference::gather.
//
//   template <gather_params P, const auto& Indices, class T> void run(const T* input, T* output);
//
// Indices: the layer's constexpr std::array<int, P.count> (in flash: the kernel reads it).
// How: indices that follow each other (i, i + 1, ...) are copied as one block, so a gather
// of a contiguous range is one memcpy per outer block.
#pragma once

#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/gather.hpp"

namespace ctnn::kernels {

template <>
struct kernel<portable_set, op::gather> : provided_kernel {
    // The indices are the layer's, read at run time.
    template <gather_params P, const auto& Indices>
    static constexpr linked_constants constants() { return linked_constants{}.and_shared(Indices); }
    template <gather_params P, const auto& Indices, class T>
    static void run(const T* input, T* output) {
        T* to = output;
        for (int o = 0; o < P.outer; ++o) {
            const T* block = input + o * P.axis_size * P.inner;
            for (int k = 0; k < P.count;) {
                int run = 1;  // indices[k], indices[k] + 1, ...: one contiguous block
                while (k + run < P.count && Indices[static_cast<std::size_t>(k + run)] == Indices[static_cast<std::size_t>(k)] + run) ++run;
                std::memcpy(to, block + Indices[static_cast<std::size_t>(k)] * P.inner, sizeof(T) * static_cast<std::size_t>(run * P.inner));
                to += run * P.inner;
                k += run;
            }
        }
    }
};

}  // namespace ctnn::kernels
