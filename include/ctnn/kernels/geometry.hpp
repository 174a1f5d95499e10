// Plain structural descriptions of what a kernel computes: shapes, strides, padding,
// zero points and clamps. Layers fill them at compile time; kernels read them.
// Tensors are NHWC with N = 1; convolution weights are OHWI, depthwise weights 1HWC.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

struct conv_geometry {
    int in_h = 1, in_w = 1, in_c = 1;
    int out_h = 1, out_w = 1, out_c = 1;
    int kernel_h = 1, kernel_w = 1;
    int stride_h = 1, stride_w = 1;
    int dilation_h = 1, dilation_w = 1;
    int pad_top = 0, pad_left = 0;   // the extra pixel of odd SAME padding goes after
    int depth_multiplier = 1;        // depthwise only: out_c = in_c * depth_multiplier
    std::int32_t input_zero_point = 0;
    std::int32_t output_zero_point = 0;
    std::int32_t act_min = -128, act_max = 127;

    friend constexpr bool operator==(const conv_geometry&, const conv_geometry&) = default;
};

struct pool_geometry {
    int in_h = 1, in_w = 1, channels = 1;
    int out_h = 1, out_w = 1;
    int filter_h = 1, filter_w = 1;
    int stride_h = 1, stride_w = 1;
    int pad_top = 0, pad_left = 0;
    std::int32_t act_min = -128, act_max = 127;

    friend constexpr bool operator==(const pool_geometry&, const pool_geometry&) = default;
};

// Element-wise ADD with TFLite's requantization of both inputs (left shift 20).
struct add_params {
    int size = 0;
    std::int32_t input1_zero_point = 0, input2_zero_point = 0, output_zero_point = 0;
    int left_shift = 20;
    quantized_multiplier input1, input2, output;
    std::int32_t act_min = -128, act_max = 127;

    friend constexpr bool operator==(const add_params&, const add_params&) = default;
};

// PAD of a tensor seen as 4-D (lower-rank tensors are extended with leading 1s). Input and
// output share quantization, and the fill value is the zero point (TFLite PAD, not PADV2).
struct pad_params {
    std::array<int, 4> in_shape{1, 1, 1, 1};
    std::array<int, 4> before{}, after{};
    std::int32_t pad_value = 0;

    friend constexpr bool operator==(const pad_params&, const pad_params&) = default;
};

// MEAN over H and W of a 1xHxWxC tensor. TFLM takes one of two paths:
//   same_quantization (input zp == output zp and the float scales are equal): integer mean of
//     the raw values, C division (truncates toward zero), no requantization;
//   otherwise: multiplier = QuantizeMultiplier((double)s_in / (double)s_out), 1/(H*W) folded
//     into it by the kernel, zero points applied around it, clamp to [-128, 127].
struct mean_params {
    int in_h = 1, in_w = 1, channels = 1;
    std::int32_t input_zero_point = 0, output_zero_point = 0;
    quantized_multiplier multiplier;
    bool same_quantization = false;

    friend constexpr bool operator==(const mean_params&, const mean_params&) = default;
};

}  // namespace ctnn::kernels
