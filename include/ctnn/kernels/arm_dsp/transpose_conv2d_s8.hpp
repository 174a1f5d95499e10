// Arm DSP TRANSPOSE_CONV, int8 (Cortex-M4/M7/M33); bit-exact with reference::transpose_conv2d_s8.
// The portable gather driver (portable::transpose_conv2d_s8_with) with an SMLAD dot product over
// each tap's input channels (detail/dot_s8.hpp); the same constants. No scratch.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dot_s8.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/transpose_conv2d_s8.hpp"

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::transpose_conv2d> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte*) {
        portable::transpose_conv2d_s8_with<Spec, arm_dsp::detail::smlad_dot>(input, output);
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::transpose_conv2d_constants<Spec>(); }
};
}  // namespace ctnn::kernels
