// CONCATENATION (and PACK) as copies: the output is `outer` blocks, block o holding input 0's
// o-th run of inner[0] elements, then input 1's o-th run, and so on. The shapes reduce to this
// whatever the rank and axis: outer = the product of the dimensions before the axis, inner[i] =
// the product of input i's dimensions from the axis on. No arithmetic on the values: TFLite
// requires every input's quantization to equal the output's.
#pragma once

#include <array>

namespace ctnn::kernels {

inline constexpr int max_concatenation_inputs = 16;

struct concatenation_params {
    int count = 0;  // inputs
    int outer = 1;
    std::array<int, max_concatenation_inputs> inner{};
};

// The output is each input once, one after the other: the graph may place the inputs inside it
// (plan/lifetimes.hpp). The library and the converter decide with this one rule.
constexpr bool concatenation_is_one_run(const concatenation_params& p) noexcept { return p.outer == 1; }

}  // namespace ctnn::kernels
