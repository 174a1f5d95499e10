// The Arm DSP kernel set, for cores with SMLAD/SXTB16 and without Helium (Cortex-M4, M7, M33),
// taken by kernels/select.hpp where kernels/isa.hpp enables CTNN_KERNELS_ARM_DSP: conv, depthwise
// and fully connected, MUL, the SMMLAR requantization for ADD (broadcast), SUB,
// SQUARED_DIFFERENCE and PRELU, transpose conv, batch matmul, SVDF and the LSTM's gates; and the 16x8
// (int16 activation) conv, depthwise, fully connected and transpose conv. Only optimised builds take
// it: -O0 cannot compile the assembly loops (13-14 register operands, more than GCC can give when r7
// is kept as the frame pointer).
#pragma once

#include "ctnn/kernels/arm_dsp/binary_s8.hpp"
#include "ctnn/kernels/arm_dsp/conv2d_s16.hpp"
#include "ctnn/kernels/arm_dsp/conv2d_s8.hpp"
#include "ctnn/kernels/arm_dsp/depthwise_conv2d_s16.hpp"
#include "ctnn/kernels/arm_dsp/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/arm_dsp/fully_connected_s16.hpp"
#include "ctnn/kernels/arm_dsp/fully_connected_s8.hpp"
#include "ctnn/kernels/arm_dsp/mul_s8.hpp"
#include "ctnn/kernels/arm_dsp/batch_matmul_s8.hpp"
#include "ctnn/kernels/arm_dsp/transpose_conv2d_s16.hpp"
#include "ctnn/kernels/arm_dsp/transpose_conv2d_s8.hpp"
#include "ctnn/kernels/arm_dsp/svdf_s8.hpp"
#include "ctnn/kernels/arm_dsp/lstm_s8.hpp"
