// Arm DSP DEPTHWISE_CONV_2D 16x8 (Cortex-M4/M7/M33); bit-exact with reference::depthwise_conv2d_s16.
//
// How: with depth multiplier 1, two channels at a time: per tap one load of the input pixel's two
// int16 channels, one of the two channels' weights widened to an int16 pair at compile time, and
// SMLABB / SMLATT into the two channels' int32 partial sums (SMLALBB / SMLALTT into int64 ones
// where the layer's bound needs them); an odd last channel by one multiply. Other depth
// multipliers take the portable kernel. No scratch.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s16.hpp"
#include "ctnn/kernels/portable/detail/dot_16x8.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::arm_dsp {
namespace detail {

// acc + lo(a) * lo(b), acc + hi(a) * hi(b): halfwords signed, int32 (SMLABB, SMLATT) or int64
// (SMLALBB, SMLALTT) accumulators.
inline std::int32_t mla_bottom(std::uint32_t a, std::uint32_t b, std::int32_t acc) noexcept {
    std::int32_t r;
    __asm__("smlabb %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}
inline std::int32_t mla_top(std::uint32_t a, std::uint32_t b, std::int32_t acc) noexcept {
    std::int32_t r;
    __asm__("smlatt %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}
inline std::int64_t mla_bottom(std::uint32_t a, std::uint32_t b, std::int64_t acc) noexcept {
    auto lo = static_cast<std::uint32_t>(static_cast<std::uint64_t>(acc));
    auto hi = static_cast<std::uint32_t>(static_cast<std::uint64_t>(acc) >> 32);
    __asm__("smlalbb %0, %1, %2, %3" : "+r"(lo), "+r"(hi) : "r"(a), "r"(b));
    return static_cast<std::int64_t>((std::uint64_t{hi} << 32) | lo);
}
inline std::int64_t mla_top(std::uint32_t a, std::uint32_t b, std::int64_t acc) noexcept {
    auto lo = static_cast<std::uint32_t>(static_cast<std::uint64_t>(acc));
    auto hi = static_cast<std::uint32_t>(static_cast<std::uint64_t>(acc) >> 32);
    __asm__("smlaltt %0, %1, %2, %3" : "+r"(lo), "+r"(hi) : "r"(a), "r"(b));
    return static_cast<std::int64_t>((std::uint64_t{hi} << 32) | lo);
}

// The 1HWC weights as int16 pairs of channels (2c, 2c + 1), per tap: [tap][out_c / 2].
template <class Spec>
inline constexpr auto depthwise_weight_pairs_s16 = [] {
    constexpr auto& g = Spec::geometry;
    constexpr int pairs = g.out_c / 2 > 0 ? g.out_c / 2 : 1;
    std::array<std::uint32_t, std::size_t(g.kernel_h) * g.kernel_w * pairs> w{};
    for (int t = 0; t < g.kernel_h * g.kernel_w; ++t)
        for (int c = 0; c + 1 < g.out_c; c += 2) {
            const auto lo = static_cast<std::uint16_t>(Spec::weights[t * g.out_c + c]);
            const auto hi = static_cast<std::uint16_t>(Spec::weights[t * g.out_c + c + 1]);
            w[std::size_t(t) * pairs + std::size_t(c / 2)] = std::uint32_t{lo} | (std::uint32_t{hi} << 16);
        }
    return w;
}();

}  // namespace detail

template <class Spec>
void depthwise_conv2d_s16(const std::int16_t* __restrict input, std::int16_t* __restrict output) {
    constexpr auto& g = Spec::geometry;
    using acc_t = std::remove_cv_t<std::remove_pointer_t<decltype(Spec::bias)>>;
    using partial = portable::detail::partial_sum_16x8<
        portable::detail::products_bound_16x8(Spec::weights, g.out_c, g.kernel_h * g.kernel_w, 1, g.out_c)>;
    constexpr int pairs = g.out_c / 2 > 0 ? g.out_c / 2 : 1;
    constexpr const auto& wp = detail::depthwise_weight_pairs_s16<Spec>;
    for (int oy = 0; oy < g.out_h; ++oy) {
        const int y0 = oy * g.stride_h - g.pad_top;
        for (int ox = 0; ox < g.out_w; ++ox) {
            const int x0 = ox * g.stride_w - g.pad_left;
            std::int16_t* const out = output + (oy * g.out_w + ox) * g.out_c;
            for (int c = 0; c + 1 < g.out_c; c += 2) {
                partial s0 = 0, s1 = 0;
                for (int ky = 0; ky < g.kernel_h; ++ky) {
                    const int iy = y0 + ky * g.dilation_h;
                    if (iy < 0 || iy >= g.in_h) continue;
                    for (int kx = 0; kx < g.kernel_w; ++kx) {
                        const int ix = x0 + kx * g.dilation_w;
                        if (ix < 0 || ix >= g.in_w) continue;
                        std::uint32_t x;
                        std::memcpy(&x, input + (iy * g.in_w + ix) * g.in_c + c, 4);
                        const std::uint32_t w = wp[std::size_t(ky * g.kernel_w + kx) * pairs + std::size_t(c / 2)];
                        s0 = detail::mla_bottom(w, x, s0);
                        s1 = detail::mla_top(w, x, s1);
                    }
                }
                out[c] = requantize_16x8(static_cast<acc_t>(s0) + Spec::bias[c], Spec::requant[c].multiplier, Spec::requant[c].shift, g.act_min, g.act_max);
                out[c + 1] = requantize_16x8(static_cast<acc_t>(s1) + Spec::bias[c + 1], Spec::requant[c + 1].multiplier, Spec::requant[c + 1].shift,
                                             g.act_min, g.act_max);
            }
            if constexpr (g.out_c % 2 != 0) {
                constexpr int c = g.out_c - 1;
                partial s = 0;
                for (int ky = 0; ky < g.kernel_h; ++ky) {
                    const int iy = y0 + ky * g.dilation_h;
                    if (iy < 0 || iy >= g.in_h) continue;
                    for (int kx = 0; kx < g.kernel_w; ++kx) {
                        const int ix = x0 + kx * g.dilation_w;
                        if (ix < 0 || ix >= g.in_w) continue;
                        s += partial{Spec::weights[(ky * g.kernel_w + kx) * g.out_c + c]} * partial{input[(iy * g.in_w + ix) * g.in_c + c]};
                    }
                }
                out[c] = requantize_16x8(static_cast<acc_t>(s) + Spec::bias[c], Spec::requant[c].multiplier, Spec::requant[c].shift, g.act_min, g.act_max);
            }
        }
    }
}

}  // namespace ctnn::kernels::arm_dsp

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::depthwise_conv2d_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output) {
        if constexpr (Spec::geometry.depth_multiplier == 1) {
            arm_dsp::depthwise_conv2d_s16<Spec>(input, output);
        } else {
            portable::depthwise_conv2d_s16<Spec>(input, output);
        }
    }
    // Depth multiplier 1: its weight pairs and multipliers, the model's bias, and its weights for
    // an odd last channel; else the portable kernel's.
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        constexpr auto& g = Spec::geometry;
        if constexpr (g.depth_multiplier != 1) {
            return portable::depthwise_conv2d_s16_constants<Spec>();
        } else {
            constexpr auto c = linked_constants::of(arm_dsp::detail::depthwise_weight_pairs_s16<Spec>, Spec::requant)
                                   .and_shared(Spec::bias, std::size_t(g.out_c) * sizeof(*Spec::bias));
            if constexpr (g.out_c % 2 != 0) {
                return c.and_shared(Spec::weights, std::size_t(g.out_c) * g.kernel_h * g.kernel_w);
            } else {
                return c;
            }
        }
    }
};
}  // namespace ctnn::kernels
