// Arm DSP SVDF (Cortex-M4/M7/M33); bit-exact with reference::svdf_s8. The portable driver
// (portable::svdf_s8_with: zero points folded out, every row contiguous) with SMLAD inner
// products: the feature rows and an int8 state's time rows through detail/dot_s8.hpp (two SMLAD
// per four products), an int16 state's time rows one SMLAD per two products (SMLAD's sum is
// modulo 2^32, as the reference's). The same constants as the portable kernel; no scratch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/arm_dsp/detail/dot_s8.hpp"
#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/svdf_s8.hpp"

namespace ctnn::kernels::arm_dsp::detail {

struct svdf_smlad_dot : smlad_dot {
    using smlad_dot::dot;
    template <int N>
    static std::int32_t dot(const std::int16_t* a, const std::int16_t* b) noexcept {
        std::int32_t acc = 0;
        int k = 0;
        for (; k + 2 <= N; k += 2) {
            std::uint32_t wa, wb;
            std::memcpy(&wa, a + k, 4);  // any alignment: the rows start at even bytes only
            std::memcpy(&wb, b + k, 4);
            acc = smlad(wa, wb, acc);
        }
        if constexpr (N % 2 != 0) {
            acc = static_cast<std::int32_t>(static_cast<std::uint32_t>(acc) +
                                            static_cast<std::uint32_t>(std::int32_t{a[N - 1]} * std::int32_t{b[N - 1]}));
        }
        return acc;
    }
};

}  // namespace ctnn::kernels::arm_dsp::detail

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::svdf> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int8_t* input, std::int8_t* output, typename Spec::state_element* state, std::byte*) {
        portable::svdf_s8_with<Spec, arm_dsp::detail::svdf_smlad_dot>(input, output, state);
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::detail::svdf_constants<Spec>(); }
};
}  // namespace ctnn::kernels
