// Arm DSP TRANSPOSE_CONV 16x8 (Cortex-M4/M7/M33); bit-exact with reference::transpose_conv2d_s16.
// The portable gathering driver (portable::transpose_conv2d_s16_with) with the SMLAD step of
// detail/dot_s16.hpp: the int8 weights widened to int16 pairs at compile time (twice their
// flash), the int16 activations read in pairs as they lie. No scratch.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dot_s16.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/transpose_conv2d_s16.hpp"

namespace ctnn::kernels::arm_dsp::detail {
template <class Spec>
inline constexpr int transpose_conv_s16_rows = Spec::params.out_c * Spec::params.kernel_h * Spec::params.kernel_w;
}  // namespace ctnn::kernels::arm_dsp::detail

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::transpose_conv2d_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output, std::byte*) {
        portable::transpose_conv2d_s16_with<Spec, arm_dsp::detail::smlad_dot_s16<arm_dsp::detail::transpose_conv_s16_rows<Spec>>>(input, output);
    }
    // Its weight pairs and multipliers; the model's bias, and its weights when a row is odd (the last one).
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        constexpr auto& p = Spec::params;
        constexpr auto c =
            linked_constants::of(arm_dsp::detail::weight_pairs_s16<Spec, p.in_c, arm_dsp::detail::transpose_conv_s16_rows<Spec>>, Spec::requant)
                .and_shared(Spec::bias, std::size_t(p.out_c) * sizeof(std::int64_t));
        if constexpr (p.in_c % 2 != 0) {
            return c.and_shared(Spec::weights, std::size_t(p.out_c) * p.kernel_h * p.kernel_w * p.in_c);
        } else {
            return c;
        }
    }
};
}  // namespace ctnn::kernels
