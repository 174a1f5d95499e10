// Synthetic models whose weights the compact weight forms (include/ctnn/kernels/weight_forms/)
// can shrink: int4 (TFLite INT4 tensors), clustered (at most 16 distinct values per channel or
// per tensor) and structured (pruned: zero channels, zero input channels, 2:4 blocks, zero
// taps, unstructured 80 %). make_test_models.cpp writes them for the golden tests
// (tests/data/synthetic/<m>/); the converter tests read their exact weight values.
// Weights come from xorshift32 with the fixed seeds named at each tensor, so the files are
// byte for byte the same on every build.
#pragma once

#include <cstdint>
#include <vector>

#include "tflite_builder.hpp"

namespace test_tflite {

// xorshift32 (x ^= x << 13; x ^= x >> 17; x ^= x << 5), the seed as its state.
struct xorshift32 {
    std::uint32_t x;
    std::uint32_t next() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    }
    int in(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint32_t>(hi - lo + 1)); }  // [lo, hi]
    int nonzero(int lo, int hi) {  // [lo, hi] without 0
        for (;;)
            if (const int v = in(lo, hi); v != 0) return v;
    }
};

inline std::vector<std::int8_t> to_int8(const std::vector<int>& v) { return {v.begin(), v.end()}; }

// TFLite's INT4 packing (what tensor_utils::UnpackDenseInt4IntoInt8 reads back): element 2i in
// the low nibble of byte i, element 2i+1 in its high nibble; an odd count leaves the last high
// nibble 0.
inline std::vector<std::uint8_t> pack_int4(const std::vector<int>& v) {
    std::vector<std::uint8_t> out((v.size() + 1) / 2, 0);
    for (std::size_t i = 0; i < v.size(); ++i) out[i / 2] |= static_cast<std::uint8_t>((v[i] & 15) << (4 * (i % 2)));
    return out;
}

inline std::vector<std::int32_t> random_bias(std::uint32_t seed, int n) {
    xorshift32 r{seed};
    std::vector<std::int32_t> b;
    for (int i = 0; i < n; ++i) b.push_back(r.in(-400, 400));
    return b;
}

// ---- int4 ----------------------------------------------------------------------------------
// x 1x6x6x3 -> CONV_2D 3x3 SAME RELU, 5 channels (135 weights: odd, so the packing's last byte
// holds one value) -> DEPTHWISE_CONV_2D 3x3 VALID, multiplier 2 (90 weights) -> 1x4x4x10
// -> FULLY_CONNECTED [5, 160] -> 1x5. All weights int4 in [-8, 7]; the convolutions' scales per
// channel, the fully connected layer's per tensor (TFLM 90b983c2 refuses int4 per channel there).
// Seeds: conv 101, depthwise 102, fully connected 103 (each tensor's first values are -8 and 7,
// the range's ends). int4_model(false) is the same model with the weights as INT8.
struct int4_weights {
    std::vector<int> conv, dw, fc;
};
inline int4_weights int4_values() {
    auto draw = [](std::uint32_t seed, std::size_t n) {
        xorshift32 r{seed};
        std::vector<int> v{-8, 7};
        while (v.size() < n) v.push_back(r.in(-8, 7));
        return v;
    };
    return {draw(101, 135), draw(102, 90), draw(103, 800)};
}

inline model int4_model(bool packed = true) {
    const int4_weights w = int4_values();
    const std::int8_t type = packed ? INT4 : INT8;
    model m;
    auto buffer = [&](const std::vector<int>& v) { return packed ? m.add_buffer(pack_int4(v)) : m.add_buffer(to_int8(v)); };
    const int x = m.add_tensor({"x", {1, 6, 6, 3}, INT8, 0, {0.05f}, {-3}, 0, {}});
    const int cw = m.add_tensor({"conv/w", {5, 3, 3, 3}, type, buffer(w.conv), {0.010f, 0.012f, 0.014f, 0.016f, 0.018f}, {0, 0, 0, 0, 0}, 0, {}});
    const int cb = m.add_tensor({"conv/b", {5}, INT32, m.add_buffer(random_bias(111, 5)), {}, {}, 0, {}});
    const int c = m.add_tensor({"conv/out", {1, 6, 6, 5}, INT8, 0, {0.03f}, {-128}, 0, {}});
    std::vector<float> dw_scales;
    for (int i = 0; i < 10; ++i) dw_scales.push_back(0.02f + 0.002f * static_cast<float>(i));
    const int dw = m.add_tensor({"dw/w", {1, 3, 3, 10}, type, buffer(w.dw), dw_scales, std::vector<std::int64_t>(10, 0), 3, {}});
    const int db = m.add_tensor({"dw/b", {10}, INT32, m.add_buffer(random_bias(112, 10)), {}, {}, 0, {}});
    const int d = m.add_tensor({"dw/out", {1, 4, 4, 10}, INT8, 0, {0.02f}, {0}, 0, {}});
    const int fw = m.add_tensor({"fc/w", {5, 160}, type, buffer(w.fc), {0.010f}, {0}, 0, {}});
    const int fb = m.add_tensor({"fc/b", {5}, INT32, m.add_buffer(random_bias(113, 5)), {}, {}, 0, {}});
    const int y = m.add_tensor({"y", {1, 5}, INT8, 0, {0.02f}, {0}, 0, {}});
    m.ops.push_back(conv_op(m.code(CONV_2D), {x, cw, cb}, c, SAME, 1, RELU));
    op dwop{m.code(DEPTHWISE_CONV_2D), {c, dw, db}, {d}, DepthwiseConv2DOptions, true, {}};
    dwop.options.scalar<std::int8_t>(0, VALID).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1).scalar<std::int32_t>(3, 2).scalar<std::int8_t>(4, NONE);
    m.ops.push_back(dwop);
    m.ops.push_back(fc_op(m.code(FULLY_CONNECTED), {d, fw, fb}, y, NONE));
    m.inputs = {x};
    m.outputs = {y};
    return m;
}

// ---- clustered -----------------------------------------------------------------------------
// x 1x8x8x4 -> CONV_2D 3x3 stride 2 VALID, 8 channels of 36 taps -> 1x3x3x8 -> FULLY_CONNECTED
// [10, 72] per tensor -> 1x10. The convolution's channel c draws from its own 16 values
// -120 + 16 j + c (j < 16; no two channels share one: 128 in the tensor, none 0), its first 16
// taps each value once; the fully connected layer's 10 channels from one table of 12 values
// -99 + 17 j (j < 12; none 0), each channel's first 12 taps each value once. Seeds: conv 201,
// fully connected 202 (the rest of the taps: a random index into the table).
struct clustered_weights {
    std::vector<int> conv, fc;
};
inline clustered_weights clustered_values() {
    clustered_weights w;
    xorshift32 r{201};
    for (int c = 0; c < 8; ++c)
        for (int k = 0; k < 36; ++k) w.conv.push_back(-120 + 16 * (k < 16 ? (k + 5 * c) % 16 : r.in(0, 15)) + c);
    xorshift32 f{202};
    for (int c = 0; c < 10; ++c)
        for (int k = 0; k < 72; ++k) w.fc.push_back(-99 + 17 * (k < 12 ? (k + c) % 12 : f.in(0, 11)));
    return w;
}

inline model clustered_model() {
    const clustered_weights w = clustered_values();
    model m;
    const int x = m.add_tensor({"x", {1, 8, 8, 4}, INT8, 0, {0.05f}, {0}, 0, {}});
    std::vector<float> scales;
    for (int i = 0; i < 8; ++i) scales.push_back(0.0015f + 0.0002f * static_cast<float>(i));
    const int cw = m.add_tensor({"conv/w", {8, 3, 3, 4}, INT8, m.add_buffer(to_int8(w.conv)), scales, std::vector<std::int64_t>(8, 0), 0, {}});
    const int cb = m.add_tensor({"conv/b", {8}, INT32, m.add_buffer(random_bias(211, 8)), {}, {}, 0, {}});
    const int c = m.add_tensor({"conv/out", {1, 3, 3, 8}, INT8, 0, {0.06f}, {0}, 0, {}});
    const int fw = m.add_tensor({"fc/w", {10, 72}, INT8, m.add_buffer(to_int8(w.fc)), {0.003f}, {0}, 0, {}});
    const int fb = m.add_tensor({"fc/b", {10}, INT32, m.add_buffer(random_bias(212, 10)), {}, {}, 0, {}});
    const int y = m.add_tensor({"y", {1, 10}, INT8, 0, {0.08f}, {0}, 0, {}});
    m.ops.push_back(conv_op(m.code(CONV_2D), {x, cw, cb}, c, VALID, 2, NONE));
    m.ops.push_back(fc_op(m.code(FULLY_CONNECTED), {c, fw, fb}, y, NONE));
    m.inputs = {x};
    m.outputs = {y};
    return m;
}

// ---- structured ----------------------------------------------------------------------------
// x 1x8x8x8 -> CONV_2D 3x3 SAME RELU, 8 -> 8 channels -> DEPTHWISE_CONV_2D 3x3 SAME -> 1x8x8x8
// -> FULLY_CONNECTED [16, 512] -> 1x16.
//   conv: output channels 2 and 5 all zero; taps (0,0) and (2,2) zero; of every 4 consecutive
//         weights (input channels 0-3, 4-7 of a tap) exactly 2 zero, input channel 3 always one
//         of them (a zero input channel): per live channel 7 taps x 4 = 28 non-zeros. Seed 301.
//   depthwise: taps (0,2) and (2,0) zero, channel 6 all zero: 7 x 7 = 49 non-zeros. Seed 302.
//   fully connected: unstructured, each weight non-zero with probability 1/5 (about 80 % zero);
//         channel 9 all zero, channel 12 one non-zero at input 400 (a step over 255). Seed 303.
// Non-zero values are uniform in [-127, 127] without 0.
struct structured_weights {
    std::vector<int> conv, dw, fc;
};
inline structured_weights structured_values() {
    structured_weights w;
    xorshift32 r{301};
    for (int o = 0; o < 8; ++o) {
        for (int tap = 0; tap < 9; ++tap) {
            for (int block = 0; block < 2; ++block) {
                // The block's two zeros: input channel 3 and one more (block 0), or any two (block 1).
                int z0 = block == 0 ? 3 : r.in(0, 3);
                int z1 = r.in(0, 2);
                if (z1 >= z0) ++z1;  // a different position
                for (int i = 0; i < 4; ++i) {
                    const bool zero = o == 2 || o == 5 || tap == 0 || tap == 8 || i == z0 || i == z1;
                    const int v = r.nonzero(-127, 127);  // drawn for every weight: the layout does not shift the values
                    w.conv.push_back(zero ? 0 : v);
                }
            }
        }
    }
    xorshift32 d{302};
    for (int tap = 0; tap < 9; ++tap)
        for (int c = 0; c < 8; ++c) {
            const int v = d.nonzero(-127, 127);
            w.dw.push_back(tap == 2 || tap == 6 || c == 6 ? 0 : v);
        }
    xorshift32 f{303};
    for (int o = 0; o < 16; ++o)
        for (int i = 0; i < 512; ++i) {
            const bool keep = f.in(0, 4) == 0;
            const int v = f.nonzero(-127, 127);
            w.fc.push_back(o == 9 ? 0 : o == 12 ? (i == 400 ? 77 : 0) : keep ? v : 0);
        }
    return w;
}

inline model structured_model() {
    const structured_weights w = structured_values();
    model m;
    const int x = m.add_tensor({"x", {1, 8, 8, 8}, INT8, 0, {0.05f}, {2}, 0, {}});
    std::vector<float> scales, dw_scales;
    for (int i = 0; i < 8; ++i) {
        scales.push_back(0.002f + 0.0001f * static_cast<float>(i));
        dw_scales.push_back(0.004f + 0.0005f * static_cast<float>(i));
    }
    const int cw = m.add_tensor({"conv/w", {8, 3, 3, 8}, INT8, m.add_buffer(to_int8(w.conv)), scales, std::vector<std::int64_t>(8, 0), 0, {}});
    const int cb = m.add_tensor({"conv/b", {8}, INT32, m.add_buffer(random_bias(311, 8)), {}, {}, 0, {}});
    const int c = m.add_tensor({"conv/out", {1, 8, 8, 8}, INT8, 0, {0.05f}, {-128}, 0, {}});
    const int dw = m.add_tensor({"dw/w", {1, 3, 3, 8}, INT8, m.add_buffer(to_int8(w.dw)), dw_scales, std::vector<std::int64_t>(8, 0), 3, {}});
    const int db = m.add_tensor({"dw/b", {8}, INT32, m.add_buffer(random_bias(312, 8)), {}, {}, 0, {}});
    const int d = m.add_tensor({"dw/out", {1, 8, 8, 8}, INT8, 0, {0.1f}, {0}, 0, {}});
    const int fw = m.add_tensor({"fc/w", {16, 512}, INT8, m.add_buffer(to_int8(w.fc)), {0.004f}, {0}, 0, {}});
    const int fb = m.add_tensor({"fc/b", {16}, INT32, m.add_buffer(random_bias(313, 16)), {}, {}, 0, {}});
    const int y = m.add_tensor({"y", {1, 16}, INT8, 0, {0.1f}, {0}, 0, {}});
    m.ops.push_back(conv_op(m.code(CONV_2D), {x, cw, cb}, c, SAME, 1, RELU));
    m.ops.push_back(conv_op(m.code(DEPTHWISE_CONV_2D), {c, dw, db}, d, SAME, 1, NONE, true));
    m.ops.push_back(fc_op(m.code(FULLY_CONNECTED), {d, fw, fb}, y, NONE));
    m.inputs = {x};
    m.outputs = {y};
    return m;
}

}  // namespace test_tflite
