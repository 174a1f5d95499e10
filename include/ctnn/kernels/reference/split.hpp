// Reference part of a tensor along one axis (kernels/split_params.hpp), element by element.
#pragma once

#include "ctnn/kernels/split_params.hpp"

namespace ctnn::kernels::reference {

// As in reference/concatenation.hpp: GCC 12 cannot bound the run-time counts and warns of a
// store past a small arena it can see; the counts are the tensors'.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
template <class T>
void split_part(const split_params& p, const T* input, T* output) {
    for (int o = 0; o < p.outer; ++o)
        for (int e = 0; e < p.size; ++e) output[o * p.size + e] = input[o * p.inner + p.begin + e];
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace ctnn::kernels::reference
