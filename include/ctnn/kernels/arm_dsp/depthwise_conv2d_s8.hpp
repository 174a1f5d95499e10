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
// MAC. Output pixels go in pairs (neighbours along a row; down the column when the output is one
// pixel wide) that share each weight load and each channel's requantization constants: 8 MACs
// per weight load instead of 4, and half the constant loads. Pixels inside the input address
// taps at compile-time offsets; border pixels point padded taps at a row of zp_in (folded into
// the bias at compile time, so they add nothing), in pairs where the border is a third of the
// output or more, else alone. Channels past the last multiple of four are done one by one.
// Small padded layers (compact_depthwise, below 48 K MACs) share one body per window size and
// requantization mode instead, which takes the shape at run time and every tap through a
// pointer: about 20 % slower on those layers, and a layer shape's 1.6-2.3 KB of code saved. A
// depth multiplier other than 1 forwards to the portable kernel.
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

// The key of a compact body (below), shared by every layer shape with this window and mode.
struct compact_key {
    int kernel_h, kernel_w;
    requant_mode mode;
    friend constexpr bool operator==(const compact_key&, const compact_key&) = default;
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
    static constexpr compact_key compact{g.kernel_h, g.kernel_w, requant.mode};
    static constexpr depthwise_tables tables{weights.data(), tail_weights.data(), bias.data(), requant.entry.data()};
};

template <depthwise_key K>
inline constexpr std::array<std::int8_t, K.g.in_c> zp_row = [] {
    std::array<std::int8_t, K.g.in_c> row{};
    for (auto& v : row) v = static_cast<std::int8_t>(K.g.input_zero_point);
    return row;
}();

// Pixel pairs (below): two neighbours along a row, or down the column when the output is one
// pixel wide. A pair whose windows both lie inside the input takes compile-time tap offsets;
// where border pixels are at least a third of the output (KWS's 25x5: 56 of 125), pairs on the
// border run as pairs through tap pointers too, else those pixels run alone (one body less of
// code for a few pixels).
constexpr bool window_rows_inside(const conv_geometry& g, int oy) noexcept {
    const int iy0 = oy * g.stride_h - g.pad_top;
    return !window_leaves_input(g) || (iy0 >= 0 && iy0 + (g.kernel_h - 1) * g.dilation_h < g.in_h);
}
constexpr bool window_columns_inside(const conv_geometry& g, int ox) noexcept {
    const int ix0 = ox * g.stride_w - g.pad_left;
    return !window_leaves_input(g) || (ix0 >= 0 && ix0 + (g.kernel_w - 1) * g.dilation_w < g.in_w);
}
// A pixel is inside when its row and its column are: the rest are border pixels.
constexpr int border_pixels(const conv_geometry& g) noexcept {
    int rows = 0, columns = 0;
    for (int oy = 0; oy < g.out_h; ++oy) rows += window_rows_inside(g, oy);
    for (int ox = 0; ox < g.out_w; ++ox) columns += window_columns_inside(g, ox);
    return g.out_h * g.out_w - rows * columns;
}
template <depthwise_key K>
inline constexpr bool pairs_down_columns = K.g.out_w == 1;
template <depthwise_key K>
inline constexpr bool border_pairs = 3 * border_pixels(K.g) >= K.g.out_h * K.g.out_w;

// Where a layer's pixel bodies find their shape: at compile time (fixed_layout, one body per
// layer shape) or at run time (run_layout, one body per window size for every shape: compact).
template <depthwise_key K>
struct fixed_layout {
    static constexpr conv_geometry g = K.g;
    static constexpr int groups = g.out_c / 4, tail = g.out_c % 4;
    // The second pixel's offsets from the first, in the input and in the output.
    static constexpr int pair_in = pairs_down_columns<K> ? g.stride_h * g.in_w * g.in_c : g.stride_w * g.in_c;
    static constexpr int pair_out = pairs_down_columns<K> ? g.out_w * g.out_c : g.out_c;
    // Tap i of pixel p, from the first pixel's window origin.
    static constexpr int offset(int p, int i) noexcept {
        return p * pair_in + ((i / g.kernel_w) * g.dilation_h * g.in_w + (i % g.kernel_w) * g.dilation_w) * g.in_c;
    }
};
struct run_layout {
    int groups, tail, pair_out;
};

// N neighbouring output pixels (N = 1 or 2). Interior (fixed layouts only): tap t of pixel p
// reads base + a compile-time offset; else taps[p * NTaps + t]. A pair shares every weight load
// and every channel's requantization constants between its two pixels.
template <requant_mode Mode, int NTaps, bool Interior, int N, class Layout>
[[gnu::always_inline]] inline void depthwise_pixels(const std::int8_t* base, const std::int8_t* const* taps,
                                                    std::int8_t* out, const depthwise_tables& t, const Layout& l) noexcept {
    // Locals (compile-time constants for a fixed layout): GCC reloads a member of a constexpr
    // variable after int8 stores.
    const int groups = l.groups, tail = l.tail, pair_out = l.pair_out;
    auto tap = [&](int p, int i, int c) -> const std::int8_t* {
        if constexpr (Interior)
            return base + Layout::offset(p, i) + c;
        else
            return taps[p * NTaps + i] + c;
    };
    // Table pointers in locals: int8 stores may alias anything, so members of t would be
    // reloaded after every output byte.
    const std::uint32_t* w = t.weights;
    const std::int32_t* const bias = t.bias;
    const requant_entry* rq = t.requant;
    for (int grp = 0; grp < groups; ++grp, rq += 4) {
        const int c = 4 * grp;
        // Named accumulators (an array of them stays in memory): a* pixel 0, b* pixel 1.
        std::int32_t a0 = bias[c], a1 = bias[c + 1], a2 = bias[c + 2], a3 = bias[c + 3];
        std::int32_t b0 = a0, b1 = a1, b2 = a2, b3 = a3;
        auto mac = [](std::uint32_t x, std::uint32_t we, std::uint32_t wo, std::int32_t& s0, std::int32_t& s1,
                      std::int32_t& s2, std::int32_t& s3) {
            const std::uint32_t xe = sxtb16(x), xo = sxtb16_ror8(x);
            s0 = static_cast<std::int32_t>(__smlabb(xe, we, static_cast<std::uint32_t>(s0)));
            s2 = static_cast<std::int32_t>(__smlatt(xe, we, static_cast<std::uint32_t>(s2)));
            s1 = static_cast<std::int32_t>(__smlabb(xo, wo, static_cast<std::uint32_t>(s1)));
            s3 = static_cast<std::int32_t>(__smlatt(xo, wo, static_cast<std::uint32_t>(s3)));
        };
#pragma GCC unroll 9
        for (int i = 0; i < NTaps; ++i) {
            const std::uint32_t we = w[0], wo = w[1];
            w += 2;
            mac(load_word(tap(0, i, c)), we, wo, a0, a1, a2, a3);
            if constexpr (N == 2) mac(load_word(tap(1, i, c)), we, wo, b0, b1, b2, b3);
        }
        auto store = [&](int k, std::int32_t va, std::int32_t vb) {
            const requant_entry q = rq[k];  // a local: loaded once for both pixels, before their stores
            out[c + k] = requantize<Mode>(va, q);
            if constexpr (N == 2) out[pair_out + c + k] = requantize<Mode>(vb, q);
        };
        store(0, a0, b0);
        store(1, a1, b1);
        store(2, a2, b2);
        store(3, a3, b3);
    }
    for (int j = 0; j < tail; ++j) {
        const int c = 4 * groups + j;
        for (int p = 0; p < N; ++p) {
            std::int32_t a = bias[c];
            for (int i = 0; i < NTaps; ++i) a += std::int32_t{t.tail_weights[i * tail + j]} * *tap(p, i, c);
            out[p * pair_out + c] = requantize<Mode>(a, t.requant[c]);  // tail: t reloads are fine
        }
    }
}

// The tap pointers of output pixel (oy, ox): a padded tap points at a row of zp_in (folded into
// the bias at compile time, so it adds nothing).
template <depthwise_key K>
[[gnu::always_inline]] inline void point_taps(const std::int8_t* input, int oy, int ox, const std::int8_t** taps) noexcept {
    constexpr conv_geometry g = K.g;
    const int iy0 = oy * g.stride_h - g.pad_top, ix0 = ox * g.stride_w - g.pad_left;
    for (int i = 0; i < g.kernel_h * g.kernel_w; ++i) {
        const int iy = iy0 + (i / g.kernel_w) * g.dilation_h;
        const int ix = ix0 + (i % g.kernel_w) * g.dilation_w;
        const bool in = iy >= 0 && iy < g.in_h && ix >= 0 && ix < g.in_w;
        taps[i] = in ? input + (iy * g.in_w + ix) * g.in_c : zp_row<K>.data();
    }
}

// Output pixel (oy, ox) alone, through its tap pointers.
template <depthwise_key K>
[[gnu::always_inline]] inline void depthwise_tapped_pixel(const std::int8_t* input, std::int8_t* output, int oy, int ox,
                                                          const depthwise_tables& t) noexcept {
    const std::int8_t* taps[K.g.kernel_h * K.g.kernel_w];
    point_taps<K>(input, oy, ox, taps);
    depthwise_pixels<K.mode, K.g.kernel_h * K.g.kernel_w, false, 1>(nullptr, taps, output, t, fixed_layout<K>{});
}

// Output rows [y_begin, y_end), written from `output` on, pair by pair; a pixel without a pair
// runs alone. One call site of each pixel body: code is flash.
template <depthwise_key K>
[[gnu::always_inline]] inline void depthwise_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end,
                                                  const depthwise_tables& t) noexcept {
    constexpr conv_geometry g = K.g;
    constexpr int n_taps = g.kernel_h * g.kernel_w;
    constexpr bool down = pairs_down_columns<K>;
    auto origin = [input](int oy, int ox) __attribute__((always_inline)) {
        constexpr conv_geometry g = K.g;
        return input + ((oy * g.stride_h - g.pad_top) * g.in_w + ox * g.stride_w - g.pad_left) * g.in_c;
    };
    // Pixel (oy, ox) and its partner (down or across) from `out` on, when it has one: returns
    // whether it ran them (else the caller runs (oy, ox) alone).
    auto pair = [&](int oy, int ox, std::int8_t* out) __attribute__((always_inline)) {
        const int oy1 = down ? oy + 1 : oy, ox1 = down ? ox : ox + 1;
        if (window_rows_inside(g, oy) && window_rows_inside(g, oy1) && window_columns_inside(g, ox) &&
            window_columns_inside(g, ox1)) {
            depthwise_pixels<K.mode, n_taps, true, 2>(origin(oy, ox), nullptr, out, t, fixed_layout<K>{});
            return true;
        }
        if constexpr (border_pairs<K>) {
            const std::int8_t* taps[2 * n_taps];
            point_taps<K>(input, oy, ox, taps);
            point_taps<K>(input, oy1, ox1, taps + n_taps);
            depthwise_pixels<K.mode, n_taps, false, 2>(nullptr, taps, out, t, fixed_layout<K>{});
            return true;
        }
        return false;
    };
    if constexpr (down) {
        for (int oy = y_begin; oy < y_end;) {
            if (oy + 1 < y_end && pair(oy, 0, output)) {
                oy += 2, output += 2 * g.out_c;
            } else {
                depthwise_tapped_pixel<K>(input, output, oy, 0, t);
                oy += 1, output += g.out_c;
            }
        }
    } else {
        for (int oy = y_begin; oy < y_end; ++oy)
            for (int ox = 0; ox < g.out_w;) {
                if (ox + 1 < g.out_w && pair(oy, ox, output)) {
                    ox += 2, output += 2 * g.out_c;
                } else {
                    depthwise_tapped_pixel<K>(input, output, oy, ox, t);
                    ox += 1, output += g.out_c;
                }
            }
    }
}

template <depthwise_key K>
CTNN_ARM_KERNEL_BODY void depthwise_body(const std::int8_t* input, std::int8_t* output, const depthwise_tables& tables) {
    // A local copy: the int8 output stores cannot alias it, so its pointers stay in registers.
    const depthwise_tables t = tables;
    depthwise_rows<K>(input, output, 0, K.g.out_h, t);
}

// The same on output rows [y_begin, y_end), written from `output` on (in place by rows): a body
// of its own, so that the whole-tensor one keeps its constant bounds and its code.
template <depthwise_key K>
CTNN_ARM_KERNEL_BODY void depthwise_body_rows(const std::int8_t* input, std::int8_t* output, const depthwise_tables& tables,
                                              int y_begin, int y_end) {
    const depthwise_tables t = tables;
    depthwise_rows<K>(input, output, y_begin, y_end, t);
}

// Compact layers. A padded layer shape's own body holds two or three pixel bodies (inside pairs,
// border pixels, border pairs): 1.6-2.3 KB of flash each, and MobileNet-class models have many
// shapes (VWW nine: 15 KB). Below this many MACs it saves at most about 0.2 cycles per MAC over
// a body shared by every shape with its window and requantization mode, which reads the shape
// at run time and every tap through a pointer; so such layers take the shared one. A layer
// whose windows all stay inside the input keeps its own body: one pixel body, no larger.
inline constexpr int compact_below_macs = 48 * 1024;
constexpr bool compact_depthwise(const conv_geometry& g) noexcept {
    return window_leaves_input(g) && g.out_h * g.out_w * g.out_c * g.kernel_h * g.kernel_w < compact_below_macs;
}

// What a compact body reads at run time: the layer's shape and its row of the input zero point.
struct depthwise_shape {
    int in_h, in_w, channels, out_w;
    int stride_h, stride_w, dilation_h, dilation_w, pad_top, pad_left;
    const std::int8_t* zp_row;
};
template <depthwise_key K>
inline constexpr depthwise_shape shape_of{K.g.in_h,       K.g.in_w,       K.g.out_c,   K.g.out_w,
                                          K.g.stride_h,   K.g.stride_w,   K.g.dilation_h, K.g.dilation_w,
                                          K.g.pad_top,    K.g.pad_left,
                                          window_leaves_input(K.g) ? zp_row<K>.data() : nullptr};

// Output rows [y_begin, y_end) of a compact layer, in pixel pairs; every tap through a pointer,
// a padded one at the row of zp_in.
template <compact_key K>
CTNN_ARM_KERNEL_BODY void depthwise_compact_body(const std::int8_t* input, std::int8_t* output, const depthwise_tables& tables,
                                                 const depthwise_shape& shape, int y_begin, int y_end) {
    constexpr int n_taps = K.kernel_h * K.kernel_w;
    const depthwise_tables t = tables;  // locals: the int8 output stores cannot alias them
    const depthwise_shape s = shape;
    const int groups = s.channels / 4, tail = s.channels % 4;
    const int span_h = (K.kernel_h - 1) * s.dilation_h, span_w = (K.kernel_w - 1) * s.dilation_w;
    int offset[n_taps];  // tap i from the window's origin
    for (int i = 0; i < n_taps; ++i)
        offset[i] = ((i / K.kernel_w) * s.dilation_h * s.in_w + (i % K.kernel_w) * s.dilation_w) * s.channels;
    // The border loop kept rolled: code is what this body saves.
    auto point_taps = [&](int oy, int ox, const std::int8_t** taps) __attribute__((always_inline)) {
        const int iy0 = oy * s.stride_h - s.pad_top, ix0 = ox * s.stride_w - s.pad_left;
        const std::int8_t* origin = input + (iy0 * s.in_w + ix0) * s.channels;
        if (iy0 >= 0 && iy0 + span_h < s.in_h && ix0 >= 0 && ix0 + span_w < s.in_w) {
            for (int i = 0; i < n_taps; ++i) taps[i] = origin + offset[i];
            return;
        }
#pragma GCC unroll 1
        for (int i = 0; i < n_taps; ++i) {
            const int iy = iy0 + (i / K.kernel_w) * s.dilation_h, ix = ix0 + (i % K.kernel_w) * s.dilation_w;
            taps[i] = iy >= 0 && iy < s.in_h && ix >= 0 && ix < s.in_w ? origin + offset[i] : s.zp_row;
        }
    };
    // Pixels pair in raster order, across row ends too (taps are pointers): the second pixel's
    // output follows the first's, and a one-pixel-wide output pairs down its column. An odd
    // last pixel pairs with itself (its output written twice), so that there is one pixel body.
    const std::int8_t* taps[2 * n_taps];
    int oy = y_begin, ox = 0;
    for (int k = 0, pixels = (y_end - y_begin) * s.out_w; k < pixels; k += 2, output += 2 * s.channels) {
        point_taps(oy, ox, taps);
        const bool alone = k + 1 == pixels;
        if (!alone && ++ox == s.out_w) ox = 0, ++oy;
        point_taps(oy, ox, taps + n_taps);
        if (++ox == s.out_w) ox = 0, ++oy;
        depthwise_pixels<K.mode, n_taps, false, 2>(nullptr, taps, output, t, run_layout{groups, tail, alone ? 0 : s.channels});
    }
}

}  // namespace detail

struct depthwise_multiplier_one {
    // Compact: through the shared body (detail::compact_depthwise decides; the Arm bit-exactness
    // test runs every case both ways).
    template <class Spec, bool Compact = detail::compact_depthwise(Spec::geometry)>
    static void run(const std::int8_t* input, std::int8_t* output) {
        using plan = detail::depthwise_plan<Spec>;
        if constexpr (Compact)
            detail::depthwise_compact_body<plan::compact>(input, output, plan::tables, detail::shape_of<plan::key>, 0, plan::g.out_h);
        else
            detail::depthwise_body<plan::key>(input, output, plan::tables);
    }
    template <class Spec, bool Compact = detail::compact_depthwise(Spec::geometry)>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
        using plan = detail::depthwise_plan<Spec>;
        if constexpr (Compact)
            detail::depthwise_compact_body<plan::compact>(input, output, plan::tables, detail::shape_of<plan::key>, y_begin, y_end);
        else
            detail::depthwise_body_rows<plan::key>(input, output, plan::tables, y_begin, y_end);
    }
    // The body reads the tables through plan::tables, and a padded tap reads the row of the input
    // zero point, one per key; a compact body reads the layer's shape too, one per key.
    template <class Spec>
    static constexpr linked_constants constants() {
        using plan = detail::depthwise_plan<Spec>;
        auto c = linked_constants::of(plan::weights, plan::tail_weights, plan::bias, plan::requant, plan::tables);
        if (window_leaves_input(plan::g)) c = c.and_shared(detail::zp_row<plan::key>);
        if (detail::compact_depthwise(plan::g)) c = c.and_shared(detail::shape_of<plan::key>);
        return c;
    }
};

}  // namespace ctnn::kernels::arm_dsp

namespace ctnn::kernels {
template <>
struct kernel<arm_dsp_set, op::depthwise_conv2d> : depthwise_multiplier_one_kernel<arm_dsp::depthwise_multiplier_one> {};
}  // namespace ctnn::kernels
