// Reference PAD, int8 or int16: copy the input into the middle of a larger 4-D tensor and fill the rest
// with pad_value (the zero point; TFLite reference_ops::Pad). No arithmetic.
//
// input: in_shape[0] x ... x in_shape[3]; output: (before[d] + in_shape[d] + after[d]) per dim d.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/geometry.hpp"

namespace ctnn::kernels::reference {

constexpr std::array<int, 4> pad_output_shape(const pad_params& p) noexcept {
    std::array<int, 4> out{};
    for (int d = 0; d < 4; ++d) out[d] = p.before[d] + p.in_shape[d] + p.after[d];
    return out;
}

template <class T>  // std::int8_t or std::int16_t: only moved
void pad(const pad_params& p, const T* input, T* output) {
    const std::array<int, 4> out = pad_output_shape(p);
    const std::array<int, 4>& in = p.in_shape;
    int o = 0;
    for (int i0 = 0; i0 < out[0]; ++i0) {
        for (int i1 = 0; i1 < out[1]; ++i1) {
            for (int i2 = 0; i2 < out[2]; ++i2) {
                for (int i3 = 0; i3 < out[3]; ++i3) {
                    const int j0 = i0 - p.before[0], j1 = i1 - p.before[1];
                    const int j2 = i2 - p.before[2], j3 = i3 - p.before[3];
                    const bool inside = j0 >= 0 && j0 < in[0] && j1 >= 0 && j1 < in[1] && j2 >= 0 &&
                                        j2 < in[2] && j3 >= 0 && j3 < in[3];
                    output[o++] = inside ? input[((j0 * in[1] + j1) * in[2] + j2) * in[3] + j3]
                                         : static_cast<T>(p.pad_value);
                }
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
