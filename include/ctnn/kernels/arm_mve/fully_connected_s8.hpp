// FULLY_CONNECTED on Helium (MVE) cores, e.g. Cortex-M55: four weight rows per pass over x
// (VMLADAVA dot products), requantized four at a time. Same Spec contract and folded bias as
// kernels/portable/fully_connected_s8.hpp; bit-exact with it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"

#if CTNN_KERNELS_ARM_MVE
#include "ctnn/kernels/arm_mve/dot.hpp"
#include "ctnn/kernels/arm_mve/requantize.hpp"

namespace ctnn::kernels {
template <>
struct kernel<arm_mve_set, op::fully_connected> : scratchless_kernel {
    template <class Spec>
    static constexpr auto requant = arm_mve::make_mve_requant_table<Spec::params.out_features>(
        Spec::requant, Spec::params.per_channel ? Spec::params.out_features : 1);

    template <class Spec, kernel_options>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte*) {
        constexpr auto& p = Spec::params;
        for (int b = 0; b < p.batches; ++b)
            arm_mve::dot_rows_requantized<p.out_features, p.in_features, portable::detail::fc_bias<Spec>,
                                          requant<Spec>, p.output_zero_point, p.act_min, p.act_max>(Spec::weights, input + b * p.in_features,
                                                     output + b * p.out_features);
        arm_mve::stores_complete();
    }
    // What run() reads: the portable plan's folded bias, the table, the model's weights.
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        constexpr auto& p = Spec::params;
        return linked_constants::of(portable::detail::fc_bias<Spec>, requant<Spec>)
            .and_shared(Spec::weights, std::size_t(p.in_features) * std::size_t(p.out_features));
    }
};
}  // namespace ctnn::kernels
#endif
