// Arm DSP BATCH_MATMUL, int8 (Cortex-M4/M7/M33); bit-exact with reference::batch_matmul_s8.
// The portable driver (portable::batch_matmul_s8_with: zero points folded out, rows and columns
// contiguous over the depth) with an SMLAD dot product (detail/dot_s8.hpp); the same scratch
// and constants.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dot_s8.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/batch_matmul_s8.hpp"

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::batch_matmul> : provided_kernel {
    template <class Spec>
    static constexpr std::size_t scratch_bytes = portable::detail::batch_matmul_scratch_layout<Spec>().bytes;
    template <class Spec, kernel_options>
    static void run(const std::int8_t* lhs, const std::int8_t* rhs, std::int8_t* output, std::byte* scratch) {
        portable::batch_matmul_s8_with<Spec, arm_dsp::detail::smlad_dot>(lhs, rhs, output, scratch);
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::batch_matmul_constants<Spec>; }
};
}  // namespace ctnn::kernels
