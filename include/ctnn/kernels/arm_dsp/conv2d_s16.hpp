// Arm DSP CONV_2D 16x8 (Cortex-M4/M7/M33); bit-exact with reference::conv2d_s16. The portable
// driver (portable::conv2d_s16_rows_with) with the SMLAD step of detail/dot_s16.hpp: the int8
// weights widened to int16 pairs at compile time (twice their flash), the int16 activations read
// in pairs as they lie. No scratch.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dot_s16.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/conv2d_s16.hpp"

namespace ctnn::kernels::arm_dsp::detail {
template <class Spec>
inline constexpr int conv_s16_rows = Spec::geometry.out_c * Spec::geometry.kernel_h * Spec::geometry.kernel_w;
template <class Spec>
using conv_s16_dot = smlad_dot_s16<conv_s16_rows<Spec>>;
}  // namespace ctnn::kernels::arm_dsp::detail

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::conv2d_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output, std::byte*) {
        portable::conv2d_s16_rows_with<Spec, arm_dsp::detail::conv_s16_dot<Spec>>(input, output, 0, Spec::geometry.out_h);
    }
    template <class Spec, kernel_options>
    static void run_rows(const std::int16_t* input, std::int16_t* output, int y_begin, int y_end, std::byte*) {
        portable::conv2d_s16_rows_with<Spec, arm_dsp::detail::conv_s16_dot<Spec>>(input, output, y_begin, y_end);
    }
    // Its weight pairs and multipliers; the model's bias, and its weights when a row is odd (the last one).
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        constexpr auto& g = Spec::geometry;
        constexpr auto c = linked_constants::of(arm_dsp::detail::weight_pairs_s16<Spec, g.in_c, arm_dsp::detail::conv_s16_rows<Spec>>, Spec::requant)
                               .and_shared(Spec::bias, std::size_t(g.out_c) * sizeof(*Spec::bias));
        if constexpr (g.in_c % 2 != 0) {
            return c.and_shared(Spec::weights, std::size_t(g.out_c) * g.kernel_h * g.kernel_w * g.in_c);
        } else {
            return c;
        }
    }
};
}  // namespace ctnn::kernels
