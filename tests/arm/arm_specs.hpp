// Deterministic pseudo-random kernel specs for the firmware tests and benchmark of the Arm
// kernels: constexpr weights, biases and per-channel multipliers (xorshift32), TFLite padding.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/fully_connected_params.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "support/random_specs.hpp"

namespace ctnn::arm_test {

// The generators are the kernel tests' (tests/kernels/support/random_specs.hpp): same seeds, same data.
using test::random_in;
using test::random_int32;
using test::random_int8;
using test::xorshift32;

// Multipliers in [2^30, 2^31), shifts in [lo, hi]; channel `zero` (if any) gets multiplier 0.
template <int N>
constexpr std::array<quantized_multiplier, N> requants(std::uint32_t seed, int lo, int hi, int zero = -1) {
    std::uint32_t s = seed * 3266489917u + 3;
    std::array<quantized_multiplier, N> a{};
    for (int i = 0; i < N; ++i) {
        a[i].multiplier = static_cast<std::int32_t>((1u << 30) + (xorshift32(s) >> 2));
        a[i].shift = random_in(s, lo, hi);
        if (i == zero) a[i] = {0, 0};
    }
    return a;
}

struct conv_case {
    int in_h, in_w, in_c, out_c, kernel_h, kernel_w;
    int stride_h = 1, stride_w = 1, dilation_h = 1, dilation_w = 1;
    bool same = true;
    int depth_multiplier = 1;
    std::int32_t zp_in = -128, zp_out = -128, act_min = -128, act_max = 127;
    int weight_max = 127, shift_lo = 0, shift_hi = 0;  // shifts relative to a typical one...
    bool absolute_shifts = false;                       // ...or exactly [shift_lo, shift_hi]
    int bias_max = 3000;
    int zero_multiplier = -1;                          // a channel with multiplier 0, or -1
};

constexpr kernels::conv_geometry geometry_of(const conv_case& c) {
    return test::make_conv({c.in_h, c.in_w, c.in_c, c.out_c, c.kernel_h, c.kernel_w, c.stride_h, c.stride_w, c.dilation_h,
                            c.dilation_w, c.same, c.depth_multiplier, c.zp_in, c.zp_out, c.act_min, c.act_max});
}

// A shift that keeps outputs mostly unsaturated for full-range data: acc ~ 5500 * sqrt(depth).
constexpr int typical_shift(int depth) {
    long long acc = 5500;
    for (int d = 1; d * 4 <= depth; d *= 4) acc *= 2;
    int log2 = 0;
    for (; acc > 1; acc /= 2) ++log2;
    return 6 - log2;
}

template <conv_case C, std::uint32_t Seed>
struct conv_spec {
    static constexpr conv_case desc = C;
    static constexpr kernels::conv_geometry geometry = geometry_of(C);
    static constexpr int depth = C.kernel_h * C.kernel_w * C.in_c;
    // Pointers to constexpr arrays, as the layers pass them.
    static constexpr auto weight_data = random_int8<C.out_c * depth>(Seed, -C.weight_max, C.weight_max);
    static constexpr auto bias_data = random_int32<C.out_c>(Seed + 101, -C.bias_max, C.bias_max);
    static constexpr const std::int8_t* weights = weight_data.data();
    static constexpr const std::int32_t* bias = bias_data.data();
    static constexpr int base_shift = C.absolute_shifts ? 0 : typical_shift(depth);
    static constexpr auto requant = requants<C.out_c>(Seed + 202, base_shift - (C.absolute_shifts ? 0 : 2) + C.shift_lo,
                                                      base_shift + (C.absolute_shifts ? 0 : 2) + C.shift_hi,
                                                      C.zero_multiplier);
    static constexpr long macs = long(geometry.out_h) * geometry.out_w * C.out_c * depth;
};

template <conv_case C, std::uint32_t Seed>
struct depthwise_spec {
    static constexpr conv_case desc = C;
    static constexpr kernels::conv_geometry geometry = geometry_of(C);
    static constexpr int taps = C.kernel_h * C.kernel_w;
    static constexpr auto weight_data = random_int8<taps * C.out_c>(Seed, -C.weight_max, C.weight_max);
    static constexpr auto bias_data = random_int32<C.out_c>(Seed + 101, -C.bias_max, C.bias_max);
    static constexpr const std::int8_t* weights = weight_data.data();
    static constexpr const std::int32_t* bias = bias_data.data();
    static constexpr int base_shift = C.absolute_shifts ? 0 : typical_shift(taps);
    static constexpr auto requant = requants<C.out_c>(Seed + 202, base_shift - (C.absolute_shifts ? 0 : 2) + C.shift_lo,
                                                      base_shift + (C.absolute_shifts ? 0 : 2) + C.shift_hi,
                                                      C.zero_multiplier);
    static constexpr long macs = long(geometry.out_h) * geometry.out_w * C.out_c * taps;
};

struct fc_case {
    int batches, in, out;
    bool per_channel = true;
    std::int32_t zp_in = -128, zp_out = 0, act_min = -128, act_max = 127;
    int shift_lo = 0, shift_hi = 0;
};

template <fc_case C, std::uint32_t Seed>
struct fc_spec {
    static constexpr kernels::fully_connected_params params{C.batches, C.in, C.out, C.zp_in, C.zp_out,
                                                            C.act_min, C.act_max, C.per_channel};
    static constexpr auto weight_data = random_int8<C.out * C.in>(Seed, -127, 127);
    static constexpr auto bias_data = random_int32<C.out>(Seed + 101, -3000, 3000);
    static constexpr const std::int8_t* weights = weight_data.data();
    static constexpr const std::int32_t* bias = bias_data.data();
    static constexpr auto requant = requants<C.per_channel ? C.out : 1>(
        Seed + 202, typical_shift(C.in) - 2 + C.shift_lo, typical_shift(C.in) + 2 + C.shift_hi);
    static constexpr long macs = long(C.batches) * C.in * C.out;
};

// Run-time pseudo-random int8 data.
inline void fill_random(std::int8_t* p, int n, std::uint32_t seed) {
    std::uint32_t s = seed * 668265263u + 11;
    for (int i = 0; i < n; ++i) p[i] = static_cast<std::int8_t>(xorshift32(s));
}

}  // namespace ctnn::arm_test
