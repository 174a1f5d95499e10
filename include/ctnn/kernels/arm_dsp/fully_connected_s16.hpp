// Arm DSP FULLY_CONNECTED 16x8 (Cortex-M4/M7/M33); bit-exact with reference::fully_connected_s16.
// The portable driver (portable::fully_connected_s16_with) with the SMLAD step of
// detail/dot_s16.hpp: the int8 weights widened to int16 pairs at compile time (twice their
// flash), the int16 input read in pairs as it lies. No scratch.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dot_s16.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/fully_connected_s16.hpp"

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::fully_connected_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output, std::byte*) {
        portable::fully_connected_s16_with<Spec, arm_dsp::detail::smlad_dot_s16<Spec::params.out_features>>(input, output);
    }
    // Its weight pairs and multipliers; the model's bias, and its weights when a row is odd (the last one).
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        constexpr auto& p = Spec::params;
        constexpr auto c = linked_constants::of(arm_dsp::detail::weight_pairs_s16<Spec, p.in_features, p.out_features>, Spec::requant)
                               .and_shared(Spec::bias, std::size_t(p.out_features) * sizeof(*Spec::bias));
        if constexpr (p.in_features % 2 != 0) {
            return c.and_shared(Spec::weights, std::size_t(p.out_features) * p.in_features);
        } else {
            return c;
        }
    }
};
}  // namespace ctnn::kernels
