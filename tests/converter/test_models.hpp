// Small valid models for the converter tests; each malformed-input test breaks one thing.
#pragma once

#include "tflite_builder.hpp"

namespace test_tflite {

inline std::vector<std::int8_t> ramp(std::size_t n) {
    std::vector<std::int8_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::int8_t>(static_cast<int>(i * 7 % 255) - 127);
    return v;
}

// input 1x4x4x2 -> CONV_2D -> DEPTHWISE_CONV_2D -> ADD(conv, dw) -> AVERAGE_POOL_2D -> RESHAPE
// -> FULLY_CONNECTED -> SOFTMAX. Operator k's output is tensor `tiny::out[k]`.
struct tiny {
    static constexpr int input = 0, conv_w = 1, conv_b = 2, conv_out = 3, dw_w = 4, dw_b = 5, dw_out = 6, add_out = 7, pool_out = 8,
                         reshape_out = 9, reshape_shape = 10, fc_w = 11, fc_b = 12, fc_out = 13, softmax_out = 14;
};

inline model tiny_model() {
    model m;
    m.add_tensor({"input", {1, 4, 4, 2}, INT8, 0, {0.5f}, {-1}, 0, {-1, 4, 4, 2}});
    m.add_tensor({"conv/w", {3, 3, 3, 2}, INT8, m.add_buffer(ramp(54)), {0.01f, 0.02f, 0.03f}, {0, 0, 0}, 0, {}});
    m.add_tensor({"conv/b", {3}, INT32, m.add_buffer(std::vector<std::int32_t>{100, -200, 300}), {0.005f, 0.01f, 0.015f}, {0, 0, 0}, 0, {}});
    m.add_tensor({"conv/out", {1, 4, 4, 3}, INT8, 0, {0.25f}, {-128}, 0, {}});
    m.add_tensor({"dw/w", {1, 3, 3, 3}, INT8, m.add_buffer(ramp(27)), {0.04f, 0.05f, 0.06f}, {0, 0, 0}, 3, {}});
    m.add_tensor({"dw/b", {3}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 2, 3}), {}, {}, 0, {}});
    m.add_tensor({"dw/out", {1, 4, 4, 3}, INT8, 0, {0.125f}, {-128}, 0, {}});
    m.add_tensor({"add/out", {1, 4, 4, 3}, INT8, 0, {0.3f}, {-128}, 0, {}});
    m.add_tensor({"pool/out", {1, 2, 2, 3}, INT8, 0, {0.3f}, {-128}, 0, {}});
    m.add_tensor({"reshape/out", {1, 12}, INT8, 0, {0.3f}, {-128}, 0, {}});
    m.add_tensor({"reshape/shape", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 12}), {}, {}, 0, {}});
    m.add_tensor({"fc/w", {5, 12}, INT8, m.add_buffer(ramp(60)), {0.007f}, {0}, 0, {}});
    m.add_tensor({"fc/b", {5}, INT32, m.add_buffer(std::vector<std::int32_t>{5, 4, 3, 2, 1}), {}, {}, 0, {}});
    m.add_tensor({"fc/out", {1, 5}, INT8, 0, {0.2f}, {3}, 0, {}});
    m.add_tensor({"softmax/out", {1, 5}, INT8, 0, {1.0f / 256.0f}, {-128}, 0, {}});

    m.ops.push_back(conv_op(m.code(CONV_2D), {tiny::input, tiny::conv_w, tiny::conv_b}, tiny::conv_out, SAME, 1, RELU));
    m.ops.push_back(conv_op(m.code(DEPTHWISE_CONV_2D), {tiny::conv_out, tiny::dw_w, tiny::dw_b}, tiny::dw_out, SAME, 1, RELU6, true));
    op add{m.code(ADD), {tiny::conv_out, tiny::dw_out}, {tiny::add_out}, AddOptions, true, {}};
    add.options.scalar<std::int8_t>(0, RELU);
    m.ops.push_back(add);
    op pool{m.code(AVERAGE_POOL_2D), {tiny::add_out}, {tiny::pool_out}, Pool2DOptions, true, {}};
    pool.options.scalar<std::int8_t>(0, VALID).scalar<std::int32_t>(1, 2).scalar<std::int32_t>(2, 2).scalar<std::int32_t>(3, 2).scalar<std::int32_t>(4, 2);
    m.ops.push_back(pool);
    op reshape{m.code(RESHAPE), {tiny::pool_out, tiny::reshape_shape}, {tiny::reshape_out}, ReshapeOptions, true, {}};
    reshape.options.vec<std::int32_t>(0, {1, 12});
    m.ops.push_back(reshape);
    op fc{m.code(FULLY_CONNECTED), {tiny::reshape_out, tiny::fc_w, tiny::fc_b}, {tiny::fc_out}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, NONE);
    m.ops.push_back(fc);
    op softmax{m.code(SOFTMAX), {tiny::fc_out}, {tiny::softmax_out}, SoftmaxOptions, true, {}};
    softmax.options.scalar<float>(0, 1.0f);
    m.ops.push_back(softmax);
    m.inputs = {tiny::input};
    m.outputs = {tiny::softmax_out};
    return m;
}

// float32 1x2x2x4 -> QUANTIZE -> PAD -> MAX_POOL_2D -> MEAN(1,2, keep) -> DEQUANTIZE -> float32.
inline model edges_model() {
    model m;
    m.add_tensor({"x", {1, 2, 2, 4}, FLOAT32, 0, {}, {}, 0, {}});
    m.add_tensor({"q", {1, 2, 2, 4}, INT8, 0, {0.1f}, {5}, 0, {}});
    m.add_tensor({"paddings", {4, 2}, INT32, m.add_buffer(std::vector<std::int32_t>{0, 0, 1, 1, 1, 1, 0, 0}), {}, {}, 0, {}});
    m.add_tensor({"padded", {1, 4, 4, 4}, INT8, 0, {0.1f}, {5}, 0, {}});
    m.add_tensor({"pooled", {1, 2, 2, 4}, INT8, 0, {0.1f}, {5}, 0, {}});
    m.add_tensor({"axes", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 2}), {}, {}, 0, {}});
    m.add_tensor({"mean", {1, 1, 1, 4}, INT8, 0, {0.05f}, {-3}, 0, {}});
    m.add_tensor({"y", {1, 1, 1, 4}, FLOAT32, 0, {}, {}, 0, {}});
    m.ops.push_back({m.code(QUANTIZE), {0}, {1}, 0, false, {}});
    m.ops.push_back({m.code(PAD), {1, 2}, {3}, PadOptions, true, {}});
    op pool{m.code(MAX_POOL_2D), {3}, {4}, Pool2DOptions, true, {}};
    pool.options.scalar<std::int8_t>(0, VALID).scalar<std::int32_t>(1, 2).scalar<std::int32_t>(2, 2).scalar<std::int32_t>(3, 2).scalar<std::int32_t>(4, 2);
    m.ops.push_back(pool);
    op mean{m.code(MEAN), {4, 5}, {6}, ReducerOptions, true, {}};
    mean.options.scalar<bool>(0, true);
    m.ops.push_back(mean);
    m.ops.push_back({m.code(DEQUANTIZE), {6}, {7}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {7};
    return m;
}

}  // namespace test_tflite
