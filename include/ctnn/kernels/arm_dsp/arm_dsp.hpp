// The Arm kernel set, for cores with the DSP extension (chosen by kernels/select.hpp where
// kernels/isa.hpp enables CTNN_KERNELS_ARM_DSP): namespace ctnn::kernels::arm_dsp with conv2d_s8,
// depthwise_conv2d_s8 and fully_connected_s8 (and conv2d_s8_rows), the same Spec contracts as
// ctnn::kernels::portable.
//
// Where the set is off, the arm names forward to the portable kernels, so tests and benchmarks
// can name them on any Arm core: on Helium cores (MVE, e.g. Cortex-M55, which also report the
// DSP extension) the portable inner loops use Helium vectors instead, and unoptimised builds
// (-O0) cannot compile the assembly loops (13-14 register operands, more than GCC can give when
// r7 is kept as the frame pointer).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/isa.hpp"

#if !CTNN_KERNELS_ARM_DSP
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"

namespace ctnn::kernels::arm_dsp {
template <class Spec>
inline constexpr std::size_t conv2d_scratch_bytes = 0;
template <class Spec>
inline constexpr std::size_t fully_connected_scratch_bytes = 0;
template <class Spec, kernel_options O = kernel_options{}>
void conv2d_s8(const std::int8_t* input, std::int8_t* output, std::byte*) {
    portable::conv2d_s8<Spec, O>(input, output);
}
template <class Spec, kernel_options O = kernel_options{}>
void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte*) {
    portable::conv2d_s8_rows<Spec, O>(input, output, y_begin, y_end);
}
using portable::depthwise_conv2d_s8;
template <class Spec, kernel_options O = kernel_options{}>
void fully_connected_s8(const std::int8_t* input, std::int8_t* output, std::byte*) {
    portable::fully_connected_s8<Spec, O>(input, output);
}
}  // namespace ctnn::kernels::arm_dsp
#else
#include "ctnn/kernels/arm_dsp/conv2d_s8.hpp"
#include "ctnn/kernels/arm_dsp/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/arm_dsp/fully_connected_s8.hpp"
#endif
