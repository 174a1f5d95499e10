// CONV_2D on Helium (MVE) cores, e.g. Cortex-M55: the portable driver (a patch per output pixel,
// kernels/portable/conv2d_s8.hpp) with a vector step from a patch to the pixel's outputs. Same
// Spec contract, same packed weights and folded bias; bit-exact with the portable kernel.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"

#if CTNN_KERNELS_ARM_MVE
#include <arm_mve.h>

#include "ctnn/kernels/arm_mve/dot.hpp"
#include "ctnn/kernels/arm_mve/requantize.hpp"

namespace ctnn::kernels::arm_mve {

// Four output channels per register: with weights by columns each patch value is broadcast
// (VMLA), otherwise four weight rows per pass over the patch (VMLADAVA); requantized in fours.
struct conv2d_channels {
    template <class Spec>
    [[gnu::always_inline]] static void pixel(const std::int8_t* x, std::int8_t* out) {
        using plan = portable::detail::conv2d_plan<Spec>;
        constexpr conv_geometry g = plan::g;
        if constexpr (plan::by_columns) {
            const std::int32_t* const bias = plan::bias.data();
            const std::int8_t* const columns = plan::columns.data();
            for (int oc = 0; oc < g.out_c; oc += 4) {
                const mve_pred16_t p = vctp32q(static_cast<std::uint32_t>(g.out_c - oc));
                int32x4_t acc = vldrwq_z_s32(bias + oc, p);
                for (int k = 0; k < plan::depth; ++k)
                    acc = vmlaq_n_s32(acc, vldrbq_z_s32(columns + k * g.out_c + oc, p), x[k]);
                requantize4<channel_requant<Spec>, g.output_zero_point, g.act_min, g.act_max>(acc, oc, out, p);
            }
        } else {
            dot_rows_requantized<g.out_c, plan::row, plan::bias, channel_requant<Spec>, g.output_zero_point, g.act_min,
                                 g.act_max>(plan::weights.data(), x, out);
        }
    }

    // What pixel() reads: the plan's weights (columns or rows), its folded bias, the table.
    template <class Spec>
    static constexpr linked_constants constants() {
        using plan = portable::detail::conv2d_plan<Spec>;
        if constexpr (plan::by_columns) return linked_constants::of(plan::columns, plan::bias, channel_requant<Spec>);
        else return linked_constants::of(plan::weights, plan::bias, channel_requant<Spec>);
    }
};

}  // namespace ctnn::kernels::arm_mve

namespace ctnn::kernels {
template <>
struct kernel<arm_mve_set, op::conv2d> : conv2d_rows_kernel<kernel<arm_mve_set, op::conv2d>> {
    template <class Spec, kernel_options>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte*) {
        portable::conv2d_s8_rows_with<Spec, arm_mve::conv2d_channels>(input, output, y_begin, y_end);
        arm_mve::stores_complete();
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        return portable::detail::conv2d_constants<Spec, arm_mve::conv2d_channels>();
    }
};
}  // namespace ctnn::kernels
#endif
