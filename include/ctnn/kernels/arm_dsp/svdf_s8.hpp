// Arm DSP SVDF (Cortex-M4/M7/M33); bit-exact with reference::svdf_s8. The portable driver
// (portable::svdf_s8_with: zero points folded out, every row contiguous) with SMLAD inner
// products: the feature rows four at a time against one load of the input (per four products
// and row: one load, two SXTB16, two SMLAD), an int8 state's time rows through detail/dot_s8.hpp,
// an int16 state's one SMLAD per two products (SMLAD's sum is modulo 2^32, as the reference's).
// The same constants as the portable kernel; no scratch.
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
    // Four rows of N at w with one x, x's word loaded and split once: per four products and row
    // one load, two SXTB16 and two SMLAD.
    template <int N>
    static void dot4(const std::int8_t* w, const std::int8_t* x, std::int32_t* acc) noexcept {
        std::int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int k = 0;
        for (; k + 4 <= N; k += 4) {
            const std::uint32_t xw = load_word(x + k);
            const std::uint32_t xe = sxtb16(xw), xo = sxtb16_ror8(xw);
            const std::uint32_t w0 = load_word(w + k), w1 = load_word(w + N + k), w2 = load_word(w + 2 * N + k), w3 = load_word(w + 3 * N + k);
            a0 = smlad(sxtb16_ror8(w0), xo, smlad(sxtb16(w0), xe, a0));
            a1 = smlad(sxtb16_ror8(w1), xo, smlad(sxtb16(w1), xe, a1));
            a2 = smlad(sxtb16_ror8(w2), xo, smlad(sxtb16(w2), xe, a2));
            a3 = smlad(sxtb16_ror8(w3), xo, smlad(sxtb16(w3), xe, a3));
        }
        for (; k < N; ++k) {
            const std::int32_t v = x[k];
            a0 += w[k] * v;
            a1 += w[N + k] * v;
            a2 += w[2 * N + k] * v;
            a3 += w[3 * N + k] * v;
        }
        acc[0] += a0;
        acc[1] += a1;
        acc[2] += a2;
        acc[3] += a3;
    }
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
