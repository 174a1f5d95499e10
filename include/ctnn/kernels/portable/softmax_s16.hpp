// Portable SOFTMAX int16 -> int16, specialised at compile time: the reference arithmetic
// (kernels/reference/softmax_s16.hpp) on constant parameters, rows and depth, reading TFLM's two
// 513-entry tables from flash (2 KiB, shared by every int16 SOFTMAX of a model).
#pragma once

#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/softmax_s16.hpp"

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::softmax_s16> : provided_kernel {
    template <softmax_s16_params P>
    static void run(const std::int16_t* input, std::int16_t* output) {
        reference::softmax_s16(P, softmax_s16_exp_lut, softmax_s16_reciprocal_lut, input, output);
    }
    template <softmax_s16_params P>
    static constexpr linked_constants constants() {
        return linked_constants{}.and_shared(softmax_s16_exp_lut).and_shared(softmax_s16_reciprocal_lut);
    }
};
}  // namespace ctnn::kernels
