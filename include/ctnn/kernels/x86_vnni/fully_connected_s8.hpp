// FULLY_CONNECTED on x86-64 hosts with AVX-512 VNNI: the matrix tile of tile.hpp with one
// "pixel" of in_features channels and one tap (each group of 4 inputs broadcast once and
// multiply-added into up to 64 outputs); weights re-laid out as [in/4][out][4]. in_features not a
// multiple of 4 runs the portable kernel. Bit-exact with it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"
#include "ctnn/kernels/x86_vnni/tile.hpp"

#if CTNN_KERNELS_X86_VNNI
namespace ctnn::kernels {
template <>
struct kernel<x86_vnni_set, op::fully_connected> : scratchless_kernel {
    template <class Spec>
    struct plan {
        static constexpr auto& p = Spec::params;
        alignas(64) static constexpr auto weights = x86_vnni::vnni_weights<p.out_features, 1, p.in_features>(Spec::weights);
        alignas(64) static constexpr auto bias =
            x86_vnni::vnni_bias<p.out_features, p.in_features>(Spec::weights, Spec::bias, p.input_zero_point);
    };

    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte*) {
        constexpr auto& p = Spec::params;
        if constexpr (p.in_features % 4 == 0) {
            using tables = plan<Spec>;
            for (int b = 0; b < p.batches; ++b) {
                const std::int8_t* x = input + b * p.in_features;
                const auto src = [x](int, int) { return x; };
                x86_vnni::vnni_pixels<1, 1, p.in_features, p.out_features, tables::weights, tables::bias,
                                      portable::detail::fc_requant<Spec>, p.act_min, p.act_max>(
                    src, output + b * p.out_features, p.out_features, 1);
            }
        } else {
            portable::fully_connected_s8<Spec, O>(input, output);
        }
    }
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        constexpr auto& p = Spec::params;
        if constexpr (p.in_features % 4 != 0) return kernel<portable_set, op::fully_connected>::constants<Spec, O>();
        else return linked_constants::of(plan<Spec>::weights, plan<Spec>::bias, portable::detail::fc_requant<Spec>);
    }
};
}  // namespace ctnn::kernels
#endif
