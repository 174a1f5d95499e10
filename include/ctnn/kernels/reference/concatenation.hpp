// Reference CONCATENATION / PACK: element by element, from the run-time parameters
// (kernels/concatenation_params.hpp). Any element type: the values are only moved.
#pragma once

#include "ctnn/kernels/concatenation_params.hpp"

namespace ctnn::kernels::reference {

// GCC 12 at -O3 vectorises the copy with run-time counts and then warns that a vector store
// could pass the end of a small arena it can see (it cannot: the counts are the tensors').
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
template <class T>
void concatenation(const concatenation_params& p, const T* const* inputs, T* output) {
    int at = 0;
    for (int o = 0; o < p.outer; ++o) {
        for (int i = 0; i < p.count; ++i) {
            for (int e = 0; e < p.inner[i]; ++e) output[at++] = inputs[i][o * p.inner[i] + e];
        }
    }
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace ctnn::kernels::reference
