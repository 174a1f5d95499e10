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

// Whether some output pixel's window reaches past the input (into the padding): only then does
// a convolution read the row of the input zero point it keeps for padded taps.
constexpr bool window_leaves_input(const conv_geometry& g) noexcept {
    auto leaves = [](int out, int stride, int pad, int kernel, int dilation, int in) {
        return pad > 0 || (out - 1) * stride - pad + (kernel - 1) * dilation >= in;
    };
    return leaves(g.out_h, g.stride_h, g.pad_top, g.kernel_h, g.dilation_h, g.in_h) ||
           leaves(g.out_w, g.stride_w, g.pad_left, g.kernel_w, g.dilation_w, g.in_w);
}

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

// The axes a reduction (MEAN, SUM, REDUCE_MAX, REDUCE_MIN) folds in a tensor of rank <= 6:
// every output value reduces the input values that share its kept-dimension indices. The
// output holds the kept dimensions in order.
inline constexpr int max_reduction_rank = 6;

struct reduction {
    int rank = 1;
    std::array<int, 6> dims{1, 1, 1, 1, 1, 1};
    std::array<bool, 6> reduced{};  // duplicates in TFLite's axis list count once

    // Elements reduced into one output value.
    constexpr int count() const noexcept {
        int n = 1;
        for (int d = 0; d < rank; ++d)
            if (reduced[static_cast<std::size_t>(d)]) n *= dims[static_cast<std::size_t>(d)];
        return n;
    }
    constexpr int kept_rank() const noexcept {
        int n = 0;
        for (int d = 0; d < rank; ++d) n += !reduced[static_cast<std::size_t>(d)];
        return n;
    }
    constexpr int output_count() const noexcept {
        int n = 1;
        for (int d = 0; d < rank; ++d)
            if (!reduced[static_cast<std::size_t>(d)]) n *= dims[static_cast<std::size_t>(d)];
        return n;
    }

    friend constexpr bool operator==(const reduction&, const reduction&) = default;
};

// MEAN (and SUM) over any set of axes of a tensor of rank <= 6. TFLM (EvalIntegerMean in
// micro/kernels/reduce_common.cc at 90b983c2) sends every int8 MEAN through
// reference_ops::QuantizedMeanOrSum, also when input and output quantization are equal: the
// int32 sum of the raw values over the reduced axes, minus zp_in * count, times
// QuantizeMultiplier(s_in / s_out) with 1/count folded in (reference::mean_multiplier), plus
// zp_out, clamped to [-128, 127]. SUM is the same with compute_sum: no 1/count.
inline constexpr int max_mean_rank = max_reduction_rank;
// Elements summed into one output value at most: |int8 - zero point| <= 255, so the int32 sum
// and zp_in * count stay exact. The layer static_asserts it and the converter checks it.
inline constexpr long long max_mean_count = 1LL << 23;
// int16 values (|v| <= 2^15, zero point 0): at most 2^16 per output value.
inline constexpr long long max_mean_count_int16 = 1LL << 16;

// The parameter structs below (template arguments of the kernels) repeat reduction's fields:
// a plain struct of scalars and arrays, filled whole (layers/reduction_axes.hpp says why).
struct mean_params {
    int rank = 1;
    std::array<int, 6> dims{1, 1, 1, 1, 1, 1};
    std::array<bool, 6> reduced{};  // duplicates in TFLite's axis list count once
    std::int32_t input_zero_point = 0, output_zero_point = 0;
    quantized_multiplier multiplier;  // s_in / s_out, before 1/count is folded in
    bool sum = false;                 // SUM: the multiplier as it is (TFLite's compute_sum)

    constexpr reduction axes() const noexcept { return {rank, dims, reduced}; }
    constexpr void set_axes(const reduction& r) noexcept { rank = r.rank, dims = r.dims, reduced = r.reduced; }
    // Elements summed into one output value.
    constexpr int count() const noexcept { return axes().count(); }
    constexpr int kept_rank() const noexcept { return axes().kept_rank(); }
    constexpr int output_count() const noexcept { return axes().output_count(); }

    friend constexpr bool operator==(const mean_params&, const mean_params&) = default;
};

// REDUCE_MAX / REDUCE_MIN of int8 values: no arithmetic, input and output share quantization.
struct reduce_params {
    int rank = 1;
    std::array<int, 6> dims{1, 1, 1, 1, 1, 1};
    std::array<bool, 6> reduced{};
    bool max = true;  // false: the minimum

    constexpr reduction axes() const noexcept { return {rank, dims, reduced}; }
    constexpr void set_axes(const reduction& r) noexcept { rank = r.rank, dims = r.dims, reduced = r.reduced; }
    constexpr int count() const noexcept { return axes().count(); }
    constexpr int output_count() const noexcept { return axes().output_count(); }

    friend constexpr bool operator==(const reduce_params&, const reduce_params&) = default;
};

// ARG_MAX / ARG_MIN over one axis, the tensor seen as outer x axis x inner: the index of the
// first largest (smallest) value along the axis, as int32.
struct arg_params {
    int outer = 1, axis = 1, inner = 1;
    bool max = true;

    friend constexpr bool operator==(const arg_params&, const arg_params&) = default;
};

}  // namespace ctnn::kernels
