// What a TRANSPOSE_CONV kernel computes (TFLM reference_integer_ops::TransposeConv): every input
// pixel (iy, ix) scatters x - zp_in times the kernel into the output at
// (iy * stride_h - pad_top + ky, ix * stride_w - pad_left + kx), taps outside the output dropped;
// each output is then bias + that sum, requantized per output channel, + zp_out, clamped.
// Tensors NHWC; weights OHWI (out_c x kernel_h x kernel_w x in_c).
#pragma once

#include <cstdint>

namespace ctnn::kernels {

struct transpose_conv_params {
    int batches = 1;
    int in_h = 1, in_w = 1, in_c = 1;
    int out_h = 1, out_w = 1, out_c = 1;
    int kernel_h = 1, kernel_w = 1;
    int stride_h = 1, stride_w = 1;
    int pad_top = 0, pad_left = 0;
    std::int32_t input_zero_point = 0;
    std::int32_t output_zero_point = 0;
    std::int32_t act_min = -128, act_max = 127;

    friend constexpr bool operator==(const transpose_conv_params&, const transpose_conv_params&) = default;
};

// TFLite's padding for TRANSPOSE_CONV (ComputePaddingHeightWidth with dilation 1, the output
// size standing for the input): the forward convolution's output size over `out` pixels, and
// half of whatever (size - 1) * stride + kernel exceeds `out` by. For VALID that "size" may be
// zero or negative when the kernel is larger than the output, and then the padding need not be
// zero: TFLite's arithmetic is followed as it is (C++ division truncates, as TFLite's).
constexpr int transpose_conv_padding(bool same, int out, int kernel, int stride) noexcept {
    const long long size = same ? (static_cast<long long>(out) + stride - 1) / stride
                                : (static_cast<long long>(out) + stride - kernel) / stride;
    const long long total = (size - 1) * stride + kernel - out;
    return total > 0 ? static_cast<int>(total / 2) : 0;
}

// Whether one axis keeps the kernels' tap arithmetic inside int: they form o + pad + stride with
// pad below max(kernel, stride) (TFLite's padding above) and o below the output size. Evaluated in
// 64 bits; the layer static_asserts it and the converter checks it, naming the axis.
constexpr bool transpose_conv_axis_in_int_range(int out, int kernel, int stride) noexcept {
    return static_cast<long long>(out) + kernel + 2LL * stride <= 2147483647LL;
}

// Output pixel o gathers the kernel taps k with o = i * stride - pad + k for an input pixel i:
// k = o + pad - i * stride, so k runs over (o + pad) mod stride, + stride, ... below `kernel`.
// The first input pixel a tap reaches (k largest) and the count follow from that.
struct transpose_taps {
    int first_k = 0;   // the largest tap, o + pad - first_i * stride
    int first_i = 0;   // its input pixel
    int count = 0;     // taps (each one stride below the last), all with 0 <= i < in
};
constexpr transpose_taps taps_of(int o, int pad, int stride, int kernel, int in) noexcept {
    const int p = o + pad;  // >= 0: pad >= 0 and o >= 0
    // i ranges over ceil((p - kernel + 1) / stride) .. floor(p / stride), within [0, in).
    int lo = p - kernel + 1 <= 0 ? 0 : (p - kernel + 1 + stride - 1) / stride;
    int hi = p / stride;
    if (hi > in - 1) hi = in - 1;
    if (lo > hi) return {0, 0, 0};
    return {p - lo * stride, lo, hi - lo + 1};
}

}  // namespace ctnn::kernels
