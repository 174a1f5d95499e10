// UNIDIRECTIONAL_SEQUENCE_LSTM int8 on the Arm DSP set: the portable driver
// (kernels/portable/lstm_s8.hpp) with the gates' dot products in SMLAD: the four gates' rows of a
// unit against one input word at a time (its two SXTB16 halves shared by the four), two SMLAD
// per four weight bytes. The cell and hidden updates stay the portable ones (a few per unit).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/lstm_s8.hpp"

namespace ctnn::kernels::arm_dsp::detail {

struct lstm_gates_dot {
    template <int N>
    static void dot4(const std::int8_t* w, int stride, const std::int8_t* x, std::int32_t* out) noexcept {
        const std::int8_t* const w0 = w;
        const std::int8_t* const w1 = w + stride;
        const std::int8_t* const w2 = w + 2 * stride;
        const std::int8_t* const w3 = w + 3 * stride;
        std::int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int k = 0;
        for (; k + 4 <= N; k += 4) {
            const std::uint32_t wx = load_word(x + k);
            const std::uint32_t x02 = sxtb16(wx), x13 = sxtb16_ror8(wx);
            const std::uint32_t v0 = load_word(w0 + k), v1 = load_word(w1 + k), v2 = load_word(w2 + k), v3 = load_word(w3 + k);
            a0 = smlad(sxtb16_ror8(v0), x13, smlad(sxtb16(v0), x02, a0));
            a1 = smlad(sxtb16_ror8(v1), x13, smlad(sxtb16(v1), x02, a1));
            a2 = smlad(sxtb16_ror8(v2), x13, smlad(sxtb16(v2), x02, a2));
            a3 = smlad(sxtb16_ror8(v3), x13, smlad(sxtb16(v3), x02, a3));
        }
        for (; k < N; ++k) {
            const std::int32_t xv = x[k];
            a0 += std::int32_t{w0[k]} * xv;
            a1 += std::int32_t{w1[k]} * xv;
            a2 += std::int32_t{w2[k]} * xv;
            a3 += std::int32_t{w3[k]} * xv;
        }
        out[0] = a0;
        out[1] = a1;
        out[2] = a2;
        out[3] = a3;
    }
};

}  // namespace ctnn::kernels::arm_dsp::detail

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::unidirectional_sequence_lstm> : scratchless_kernel {
    // int16 activations: the portable kernel (its int64 sums).
    template <class Spec, kernel_options, class A>
    static void run(const A* input, A* output, std::byte* state, std::byte*) {
        portable::lstm<Spec, arm_dsp::detail::lstm_gates_dot>(input, output, state);
    }
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() { return kernel<portable_set, op::unidirectional_sequence_lstm>::constants<Spec, O>(); }
};
}  // namespace ctnn::kernels
