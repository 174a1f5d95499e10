// The width of a weighted layer's weights: 4 when its parameters (or the spec made from them)
// declare `static constexpr int weight_bits = 4;` (int4 weights: each in [-8, 7]; the converter
// writes it for a .tflite INT4 tensor), 8 otherwise. The weight forms keep int4 weights as 4-bit
// codes (kernels/weight_forms/form_choice.hpp).
#pragma once

namespace ctnn {

template <class P>
inline constexpr int weight_bits_of = [] {
    if constexpr (requires { P::weight_bits; }) return int(P::weight_bits);
    else return 8;
}();

}  // namespace ctnn
