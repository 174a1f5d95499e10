// A model that exercises the options the bundled models never use, for the end-to-end
// self-check (tests/converter/make_test_models.cpp):
//   input 1x7x9x2 -> CONV_2D 2x3, stride 2, dilation (1, 2), VALID, RELU          -> 1x3x3x3
//   -> DEPTHWISE_CONV_2D 3x3, depth multiplier 2, dilation 2, SAME (padding 2 > stride 1),
//      RELU_N1_TO_1                                                             -> 1x3x3x6
//   -> MAX_POOL_2D 2x2, stride 1, SAME                                          -> 1x3x3x6
//   -> FULLY_CONNECTED per-channel, 9 batches of 6, keep_num_dims               -> 1x3x3x4
//   -> RESHAPE 1x36 -> SOFTMAX beta 0.5                                         -> 1x36
#pragma once

#include "test_models.hpp"

namespace test_tflite {

inline model options_model() {
    constexpr std::int8_t RELU_N1_TO_1 = 2;
    model m;
    m.add_tensor({"input", {1, 7, 9, 2}, INT8, 0, {0.05f}, {-3}, 0, {}});                                            // 0
    m.add_tensor({"conv/w", {3, 2, 3, 2}, INT8, m.add_buffer(ramp(36)), {0.011f, 0.017f, 0.023f}, {0, 0, 0}, 0, {}});  // 1
    m.add_tensor({"conv/b", {3}, INT32, m.add_buffer(std::vector<std::int32_t>{-700, 250, 1200}), {}, {}, 0, {}});    // 2
    m.add_tensor({"conv/out", {1, 3, 3, 3}, INT8, 0, {0.04f}, {-128}, 0, {}});                                       // 3
    m.add_tensor({"dw/w", {1, 3, 3, 6}, INT8, m.add_buffer(ramp(54)), {0.02f, 0.03f, 0.025f, 0.015f, 0.035f, 0.01f},
                  {0, 0, 0, 0, 0, 0}, 3, {}});                                                                       // 4
    m.add_tensor({"dw/b", {6}, INT32, m.add_buffer(std::vector<std::int32_t>{10, -20, 30, -40, 50, -60}), {}, {}, 0, {}});  // 5
    m.add_tensor({"dw/out", {1, 3, 3, 6}, INT8, 0, {0.01f}, {2}, 0, {}});                                            // 6
    m.add_tensor({"pool/out", {1, 3, 3, 6}, INT8, 0, {0.01f}, {2}, 0, {}});                                          // 7
    m.add_tensor({"fc/w", {4, 6}, INT8, m.add_buffer(ramp(24)), {0.05f, 0.04f, 0.06f, 0.03f}, {0, 0, 0, 0}, 0, {}});  // 8
    m.add_tensor({"fc/b", {4}, INT32, m.add_buffer(std::vector<std::int32_t>{3, -3, 7, -7}), {}, {}, 0, {}});         // 9
    m.add_tensor({"fc/out", {1, 3, 3, 4}, INT8, 0, {0.03f}, {-10}, 0, {}});                                          // 10
    m.add_tensor({"reshape/shape", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 36}), {}, {}, 0, {}});       // 11
    m.add_tensor({"reshape/out", {1, 36}, INT8, 0, {0.03f}, {-10}, 0, {}});                                          // 12
    m.add_tensor({"softmax/out", {1, 36}, INT8, 0, {1.0f / 256.0f}, {-128}, 0, {}});                                 // 13

    op conv{m.code(CONV_2D), {0, 1, 2}, {3}, Conv2DOptions, true, {}};
    conv.options.scalar<std::int8_t>(0, VALID).scalar<std::int32_t>(1, 2).scalar<std::int32_t>(2, 2)
        .scalar<std::int8_t>(3, RELU).scalar<std::int32_t>(4, 2).scalar<std::int32_t>(5, 1);
    m.ops.push_back(conv);
    op dw{m.code(DEPTHWISE_CONV_2D), {3, 4, 5}, {6}, DepthwiseConv2DOptions, true, {}};
    dw.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1).scalar<std::int32_t>(3, 2)
        .scalar<std::int8_t>(4, RELU_N1_TO_1).scalar<std::int32_t>(5, 2).scalar<std::int32_t>(6, 2);
    m.ops.push_back(dw);
    op pool{m.code(MAX_POOL_2D), {6}, {7}, Pool2DOptions, true, {}};
    pool.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1).scalar<std::int32_t>(3, 2).scalar<std::int32_t>(4, 2);
    m.ops.push_back(pool);
    op fc{m.code(FULLY_CONNECTED), {7, 8, 9}, {10}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, NONE).scalar<bool>(2, true);
    m.ops.push_back(fc);
    op reshape{m.code(RESHAPE), {10, 11}, {12}, ReshapeOptions, true, {}};
    reshape.options.vec<std::int32_t>(0, {1, 36});
    m.ops.push_back(reshape);
    op softmax{m.code(SOFTMAX), {12}, {13}, SoftmaxOptions, true, {}};
    softmax.options.scalar<float>(0, 0.5f);
    m.ops.push_back(softmax);
    m.inputs = {0};
    m.outputs = {13};
    return m;
}

}  // namespace test_tflite
