// Arm DSP DEPTHWISE_CONV_2D, int8 (Cortex-M4/M7/M33); bit-exact with
// reference::depthwise_conv2d_s8.
//
//   kernel<arm_dsp_set, op::depthwise_conv2d>::run<Spec, O>(input, output)
//
// Spec: as the portable kernel (kernels/portable/depthwise_conv2d_s8.hpp: geometry, weights 1HWC, bias, requant per channel).
// input/output: NHWC, N = 1, any byte alignment. No scratch.
//
// How: channels go four at a time. Per tap, one input word is split by SXTB16 into channels
// (0, 2) and (1, 3) as int16 halves, and SMLABB/SMLATT multiply each half by the matching
// weight: the weights are stored pre-extended to int16 in exactly that order (depthwise weights
// are small, so doubling them costs little flash and saves two SXTB16 per tap). Depthwise taps
// of one channel cannot share SMLAD's sum with another channel, so this is 2 instructions per
// MAC. Interior pixels address taps at compile-time offsets; border pixels point padded taps at
// a row of zp_in (folded into the bias at compile time, so they add nothing). Channels past the
// last multiple of four are done one by one. A depth multiplier other than 1 forwards to the
// portable kernel.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/kernels/arm_dsp/detail/dsp.hpp"
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"  // the other depth multipliers

namespace ctnn::kernels::arm_dsp {
namespace detail {

struct depthwise_key {
    conv_geometry g;  // output zero point and clamp normalised away
    requant_mode mode;
    friend constexpr bool operator==(const depthwise_key&, const depthwise_key&) = default;
};

struct depthwise_tables {
    const std::uint32_t* weights;  // [group][tap][even, odd]: int16 pairs (c0, c2), (c1, c3)
    const std::int8_t* tail_weights;  // [tap][channels % 4]
    const std::int32_t* bias;
    const requant_entry* requant;
};

template <class Spec>
struct depthwise_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int channels = g.out_c;
    static constexpr int taps = g.kernel_h * g.kernel_w;
    static constexpr int groups = channels / 4;
    static constexpr int tail = channels % 4;

    static constexpr std::array<std::uint32_t, groups * taps * 2 + 1> weights = [] {
        std::array<std::uint32_t, groups * taps * 2 + 1> w{};
        auto half = [](int t, int c) { return static_cast<std::uint32_t>(static_cast<std::uint16_t>(Spec::weights[t * channels + c])); };
        for (int grp = 0; grp < groups; ++grp)
            for (int t = 0; t < taps; ++t) {
                const int c = 4 * grp;
                w[(grp * taps + t) * 2] = half(t, c) | half(t, c + 2) << 16;
                w[(grp * taps + t) * 2 + 1] = half(t, c + 1) | half(t, c + 3) << 16;
            }
        return w;
    }();

    static constexpr std::array<std::int8_t, taps * tail + 1> tail_weights = [] {
        std::array<std::int8_t, taps * tail + 1> w{};
        for (int t = 0; t < taps; ++t)
            for (int j = 0; j < tail; ++j) w[t * tail + j] = Spec::weights[t * channels + groups * 4 + j];
        return w;
    }();

    static constexpr auto& sums = channel_sums<Spec, channels, channel_weights{taps, 1, channels}>;
    static constexpr std::array<std::int32_t, channels> bias = folded_bias<channels>(sums, Spec::bias, g.input_zero_point);

    static constexpr auto requant = make_requant_table<channels>(
        channels, [](int c) { return quantized_multiplier(Spec::requant[c]); },
        [](int c) { return channel_acc_range(sums[c], Spec::bias[c], g.input_zero_point); },
        g.output_zero_point, g.act_min, g.act_max);

    static constexpr depthwise_key key = [] {
        depthwise_key k{g, requant.mode};
        k.g.output_zero_point = 0;
        k.g.act_min = -128;
        k.g.act_max = 127;
        return k;
    }();
    static constexpr depthwise_tables tables{weights.data(), tail_weights.data(), bias.data(), requant.entry.data()};
};

template <depthwise_key K>
inline constexpr std::array<std::int8_t, K.g.in_c> zp_row = [] {
    std::array<std::int8_t, K.g.in_c> row{};
    for (auto& v : row) v = static_cast<std::int8_t>(K.g.input_zero_point);
    return row;
}();

// One output pixel. Interior: tap t reads base + its compile-time offset; else taps[t].
template <depthwise_key K, bool Interior>
[[gnu::always_inline]] inline void depthwise_pixel(const std::int8_t* base, const std::int8_t* const* taps,
                                                   std::int8_t* out, const depthwise_tables& t) noexcept {
    constexpr conv_geometry g = K.g;
    constexpr int n_taps = g.kernel_h * g.kernel_w;
    constexpr int groups = g.out_c / 4;
    constexpr int tail = g.out_c % 4;
    auto tap = [&](int i, int c) -> const std::int8_t* {
        if constexpr (Interior)
            return base + ((i / g.kernel_w) * g.dilation_h * g.in_w + (i % g.kernel_w) * g.dilation_w) * g.in_c + c;
        else
            return taps[i] + c;
    };
    // Table pointers in locals: int8 stores may alias anything, so members of t would be
    // reloaded after every output byte.
    const std::uint32_t* w = t.weights;
    const std::int32_t* const bias = t.bias;
    const requant_entry* rq = t.requant;
    for (int grp = 0; grp < groups; ++grp, rq += 4) {
        const int c = 4 * grp;
        std::int32_t a0 = bias[c], a1 = bias[c + 1], a2 = bias[c + 2], a3 = bias[c + 3];
#pragma GCC unroll 9
        for (int i = 0; i < n_taps; ++i) {
            const std::uint32_t x = load_word(tap(i, c));
            const std::uint32_t xe = sxtb16(x), xo = sxtb16_ror8(x);
            const std::uint32_t we = w[0], wo = w[1];
            w += 2;
            a0 = static_cast<std::int32_t>(__smlabb(xe, we, static_cast<std::uint32_t>(a0)));
            a2 = static_cast<std::int32_t>(__smlatt(xe, we, static_cast<std::uint32_t>(a2)));
            a1 = static_cast<std::int32_t>(__smlabb(xo, wo, static_cast<std::uint32_t>(a1)));
            a3 = static_cast<std::int32_t>(__smlatt(xo, wo, static_cast<std::uint32_t>(a3)));
        }
        out[c] = requantize<K.mode>(a0, rq[0]);
        out[c + 1] = requantize<K.mode>(a1, rq[1]);
        out[c + 2] = requantize<K.mode>(a2, rq[2]);
        out[c + 3] = requantize<K.mode>(a3, rq[3]);
    }
    for (int j = 0; j < tail; ++j) {
        const int c = 4 * groups + j;
        std::int32_t a = bias[c];
        for (int i = 0; i < n_taps; ++i) a += std::int32_t{t.tail_weights[i * tail + j]} * *tap(i, c);
        out[c] = requantize<K.mode>(a, t.requant[c]);  // tail: t reloads are fine
    }
}

template <depthwise_key K>
CTNN_ARM_KERNEL_BODY void depthwise_body(const std::int8_t* input, std::int8_t* output, const depthwise_tables& tables) {
    // A local copy: the int8 output stores cannot alias it, so its pointers stay in registers.
    const depthwise_tables t = tables;
    constexpr conv_geometry g = K.g;
    constexpr int n_taps = g.kernel_h * g.kernel_w;
    for (int oy = 0; oy < g.out_h; ++oy) {
        const int iy0 = oy * g.stride_h - g.pad_top;
        const bool rows_inside = iy0 >= 0 && iy0 + (g.kernel_h - 1) * g.dilation_h < g.in_h;
        for (int ox = 0; ox < g.out_w; ++ox, output += g.out_c) {
            const int ix0 = ox * g.stride_w - g.pad_left;
            if (!window_leaves_input(g) || (rows_inside && ix0 >= 0 && ix0 + (g.kernel_w - 1) * g.dilation_w < g.in_w)) {
                depthwise_pixel<K, true>(input + (iy0 * g.in_w + ix0) * g.in_c, nullptr, output, t);
                continue;
            }
            const std::int8_t* taps[n_taps];
            for (int i = 0; i < n_taps; ++i) {
                const int iy = iy0 + (i / g.kernel_w) * g.dilation_h;
                const int ix = ix0 + (i % g.kernel_w) * g.dilation_w;
                const bool inside = iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w;
                taps[i] = inside ? input + (iy * g.in_w + ix) * g.in_c : zp_row<K>.data();
            }
            depthwise_pixel<K, false>(nullptr, taps, output, t);
        }
    }
}

// The same on output rows [y_begin, y_end), written from `output` on (in place by rows): a body
// of its own, so that the whole-tensor one keeps its constant bounds and its code.
template <depthwise_key K>
CTNN_ARM_KERNEL_BODY void depthwise_body_rows(const std::int8_t* input, std::int8_t* output, const depthwise_tables& tables,
                                              int y_begin, int y_end) {
    // A local copy: the int8 output stores cannot alias it, so its pointers stay in registers.
    const depthwise_tables t = tables;
    constexpr conv_geometry g = K.g;
    constexpr int n_taps = g.kernel_h * g.kernel_w;
    for (int oy = y_begin; oy < y_end; ++oy) {
        const int iy0 = oy * g.stride_h - g.pad_top;
        const bool rows_inside = iy0 >= 0 && iy0 + (g.kernel_h - 1) * g.dilation_h < g.in_h;
        for (int ox = 0; ox < g.out_w; ++ox, output += g.out_c) {
            const int ix0 = ox * g.stride_w - g.pad_left;
            if (!window_leaves_input(g) || (rows_inside && ix0 >= 0 && ix0 + (g.kernel_w - 1) * g.dilation_w < g.in_w)) {
                depthwise_pixel<K, true>(input + (iy0 * g.in_w + ix0) * g.in_c, nullptr, output, t);
                continue;
            }
            const std::int8_t* taps[n_taps];
            for (int i = 0; i < n_taps; ++i) {
                const int iy = iy0 + (i / g.kernel_w) * g.dilation_h;
                const int ix = ix0 + (i % g.kernel_w) * g.dilation_w;
                const bool inside = iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w;
                taps[i] = inside ? input + (iy * g.in_w + ix) * g.in_c : zp_row<K>.data();
            }
            depthwise_pixel<K, false>(nullptr, taps, output, t);
        }
    }
}

}  // namespace detail

struct depthwise_multiplier_one {
    template <class Spec>
    static void run(const std::int8_t* input, std::int8_t* output) {
        using plan = detail::depthwise_plan<Spec>;
        detail::depthwise_body<plan::key>(input, output, plan::tables);
    }
    template <class Spec>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
        using plan = detail::depthwise_plan<Spec>;
        detail::depthwise_body_rows<plan::key>(input, output, plan::tables, y_begin, y_end);
    }
    // The body reads the tables through plan::tables,
    // and a padded tap reads the row of the input zero point, one per key.
    template <class Spec>
    static constexpr linked_constants constants() {
        using plan = detail::depthwise_plan<Spec>;
        const auto c = linked_constants::of(plan::weights, plan::tail_weights, plan::bias, plan::requant, plan::tables);
        return window_leaves_input(plan::g) ? c.and_shared(detail::zp_row<plan::key>) : c;
    }
};

}  // namespace ctnn::kernels::arm_dsp

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::depthwise_conv2d> : depthwise_multiplier_one_kernel<arm_dsp::depthwise_multiplier_one> {};
}  // namespace ctnn::kernels
