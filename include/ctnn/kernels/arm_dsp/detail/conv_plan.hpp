// The compile-time side of the Arm DSP CONV_2D (conv2d_s8.hpp): how a receptive field is read
// (conv_layout), the key the shared kernel body is specialised on, and per layer the re-laid
// weights, folded bias and requantization table it reads through pointers.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/kernels/arm_dsp/detail/requantize.hpp"
#include "ctnn/kernels/geometry.hpp"

namespace ctnn::kernels::arm_dsp::detail {

// How a receptive field is read: `runs` runs of `run_len` contiguous bytes.
struct conv_layout {
    int runs, run_len, run_words, steps;  // steps = 4-byte words per pixel = runs * run_words
    bool may_pad;                         // some pixel's field leaves the input
    bool packed;                          // the field's rows back to back, as one run (below)
    bool offset_weights;                  // weights stored with the +128 trick (see below)
    bool int16_weights;                   // weights stored pre-widened: 4 words per step, not 2
    int words_per_step;                   // weight words per step and channel pair
};

constexpr conv_layout conv_layout_of(const conv_geometry& g, bool int16_weights) {
    conv_layout l{};
    const bool whole_rows = g.dilation_w == 1;
    l.runs = whole_rows ? g.kernel_h : g.kernel_h * g.kernel_w;
    l.run_len = whole_rows ? g.kernel_w * g.in_c : g.in_c;
    l.run_words = (l.run_len + 3) / 4;
    l.steps = (l.runs * l.run_words + 1) / 2 * 2;  // the micro-kernel takes two steps at a time
    // Short rows waste most of their last word (VWW's and IC's first convolutions: 3 rows of 9
    // bytes take 10 steps). Read back to back (words across row ends built from two loads) they
    // take fewer (27 bytes: 8). Rows of at least 4 bytes, so that a word spans at most two.
    const int packed_steps = ((g.kernel_h * g.kernel_w * g.in_c + 3) / 4 + 1) / 2 * 2;
    if (whole_rows && l.runs > 1 && l.run_len >= 4 && packed_steps < l.steps) {
        l.packed = true;
        l.runs = 1;
        l.run_len = g.kernel_h * g.kernel_w * g.in_c;
        l.run_words = (l.run_len + 3) / 4;
        l.steps = packed_steps;
    }
    // The +128 weight trick saves 2 of 20 instructions per step but costs 4 per input word in
    // the gather: worth it for deep multi-run (k x k) fields.
    // Pre-widened weights need no unpacking, so the trick has nothing left to save.
    l.offset_weights = !int16_weights && l.runs > 1 && l.steps >= 16;
    l.int16_weights = int16_weights;
    l.words_per_step = int16_weights ? 4 : 2;
    const int last_y = (g.out_h - 1) * g.stride_h - g.pad_top + (g.kernel_h - 1) * g.dilation_h;
    const int last_x = (g.out_w - 1) * g.stride_w - g.pad_left + (g.kernel_w - 1) * g.dilation_w;
    l.may_pad = g.pad_top > 0 || g.pad_left > 0 || last_y >= g.in_h || last_x >= g.in_w;
    return l;
}

// The kernel's scratch (the arena gives it, kernels/select.hpp's caller places it): the
// sign-extended buffer of three pixels' fields, the int8 patch of a field that touches the
// padding, and three pixels' outputs for the last one or two pixels of a range. Word multiples.
struct conv_scratch {
    int buffer_bytes, patch_bytes, tail_bytes;
    constexpr int total() const noexcept { return buffer_bytes + patch_bytes + tail_bytes; }
};
constexpr conv_scratch conv_scratch_of(const conv_geometry& g) {
    const conv_layout l = conv_layout_of(g, false);  // the same field layout with int16 weights
    conv_scratch s{};
    s.buffer_bytes = l.steps * 6 * 4;
    s.patch_bytes = l.may_pad ? (l.runs * l.run_len + 3) / 4 * 4 : 0;
    // Whole-layer runs leave a tail when out_h * out_w is not a multiple of three, row ranges
    // (residual fusion) when out_w is not.
    const bool tail = (g.out_h * g.out_w) % 3 != 0 || g.out_w % 3 != 0;
    s.tail_bytes = tail ? (3 * g.out_c + 3) / 4 * 4 : 0;
    return s;
}

// Byte offset of run r from the field's top-left input pixel.
constexpr int run_offset(const conv_geometry& g, int r) {
    if (g.dilation_w == 1) return r * g.dilation_h * g.in_w * g.in_c;
    return ((r / g.kernel_w) * g.dilation_h * g.in_w + (r % g.kernel_w) * g.dilation_w) * g.in_c;
}

// What the shared kernel body is specialised on: the geometry without the output zero point
// and clamp (those live in the requant constants and mode).
struct conv_key {
    conv_geometry g;
    requant_mode mode;
    bool int16_weights;
    friend constexpr bool operator==(const conv_key&, const conv_key&) = default;
};

struct conv_tables {
    const std::uint32_t* weights;  // [pair][step][words_per_step] words
    const std::int32_t* bias;      // [pair * 2], zp_in folded in
    const requant_entry* requant;  // [pair * 2]
};

// The micro-kernel: one group of up to three output pixels against every channel pair.
// Buffer x: [step][pixel 0..2][even, odd] words; weights [pair][step][2 channels]; steps even.
struct conv_job {
    const std::uint32_t* x;
    const std::uint32_t* w;
    const std::int32_t* bias;
    const requant_entry* rq;
    std::int8_t* out;  // pixel i's outputs at out + i * out_c
    int out_c, steps;
    std::int32_t corr[3];  // per pixel: 128 * (sum of its even-position inputs)
};

template <class Spec, bool Int16Weights>
struct conv2d_plan {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr conv_layout l = conv_layout_of(g, Int16Weights);
    static constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    static constexpr int pairs = (g.out_c + 1) / 2;

    // int8: per step, channel 0's word of 4 bytes, then channel 1's. int16: channel 0's
    // (even, even) halves, channel 1's, then both channels' (odd, odd) halves.
    static constexpr std::array<std::uint32_t, pairs * l.steps * l.words_per_step> weights = [] {
        std::array<std::uint32_t, pairs * l.steps * l.words_per_step> w{};
        if constexpr (!Int16Weights) {
            // Each word built whole from its (up to) four bytes and written once, through plain
            // pointers: constant evaluation pays per operation.
            std::uint32_t* const out = w.data();
            for (int oc = 0; oc < g.out_c; ++oc) {
                const std::int8_t* from = &Spec::weights[0] + oc * depth;
                std::uint32_t* to = out + (oc / 2) * l.steps * l.words_per_step + oc % 2;
                for (int r = 0; r < l.runs; ++r, from += l.run_len)
                    for (int q = 0; q < l.run_words; ++q, to += l.words_per_step) {
                        std::uint32_t v = 0;
                        for (int b = 0; b < 4 && 4 * q + b < l.run_len; ++b)
                            v |= std::uint32_t{static_cast<std::uint8_t>(from[4 * q + b] + (l.offset_weights && b % 2 == 0 ? 128 : 0))}
                                 << (8 * b);
                        *to = v;
                    }
            }
            return w;
        }
        for (int oc = 0; oc < g.out_c; ++oc)
            for (int r = 0; r < l.runs; ++r)
                for (int j = 0; j < l.run_len; ++j) {
                    const int step = r * l.run_words + j / 4;
                    const int v = Spec::weights[oc * depth + r * l.run_len + j] + (l.offset_weights && j % 2 == 0 ? 128 : 0);
                    std::uint32_t* words = w.data() + ((oc / 2) * l.steps + step) * l.words_per_step;
                    if (l.int16_weights)
                        words[oc % 2 + 2 * (j % 2)] |= std::uint32_t{static_cast<std::uint16_t>(v)} << (16 * ((j % 4) / 2));
                    else
                        words[oc % 2] |= std::uint32_t{static_cast<std::uint8_t>(v)} << (8 * (j % 4));
                }
        return w;
    }();

    static constexpr auto& sums = channel_sums<Spec, g.out_c, channel_weights{depth, depth, 1}>;

    static constexpr std::array<std::int32_t, pairs * 2> bias = [] {
        std::array<std::int32_t, pairs * 2> b{};
        for (int oc = 0; oc < g.out_c; ++oc) {
            // The +128 correction: the weights at odd positions within each run. Runs of even
            // length start at even positions, so that is the channel's odd-position sum.
            std::int64_t odd = 0;
            if (l.offset_weights && l.run_len % 2 == 0) {
                odd = sums[oc].odd;
            } else if (l.offset_weights) {
                for (int r = 0; r < l.runs; ++r)
                    for (int j = 1; j < l.run_len; j += 2) odd += Spec::weights[oc * depth + r * l.run_len + j];
            }
            b[oc] = static_cast<std::int32_t>(Spec::bias[oc] - std::int64_t{g.input_zero_point} * sums[oc].total() + 128 * odd);
        }
        return b;
    }();

    static constexpr auto requant = make_requant_table<pairs * 2>(
        g.out_c, [](int c) { return quantized_multiplier(Spec::requant[c]); },
        [](int c) { return channel_acc_range(sums[c], Spec::bias[c], g.input_zero_point); },
        g.output_zero_point, g.act_min, g.act_max);

    static constexpr conv_key key = [] {
        conv_key k{g, requant.mode, Int16Weights};
        k.g.output_zero_point = 0;
        k.g.act_min = -128;
        k.g.act_max = 127;
        return k;
    }();
    static constexpr conv_tables tables{weights.data(), bias.data(), requant.entry.data()};
};

}  // namespace ctnn::kernels::arm_dsp::detail
