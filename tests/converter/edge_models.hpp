// Models at the edges of what ctnn accepts (issue 18), in code like test_models.hpp:
//   edge_models()      accepted: each also converts and compiles, and runs the same bytes
//                      through the fast and the reference kernels (self_check.<name>)
//   wide_fc_model(), huge_arena_model(), scalar_fc_model()   rejected (bad_models.test.cpp)
#pragma once

#include <utility>

#include "test_models.hpp"

namespace test_tflite {

// input 1x4x4x2 -> CONV_2D 3x3 stride 1000 SAME (one output pixel; effective multipliers up to
// 5e8, a left shift of 29) -> DEPTHWISE_CONV_2D 3x3 dilation 1000 SAME (every tap but the
// centre in the padding) RELU6 with output scale 1e-8 (6 / 1e-8 = 6e8 still fits int32)
// -> FULLY_CONNECTED per tensor, multiplier 10, bias 2147400000 (accumulator bound 2147448768)
// -> SOFTMAX beta 20 with input scale 1e-9 (beta x scale x 2^26 = 1.34, just above 1).
inline model edge_cases_model() {
    model m;
    m.add_tensor({"input", {1, 4, 4, 2}, INT8, 0, {0.5f}, {0}, 0, {}});                                              // 0
    m.add_tensor({"conv/w", {3, 3, 3, 2}, INT8, m.add_buffer(ramp(54)), {0.01f, 0.02f, 0.03f}, {0, 0, 0}, 0, {}});     // 1
    m.add_tensor({"conv/b", {3}, INT32, m.add_buffer(std::vector<std::int32_t>{100, -200, 300}), {}, {}, 0, {}});      // 2
    m.add_tensor({"conv/out", {1, 1, 1, 3}, INT8, 0, {3e-11f}, {-128}, 0, {}});                                       // 3
    m.add_tensor({"dw/w", {1, 3, 3, 3}, INT8, m.add_buffer(ramp(27)), {0.04f, 0.05f, 0.06f}, {0, 0, 0}, 3, {}});       // 4
    m.add_tensor({"dw/b", {3}, INT32, m.add_buffer(std::vector<std::int32_t>{1, 2, 3}), {}, {}, 0, {}});              // 5
    m.add_tensor({"dw/out", {1, 1, 1, 3}, INT8, 0, {1e-8f}, {0}, 0, {}});                                             // 6
    m.add_tensor({"fc/w", {4, 3}, INT8, m.add_buffer(ramp(12)), {1.0f}, {0}, 0, {}});                                 // 7
    m.add_tensor({"fc/b", {4}, INT32, m.add_buffer(std::vector<std::int32_t>{2147400000, -5, 0, 5}), {}, {}, 0, {}});  // 8
    m.add_tensor({"fc/out", {1, 4}, INT8, 0, {1e-9f}, {0}, 0, {}});                                                   // 9
    m.add_tensor({"softmax/out", {1, 4}, INT8, 0, {1.0f / 256.0f}, {-128}, 0, {}});                                   // 10

    op conv{m.code(CONV_2D), {0, 1, 2}, {3}, Conv2DOptions, true, {}};
    conv.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 1000).scalar<std::int32_t>(2, 1000).scalar<std::int8_t>(3, RELU);
    m.ops.push_back(conv);
    op dw{m.code(DEPTHWISE_CONV_2D), {3, 4, 5}, {6}, DepthwiseConv2DOptions, true, {}};
    dw.options.scalar<std::int8_t>(0, SAME).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1).scalar<std::int32_t>(3, 1)
        .scalar<std::int8_t>(4, RELU6).scalar<std::int32_t>(5, 1000).scalar<std::int32_t>(6, 1000);
    m.ops.push_back(dw);
    op fc{m.code(FULLY_CONNECTED), {6, 7, 8}, {9}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, NONE);
    m.ops.push_back(fc);
    op softmax{m.code(SOFTMAX), {9}, {10}, SoftmaxOptions, true, {}};
    softmax.options.scalar<float>(0, 20.0f);
    m.ops.push_back(softmax);
    m.inputs = {0};
    m.outputs = {10};
    return m;
}

inline std::vector<std::pair<const char*, model>> edge_models() { return {{"edge_cases", edge_cases_model()}}; }

// int8 [1, 2^31 - 1] -> FULLY_CONNECTED with one input feature: 2^31 - 1 batches, so the
// computed output 2147483647x16 must not wrap (the output tensor claims 1x16).
inline model wide_fc_model() {
    model m;
    m.add_tensor({"x", {1, 2147483647}, INT8, 0, {0.5f}, {0}, 0, {}});
    m.add_tensor({"w", {16, 1}, INT8, m.add_buffer(ramp(16)), {0.01f}, {0}, 0, {}});
    m.add_tensor({"out", {1, 16}, INT8, 0, {0.25f}, {0}, 0, {}});
    op fc{m.code(FULLY_CONNECTED), {0, 1}, {2}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, NONE);
    m.ops.push_back(fc);
    m.inputs = {0};
    m.outputs = {2};
    return m;
}

// Three 1 GiB activations (two RESHAPEs): each tensor fits, their sum does not.
inline model huge_arena_model() {
    model m;
    m.add_tensor({"x", {1, 1073741824}, INT8, 0, {0.5f}, {0}, 0, {}});
    m.add_tensor({"s1", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1073741824, 1}), {}, {}, 0, {}});
    m.add_tensor({"y", {1073741824, 1}, INT8, 0, {0.5f}, {0}, 0, {}});
    m.add_tensor({"s2", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{1, -1}), {}, {}, 0, {}});
    m.add_tensor({"z", {1, 1073741824}, INT8, 0, {0.5f}, {0}, 0, {}});
    m.ops.push_back({m.code(RESHAPE), {0, 1}, {2}, 0, false, {}});
    m.ops.push_back({m.code(RESHAPE), {2, 3}, {4}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {4};
    return m;
}

// A rank-0 input into FULLY_CONNECTED with keep_num_dims (it used to crash the converter).
inline model scalar_fc_model() {
    model m;
    m.add_tensor({"x", {}, INT8, 0, {0.5f}, {0}, 0, {}});
    m.add_tensor({"w", {4, 1}, INT8, m.add_buffer(ramp(4)), {0.01f}, {0}, 0, {}});
    m.add_tensor({"out", {4}, INT8, 0, {0.25f}, {0}, 0, {}});
    op fc{m.code(FULLY_CONNECTED), {0, 1}, {2}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, NONE).scalar<bool>(2, true);
    m.ops.push_back(fc);
    m.inputs = {0};
    m.outputs = {2};
    return m;
}

}  // namespace test_tflite
