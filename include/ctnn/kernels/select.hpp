// Chooses, at compile time, which implementation of each weighted kernel a build uses:
// the Arm DSP set (SMLAD/SXTB16, kernels/arm/) where isa.hpp enables it, the portable kernels
// everywhere else. Both are bit-exact with the reference kernels.
#pragma once

#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"

#include "ctnn/kernels/isa.hpp"
#if CTNN_KERNELS_ARM_DSP
#include "ctnn/kernels/arm/select_arm.hpp"
#endif

namespace ctnn::kernels {
#if CTNN_KERNELS_ARM_DSP
namespace active = arm;
#else
namespace active = portable;
#endif
}  // namespace ctnn::kernels
