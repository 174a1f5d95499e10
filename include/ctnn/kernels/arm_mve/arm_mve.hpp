// The Helium kernel set (cores with MVE, e.g. Cortex-M55), taken by kernels/select.hpp where
// kernels/isa.hpp enables CTNN_KERNELS_ARM_MVE: conv, depthwise and fully connected.
#pragma once

#include "ctnn/kernels/arm_mve/conv2d_s8.hpp"
#include "ctnn/kernels/arm_mve/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/arm_mve/fully_connected_s8.hpp"
