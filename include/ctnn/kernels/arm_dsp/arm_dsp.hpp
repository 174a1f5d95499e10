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

#include "ctnn/kernels/isa.hpp"

#if !CTNN_KERNELS_ARM_DSP
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"

namespace ctnn::kernels::arm_dsp {
using portable::conv2d_s8;
using portable::conv2d_s8_rows;
using portable::depthwise_conv2d_s8;
using portable::fully_connected_s8;
}  // namespace ctnn::kernels::arm_dsp
#else
#include "ctnn/kernels/arm_dsp/conv2d_s8.hpp"
#include "ctnn/kernels/arm_dsp/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/arm_dsp/fully_connected_s8.hpp"
#endif
