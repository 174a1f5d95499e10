// The Arm kernel set, for cores with the DSP extension (included by kernels/select.hpp under
// __ARM_FEATURE_DSP): namespace ctnn::kernels::arm with conv2d_s8, depthwise_conv2d_s8 and
// fully_connected_s8 (and conv2d_s8_rows), the same Spec contracts as ctnn::kernels::portable.
//
// Cores with Helium (MVE, e.g. Cortex-M55) also report the DSP extension: there the arm names
// forward to the portable kernels, whose inner loops and requantization use Helium vectors
// (portable/detail/dot.hpp, portable/detail/requantize_mve.hpp). So do unoptimised builds
// (-O0): the kernels' assembly loops use 13-14 register operands, more than GCC can give when
// r7 is kept as the frame pointer.
#pragma once

#if (defined(__ARM_FEATURE_MVE) && __ARM_FEATURE_MVE) || !defined(__OPTIMIZE__)
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"

namespace ctnn::kernels::arm {
using portable::conv2d_s8;
using portable::conv2d_s8_rows;
using portable::depthwise_conv2d_s8;
using portable::fully_connected_s8;
}  // namespace ctnn::kernels::arm
#else
#include "ctnn/kernels/arm/conv2d_s8.hpp"
#include "ctnn/kernels/arm/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/arm/fully_connected_s8.hpp"
#endif
