// Deterministic pseudo-random kernel specs for tests and benchmarks: constexpr xorshift32
// weights, biases and per-channel multipliers, and geometry builders (SAME/VALID as TFLite).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::test {

constexpr std::uint32_t xorshift32(std::uint32_t& state) noexcept {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

// Uniform-ish integer in [lo, hi].
constexpr std::int32_t random_in(std::uint32_t& state, std::int32_t lo, std::int32_t hi) noexcept {
    return lo + static_cast<std::int32_t>(xorshift32(state) % static_cast<std::uint32_t>(hi - lo + 1));
}

template <int N>
constexpr std::array<std::int8_t, N> random_int8(std::uint32_t seed, int lo = -128, int hi = 127) {
    std::uint32_t s = seed * 2654435761u + 1;
    std::array<std::int8_t, N> a{};
    for (auto& v : a) v = static_cast<std::int8_t>(random_in(s, lo, hi));
    return a;
}

template <int N>
constexpr std::array<std::int32_t, N> random_int32(std::uint32_t seed, std::int32_t lo, std::int32_t hi) {
    std::uint32_t s = seed * 2246822519u + 7;
    std::array<std::int32_t, N> a{};
    for (auto& v : a) v = random_in(s, lo, hi);
    return a;
}

// Multipliers in [2^30, 2^31) with shifts in [shift_lo, shift_hi] (per channel).
template <int N>
constexpr std::array<quantized_multiplier, N> random_requant(std::uint32_t seed, int shift_lo, int shift_hi) {
    std::uint32_t s = seed * 3266489917u + 3;
    std::array<quantized_multiplier, N> a{};
    for (auto& q : a) {
        q.multiplier = static_cast<std::int32_t>((1u << 30) + (xorshift32(s) >> 2));
        q.shift = random_in(s, shift_lo, shift_hi);
    }
    return a;
}

inline std::vector<std::int8_t> random_input(std::size_t n, std::uint32_t seed) {
    std::uint32_t s = seed * 668265263u + 11;
    std::vector<std::int8_t> v(n);
    for (auto& x : v) x = static_cast<std::int8_t>(xorshift32(s));
    return v;
}

// Output size and leading pad along one axis, TFLite kernels/padding.h.
struct axis_padding {
    int out, before;
};
constexpr axis_padding pad_axis(int in, int kernel, int stride, int dilation, bool same) noexcept {
    const int effective = (kernel - 1) * dilation + 1;
    if (!same) return {(in - effective + stride) / stride, 0};
    const int out = (in + stride - 1) / stride;
    const int total = (out - 1) * stride + effective - in;
    return {out, total > 0 ? total / 2 : 0};
}

// What a test or benchmark says about a convolution; make_conv fills in the rest.
struct conv_case {
    int in_h, in_w, in_c, out_c, kernel_h, kernel_w;
    int stride_h = 1, stride_w = 1, dilation_h = 1, dilation_w = 1;
    bool same = true;
    int depth_multiplier = 1;
    std::int32_t input_zero_point = 0, output_zero_point = 0;
    std::int32_t act_min = -128, act_max = 127;
};

constexpr kernels::conv_geometry make_conv(const conv_case& c) noexcept {
    const axis_padding y = pad_axis(c.in_h, c.kernel_h, c.stride_h, c.dilation_h, c.same);
    const axis_padding x = pad_axis(c.in_w, c.kernel_w, c.stride_w, c.dilation_w, c.same);
    kernels::conv_geometry g{};
    g.in_h = c.in_h;
    g.in_w = c.in_w;
    g.in_c = c.in_c;
    g.out_h = y.out;
    g.out_w = x.out;
    g.out_c = c.out_c;
    g.kernel_h = c.kernel_h;
    g.kernel_w = c.kernel_w;
    g.stride_h = c.stride_h;
    g.stride_w = c.stride_w;
    g.dilation_h = c.dilation_h;
    g.dilation_w = c.dilation_w;
    g.pad_top = y.before;
    g.pad_left = x.before;
    g.depth_multiplier = c.depth_multiplier;
    g.input_zero_point = c.input_zero_point;
    g.output_zero_point = c.output_zero_point;
    g.act_min = c.act_min;
    g.act_max = c.act_max;
    return g;
}

constexpr kernels::pool_geometry make_pool(int in_h, int in_w, int channels, int filter_h, int filter_w,
                                           int stride_h, int stride_w, bool same, std::int32_t act_min = -128,
                                           std::int32_t act_max = 127) noexcept {
    const axis_padding y = pad_axis(in_h, filter_h, stride_h, 1, same);
    const axis_padding x = pad_axis(in_w, filter_w, stride_w, 1, same);
    kernels::pool_geometry g{};
    g.in_h = in_h;
    g.in_w = in_w;
    g.channels = channels;
    g.out_h = y.out;
    g.out_w = x.out;
    g.filter_h = filter_h;
    g.filter_w = filter_w;
    g.stride_h = stride_h;
    g.stride_w = stride_w;
    g.pad_top = y.before;
    g.pad_left = x.before;
    g.act_min = act_min;
    g.act_max = act_max;
    return g;
}

// ADD parameters from real scales, as TFLM's add_common.cc derives them.
constexpr kernels::add_params make_add(int size, float s1, std::int32_t zp1, float s2, std::int32_t zp2, float s_out,
                                       std::int32_t zp_out, std::int32_t act_min = -128, std::int32_t act_max = 127) {
    kernels::add_params p{};
    p.size = size;
    p.input1_zero_point = zp1;
    p.input2_zero_point = zp2;
    p.output_zero_point = zp_out;
    p.left_shift = 20;
    const double twice_max = 2 * static_cast<double>(s1 > s2 ? s1 : s2);
    p.input1 = quantize_multiplier(static_cast<double>(s1) / twice_max);
    p.input2 = quantize_multiplier(static_cast<double>(s2) / twice_max);
    p.output = quantize_multiplier(twice_max / ((1 << 20) * static_cast<double>(s_out)));
    p.act_min = act_min;
    p.act_max = act_max;
    return p;
}

// MEAN over axes 1 and 2 of 1 x in_h x in_w x channels.
constexpr kernels::mean_params make_mean(int in_h, int in_w, int channels, float s_in, std::int32_t zp_in, float s_out,
                                         std::int32_t zp_out) {
    kernels::mean_params p{};
    p.rank = 4;
    p.dims = {1, in_h, in_w, channels, 1, 1};
    p.reduced = {false, true, true, false, false, false};
    p.input_zero_point = zp_in;
    p.output_zero_point = zp_out;
    p.multiplier = quantize_multiplier(static_cast<double>(s_in) / static_cast<double>(s_out));
    return p;
}

// MEAN over the axes set in `reduced` (bit d: axis d) of a tensor with these dims.
constexpr kernels::mean_params make_mean_axes(std::array<int, 6> dims, int rank, unsigned reduced, float s_in, std::int32_t zp_in,
                                              float s_out, std::int32_t zp_out) {
    kernels::mean_params p{};
    p.rank = rank;
    p.dims = dims;
    for (int d = 0; d < rank; ++d) p.reduced[static_cast<std::size_t>(d)] = (reduced >> d) & 1u;
    p.input_zero_point = zp_in;
    p.output_zero_point = zp_out;
    p.multiplier = quantize_multiplier(static_cast<double>(s_in) / static_cast<double>(s_out));
    return p;
}

// A convolution spec with pseudo-random constant data. Shifts are centred on what keeps
// outputs mostly unsaturated for full-range weights (acc ~ 5500 * sqrt(depth)).
constexpr int typical_shift(int depth) noexcept {
    long long acc = 5500;
    for (int d = 1; d * 4 <= depth; d *= 4) acc *= 2;  // * sqrt(depth)
    int log2_acc = 0;
    for (; acc > 1; acc /= 2) ++log2_acc;
    return 6 - log2_acc;  // outputs spread over about +-64
}

template <conv_case C, std::uint32_t Seed, int WeightMax = 127, int ShiftLo = 0, int ShiftHi = 0>
struct random_conv_spec {
    static constexpr kernels::conv_geometry geometry = make_conv(C);
    static constexpr int taps = C.kernel_h * C.kernel_w;
    static constexpr int weight_count = C.out_c * taps * C.in_c;  // conv: OHWI
    static constexpr auto weights = random_int8<weight_count>(Seed, -WeightMax, WeightMax);
    static constexpr auto bias = random_int32<C.out_c>(Seed + 101, -3000, 3000);
    static constexpr int base_shift = typical_shift(taps * C.in_c);
    static constexpr auto requant =
        random_requant<C.out_c>(Seed + 202, base_shift - 2 + ShiftLo, base_shift + 2 + ShiftHi);
};

template <conv_case C, std::uint32_t Seed, int WeightMax = 127, int ShiftLo = 0, int ShiftHi = 0>
struct random_depthwise_spec {
    static constexpr kernels::conv_geometry geometry = make_conv(C);
    static constexpr int taps = C.kernel_h * C.kernel_w;
    static constexpr auto weights = random_int8<taps * C.out_c>(Seed, -WeightMax, WeightMax);  // 1HWC
    static constexpr auto bias = random_int32<C.out_c>(Seed + 101, -3000, 3000);
    static constexpr int base_shift = typical_shift(taps);
    static constexpr auto requant =
        random_requant<C.out_c>(Seed + 202, base_shift - 2 + ShiftLo, base_shift + 2 + ShiftHi);
};

}  // namespace ctnn::test
