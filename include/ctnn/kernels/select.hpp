// Chooses, at compile time, which implementation of each weighted kernel a build uses:
// the Arm DSP path (SMLAD/SXTB16) on cores that have the DSP extension, the portable path
// everywhere else. Both are bit-exact with the reference kernels.
#pragma once

#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"

#if defined(__ARM_FEATURE_DSP) && !defined(CTNN_PORTABLE_KERNELS) && __has_include("ctnn/kernels/arm/select_arm.hpp")
#include "ctnn/kernels/arm/select_arm.hpp"
#define CTNN_KERNELS_ARM 1
#endif

namespace ctnn::kernels {
#if defined(CTNN_KERNELS_ARM)
namespace active = arm;
#else
namespace active = portable;
#endif
}  // namespace ctnn::kernels
