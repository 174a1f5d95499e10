// Reference GATHER along one axis with batch_dims 0 (TFLite's reference Gather): the input
// seen as [outer, axis_size, inner]; for each outer block and each index k in order, the
// inner block at position indices[k] is copied out. The output is [outer, count, inner].
// Indices are checked in range where they become known (the layer, the converter).
#pragma once

#include <cstring>

namespace ctnn::kernels {

struct gather_params {
    int outer = 1;      // product of the input dimensions before the axis
    int axis_size = 1;  // the input's extent along the axis
    int inner = 1;      // product of the input dimensions after the axis
    int count = 1;      // indices

    friend constexpr bool operator==(const gather_params&, const gather_params&) = default;
};

namespace reference {

template <class T>
void gather(const gather_params& p, const int* indices, const T* input, T* output) {
    for (int o = 0; o < p.outer; ++o) {
        for (int k = 0; k < p.count; ++k) {
            const T* from = input + (o * p.axis_size + indices[k]) * p.inner;
            T* to = output + (o * p.count + k) * p.inner;
            for (int i = 0; i < p.inner; ++i) to[i] = from[i];
        }
    }
}

}  // namespace reference
}  // namespace ctnn::kernels
