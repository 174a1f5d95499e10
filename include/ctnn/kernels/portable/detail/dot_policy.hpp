// The dot product a portable driver calls, as a type: kernel sets that keep a portable driver
// and change only its inner product pass their own (kernels/arm_dsp/detail/dot_s8.hpp).
#pragma once

#include <cstdint>

#include "ctnn/kernels/portable/detail/dot.hpp"

namespace ctnn::kernels::portable::detail {

// Dot::dot<N>(a, b) = sum over k < N of a[k] * b[k], int8 operands, int32 result.
struct plain_dot {
    template <int N>
    static std::int32_t dot(const std::int8_t* a, const std::int8_t* b) noexcept { return dot1<N>(a, b); }
};

}  // namespace ctnn::kernels::portable::detail
