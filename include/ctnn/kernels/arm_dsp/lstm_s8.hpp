// UNIDIRECTIONAL_SEQUENCE_LSTM int8 on the Arm DSP set: the portable driver
// (kernels/portable/lstm_s8.hpp) with the gates' dot products in SMLAD (detail/dot_s8.hpp): two
// per four weight bytes. The cell and hidden updates stay the portable ones (a few per unit).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/arm_dsp/detail/dot_s8.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/lstm_s8.hpp"

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::unidirectional_sequence_lstm> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* state, std::byte*) {
        portable::lstm_s8<Spec, arm_dsp::detail::smlad_dot>(input, output, state);
    }
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() { return kernel<portable_set, op::unidirectional_sequence_lstm>::constants<Spec, O>(); }
};
}  // namespace ctnn::kernels
