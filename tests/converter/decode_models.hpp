// TFLM compressed models for the DECODE tests: weights and biases that reach their layers through
// TFLM_DECODE (look-up tables), with the encoder written here from TFLM's description of the
// format (compression/lut.py, decode.py: a big-endian bit stream of indices; a 16-byte header,
// then `stride` entries per channel), independently of the converter's decoder.
//   decode_lut_model(false): input 1x6x6x3 -> CONV_2D (weights per channel, 4-bit indices; bias
//   through DECODE too, per-channel one-entry tables) -> DEPTHWISE_CONV_2D (weights per channel
//   on the last axis, 2-bit) -> RESHAPE -> FULLY_CONNECTED (one table, 3-bit; plain bias).
//   decode_lut_model(true): the same model with the decoded values stored as plain constants.
//   decode_tconv_model(plain): x 1x3x3x2 -> TRANSPOSE_CONV (weights per channel, 6-bit indices;
//   bias per channel, 5-bit) -> y 1x6x6x3.
// Weights: xorshift32 from the seeds below (decode_models::seed_*), deterministic.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include "shrink_models.hpp"
#include "tflite_builder.hpp"

namespace decode_models {

using namespace test_tflite;

constexpr std::int8_t UINT8 = 3;
constexpr std::uint32_t seed_conv = 11, seed_dw = 22, seed_fc = 33, seed_tconv = 44;

using xorshift = xorshift32;  // shrink_models.hpp

// A tensor as TFLM's compressor leaves it: an index per element and one table per channel.
struct lut_tensor {
    int bits = 4;
    std::vector<std::vector<std::int64_t>> tables;  // per channel (one: the whole tensor)
    std::vector<int> indices;                       // per element, flat order
    bool channels_last = false;
    std::size_t element_bytes = 1;

    std::size_t channel(std::size_t e) const {
        const std::size_t n = tables.size();
        return channels_last ? e % n : e / (indices.size() / n);
    }
    std::int64_t value(std::size_t e) const { return tables[channel(e)][static_cast<std::size_t>(indices[e])]; }

    // Element 0's index in the most significant bits of byte 0, no padding between elements.
    std::vector<std::uint8_t> encoded() const {
        std::vector<std::uint8_t> out((indices.size() * static_cast<std::size_t>(bits) + 7) / 8, 0);
        std::size_t bit = 0;
        for (const int i : indices) {
            for (int b = bits - 1; b >= 0; --b, ++bit) {
                if ((i >> b) & 1) out[bit / 8] |= static_cast<std::uint8_t>(0x80u >> (bit % 8));
            }
        }
        return out;
    }
    // DCM: type 0 (LUT), version 1; LUT version 1, bit width, stride 2^bits; then the tables,
    // each padded with zeros to the stride, entries little-endian.
    std::vector<std::uint8_t> ancillary() const {
        const std::size_t stride = std::size_t{1} << bits;
        std::vector<std::uint8_t> out(16, 0);
        out[1] = 1;
        out[4] = 1;
        out[5] = static_cast<std::uint8_t>(bits);
        out[6] = static_cast<std::uint8_t>(stride);
        for (const auto& t : tables) {
            for (std::size_t i = 0; i < stride; ++i) {
                const std::uint64_t v = static_cast<std::uint64_t>(i < t.size() ? t[i] : 0);
                for (std::size_t b = 0; b < element_bytes; ++b) out.push_back(static_cast<std::uint8_t>(v >> (8 * b)));
            }
        }
        return out;
    }
    template <class T>
    std::vector<T> dense() const {
        std::vector<T> out;
        for (std::size_t e = 0; e < indices.size(); ++e) out.push_back(static_cast<T>(value(e)));
        return out;
    }
};

// `channels` tables of `entries` distinct int8 weights in [-127, 127], and random indices.
inline lut_tensor random_weights(std::uint32_t seed, int bits, std::size_t channels, std::size_t entries, std::size_t count,
                                 bool channels_last) {
    xorshift r{seed};
    lut_tensor t;
    t.bits = bits;
    t.channels_last = channels_last;
    for (std::size_t c = 0; c < channels; ++c) {
        std::vector<std::int64_t> table;
        while (table.size() < entries) {
            const std::int64_t v = static_cast<std::int64_t>(r.next() % 255) - 127;
            bool seen = false;
            for (const auto u : table) seen = seen || u == v;
            if (!seen) table.push_back(v);
        }
        t.tables.push_back(table);
    }
    for (std::size_t e = 0; e < count; ++e) t.indices.push_back(static_cast<int>(r.next() % entries));
    return t;
}

// Adds tensor `dense` as DECODE's output (no data), with its encoded and ancillary inputs and the
// DECODE operator; with `plain`, as an ordinary constant instead. Returns the tensor's index.
template <class T>
int add_weights(model& m, tensor dense, const lut_tensor& lut, bool plain) {
    if (plain) {
        dense.buffer = m.add_buffer(lut.dense<T>());
        return m.add_tensor(dense);
    }
    const auto enc = lut.encoded(), anc = lut.ancillary();
    const int e = m.add_tensor({dense.name + "_encoded", {static_cast<std::int32_t>(enc.size())}, UINT8, m.add_buffer(enc), {}, {}, 0, {}});
    const int a = m.add_tensor({dense.name + "_ancillary", {static_cast<std::int32_t>(anc.size())}, UINT8, m.add_buffer(anc), {}, {}, 0, {}});
    dense.name += "_decoded";
    const int out = m.add_tensor(dense);
    std::uint32_t code = 0;
    while (code < m.opcodes.size() && m.opcodes[code].custom != "TFLM_DECODE") ++code;
    if (code == m.opcodes.size()) m.opcodes.push_back({CUSTOM, -1, "TFLM_DECODE"});
    m.ops.push_back({code, {e, a}, {out}, 0, false, {}});
    return out;
}

struct decode_lut_parts {
    lut_tensor conv_w, conv_b, dw_w, fc_w;
};

inline decode_lut_parts decode_lut_weights() {
    decode_lut_parts p;
    p.conv_w = random_weights(seed_conv, 4, 4, 16, 4 * 3 * 3 * 3, false);  // [4,3,3,3], channels on axis 0
    p.conv_b.bits = 1;  // one value per channel: a 1-bit index (always 0), last (only) axis
    p.conv_b.element_bytes = 4;
    p.conv_b.channels_last = true;
    p.conv_b.tables = {{120}, {-340}, {5000}, {-700}};
    p.conv_b.indices = {0, 0, 0, 0};
    p.dw_w = random_weights(seed_dw, 2, 4, 4, 1 * 3 * 3 * 4, true);  // [1,3,3,4], channels on axis 3
    p.fc_w = random_weights(seed_fc, 3, 1, 8, 10 * 144, false);       // [10,144], one table
    return p;
}

inline model decode_lut_model(bool plain) {
    const decode_lut_parts p = decode_lut_weights();
    model m;
    const int input = m.add_tensor({"input", {1, 6, 6, 3}, INT8, 0, {0.5f}, {-1}, 0, {}});
    std::vector<std::int32_t> fc_bias;
    for (int i = 0; i < 10; ++i) fc_bias.push_back(37 * i - 150);
    const int conv_w = add_weights<std::int8_t>(m, {"conv/w", {4, 3, 3, 3}, INT8, 0, {0.011f, 0.013f, 0.017f, 0.019f}, {0, 0, 0, 0}, 0, {}},
                                                p.conv_w, plain);
    const int conv_b = add_weights<std::int32_t>(m, {"conv/b", {4}, INT32, 0, {0.0055f, 0.0065f, 0.0085f, 0.0095f}, {0, 0, 0, 0}, 0, {}},
                                                 p.conv_b, plain);
    const int conv_out = m.add_tensor({"conv/out", {1, 6, 6, 4}, INT8, 0, {3.0f}, {-100}, 0, {}});
    m.ops.push_back(conv_op(m.code(CONV_2D), {input, conv_w, conv_b}, conv_out, SAME, 1, RELU));
    const int dw_w = add_weights<std::int8_t>(m, {"dw/w", {1, 3, 3, 4}, INT8, 0, {0.021f, 0.023f, 0.029f, 0.031f}, {0, 0, 0, 0}, 3, {}},
                                              p.dw_w, plain);
    const int dw_b = m.add_tensor({"dw/b", {4}, INT32, m.add_buffer(std::vector<std::int32_t>{-10, 20, -30, 40}), {}, {}, 0, {}});
    const int dw_out = m.add_tensor({"dw/out", {1, 6, 6, 4}, INT8, 0, {10.0f}, {5}, 0, {}});
    m.ops.push_back(conv_op(m.code(DEPTHWISE_CONV_2D), {conv_out, dw_w, dw_b}, dw_out, SAME, 1, NONE, true));
    const int shape = m.add_tensor({"reshape/shape", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 144}), {}, {}, 0, {}});
    const int flat = m.add_tensor({"reshape/out", {1, 144}, INT8, 0, {10.0f}, {5}, 0, {}});
    op reshape{m.code(RESHAPE), {dw_out, shape}, {flat}, ReshapeOptions, true, {}};
    reshape.options.vec<std::int32_t>(0, {1, 144});
    m.ops.push_back(reshape);
    const int fc_w = add_weights<std::int8_t>(m, {"fc/w", {10, 144}, INT8, 0, {0.007f}, {0}, 0, {}}, p.fc_w, plain);
    const int fc_b = m.add_tensor({"fc/b", {10}, INT32, m.add_buffer(fc_bias), {}, {}, 0, {}});
    const int fc_out = m.add_tensor({"fc/out", {1, 10}, INT8, 0, {60.0f}, {2}, 0, {}});
    m.ops.push_back(fc_op(m.code(FULLY_CONNECTED), {flat, fc_w, fc_b}, fc_out, NONE));
    m.inputs = {input};
    m.outputs = {fc_out};
    return m;
}

inline lut_tensor tconv_weights() { return random_weights(seed_tconv, 6, 3, 9, 3 * 2 * 2 * 2, false); }  // [3,2,2,2]

inline lut_tensor tconv_bias() {
    lut_tensor t;
    t.bits = 5;
    t.element_bytes = 4;
    t.channels_last = true;  // rank 1: TFLM reads it as interleaved channels, one element each
    t.tables = {{0, 900}, {-1500, 0}, {0, 2500}};
    t.indices = {1, 0, 1};
    return t;
}

inline model decode_tconv_model(bool plain) {
    constexpr int TRANSPOSE_CONV = 67;
    constexpr std::uint8_t TransposeConvOptions = 49;
    model m;
    const int shape = m.add_tensor({"output_shape", {4}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 6, 6, 3}), {}, {}, 0, {}});
    const int w = add_weights<std::int8_t>(m, {"tconv/w", {3, 2, 2, 2}, INT8, 0, {0.01f, 0.02f, 0.03f}, {0, 0, 0}, 0, {}}, tconv_weights(), plain);
    const int x = m.add_tensor({"x", {1, 3, 3, 2}, INT8, 0, {0.05f}, {-3}, 0, {}});
    const int b = add_weights<std::int32_t>(m, {"tconv/b", {3}, INT32, 0, {0.0005f, 0.001f, 0.0015f}, {0, 0, 0}, 0, {}}, tconv_bias(), plain);
    const int y = m.add_tensor({"y", {1, 6, 6, 3}, INT8, 0, {0.25f}, {5}, 0, {}});
    op o{m.code(TRANSPOSE_CONV), {shape, w, x, b}, {y}, TransposeConvOptions, true, {}};
    o.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 2).scalar<std::int32_t>(2, 2);
    m.ops.push_back(o);
    m.inputs = {x};
    m.outputs = {y};
    return m;
}

}  // namespace decode_models
