// DEPTHWISE_CONV_2D on Helium (MVE) cores, e.g. Cortex-M55, depth multiplier 1: four channels at
// a time stay in one vector register across all taps (per tap two widening byte loads, a VMUL and
// a VADD), requantized in fours; the last group of channels goes through a lane predicate. Same
// plan (weights, folded bias) and tap pointers as kernels/portable/depthwise_conv2d_s8.hpp, which
// runs the other depth multipliers.
#pragma once

#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"

#if CTNN_KERNELS_ARM_MVE
#include <arm_mve.h>

#include "ctnn/kernels/arm_mve/requantize.hpp"

namespace ctnn::kernels::arm_mve {

// Depth multiplier 1: each pixel's channels in fours across its taps.
struct depthwise_multiplier_one {
    template <class Spec>
    static void run(const std::int8_t* input, std::int8_t* output) {
        run_rows<Spec>(input, output, 0, Spec::geometry.out_h);
    }
    // Output rows [y_begin, y_end) only, written from `output` on.
    template <class Spec>
    [[gnu::always_inline]] static inline void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
        using plan = portable::detail::depthwise_plan<Spec>;
        constexpr conv_geometry g = plan::g;
        constexpr int channels = g.out_c;
        const std::int32_t* const bias = plan::bias.data();
        const std::int8_t* const weights = plan::weights.data();
        for (int oy = y_begin; oy < y_end; ++oy) {
            for (int ox = 0; ox < g.out_w; ++ox) {
                const std::int8_t* xs[plan::taps];
                portable::detail::depthwise_taps<Spec>(input, oy, ox, xs);
                std::int8_t* out = output + ((oy - y_begin) * g.out_w + ox) * channels;
                for (int c = 0; c < channels; c += 4) {
                    const mve_pred16_t p = vctp32q(static_cast<std::uint32_t>(channels - c));
                    int32x4_t acc = vldrwq_z_s32(bias + c, p);
#pragma GCC unroll 9
                    for (int t = 0; t < plan::taps; ++t)
                        acc = vaddq_s32(acc, vmulq_s32(vldrbq_z_s32(weights + t * channels + c, p),
                                                       vldrbq_z_s32(xs[t] + c, p)));
                    requantize4<channel_requant<Spec>, g.output_zero_point, g.act_min, g.act_max>(acc, c, out, p);
                }
            }
        }
        stores_complete();
    }
    // What run() reads: the plan's weights and folded bias, the table, the zero-point row
    // (portable::detail::depthwise_taps names it).
    template <class Spec>
    static constexpr linked_constants constants() {
        using plan = portable::detail::depthwise_plan<Spec>;
        const auto c = linked_constants::of(plan::weights, plan::bias, channel_requant<Spec>);
        return c.and_shared(portable::detail::filled_row<plan::g.in_c, plan::g.input_zero_point>);
    }
};

}  // namespace ctnn::kernels::arm_mve

namespace ctnn::kernels {
template <>
struct kernel<arm_mve_set, op::depthwise_conv2d> : depthwise_multiplier_one_kernel<arm_mve::depthwise_multiplier_one> {};
}  // namespace ctnn::kernels
#endif
