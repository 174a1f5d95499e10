// Portable CONCATENATION / PACK: one memcpy per input run, with the sizes known at compile time
// (a single block per input when the axis is the outermost one).
#pragma once

#include <cstring>
#include <utility>

#include "ctnn/kernels/concatenation_params.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/linked_constants.hpp"

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::concatenation> : provided_kernel {
    template <concatenation_params P>
    static constexpr linked_constants constants() { return {}; }  // memcpy runs only
    template <concatenation_params P, class T>
    static void run(const T* const* inputs, T* output) {
        for (int o = 0; o < P.outer; ++o) {
            [&]<int... I>(std::integer_sequence<int, I...>) {
                ((std::memcpy(output, inputs[I] + o * P.inner[I], sizeof(T) * P.inner[I]), output += P.inner[I]), ...);
            }(std::make_integer_sequence<int, P.count>{});
        }
    }
};
}  // namespace ctnn::kernels
