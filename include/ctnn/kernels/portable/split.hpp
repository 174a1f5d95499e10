// Portable part of a tensor along one axis: one memcpy per run, sizes known at compile time.
// (A part that is one contiguous, aligned run needs no kernel: the layer makes it a view.)
#pragma once

#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/kernels/split_params.hpp"

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::split> : provided_kernel {
    template <split_params P>
    static constexpr linked_constants constants() { return {}; }  // memcpy runs only
    template <split_params P, class T>
    static void run(const T* input, T* output) {
        for (int o = 0; o < P.outer; ++o) std::memcpy(output + o * P.size, input + o * P.inner + P.begin, sizeof(T) * P.size);
    }
};
}  // namespace ctnn::kernels
