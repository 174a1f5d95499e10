// A synthetic residual network for residual fusion (plan/residual_fusion.hpp): odd sizes, the
// skip as the ADD's first operand, the model input as a skip, a strided 1x1 shortcut, and a
// block the rule must leave alone (x + conv(x)).
#pragma once

#include "test_models.hpp"

namespace test_tflite {

// input 1x9x7x4
//  op0 CONV_2D 3x3 SAME RELU -> a (1x9x7x8)
//  op1 CONV_2D 3x3 SAME      -> b (1x9x7x4)      fused into op2
//  op2 ADD(input, b) RELU    -> c (1x9x7x4)      may overwrite the model input
//  op3 CONV_2D 3x3 s2 RELU   -> d (1x5x4x8)
//  op4 CONV_2D 1x1 s2        -> e (1x5x4x8)      fused into op5 (conv output second)
//  op5 ADD(d, e)             -> f (1x5x4x8)
//  op6 CONV_2D 1x1           -> g (1x5x4x8)      not fused: the ADD's skip is its own input
//  op7 ADD(f, g) RELU        -> out (1x5x4x8)
inline model residual_model() {
    model m;
    auto weights = [&](const char* name, std::vector<std::int32_t> shape, float scale) {
        const int out = shape[0];
        std::size_t n = 1;
        for (const int d : shape) n *= static_cast<std::size_t>(d);
        std::vector<float> scales(static_cast<std::size_t>(out));
        for (int c = 0; c < out; ++c) scales[static_cast<std::size_t>(c)] = scale * static_cast<float>(1 + c % 3);
        return m.add_tensor({name, std::move(shape), INT8, m.add_buffer(ramp(n)), scales,
                             std::vector<std::int64_t>(static_cast<std::size_t>(out), 0), 0, {}});
    };
    auto bias = [&](const char* name, int n) {
        std::vector<std::int32_t> b(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) b[static_cast<std::size_t>(i)] = 37 * i - 100;
        return m.add_tensor({name, {n}, INT32, m.add_buffer(b), {}, {}, 0, {}});
    };
    auto activation = [&](const char* name, std::vector<std::int32_t> shape, float scale, std::int64_t zp) {
        return m.add_tensor({name, std::move(shape), INT8, 0, {scale}, {zp}, 0, {}});
    };
    const int input = activation("input", {1, 9, 7, 4}, 0.5f, -3);
    const int w0 = weights("op0/w", {8, 3, 3, 4}, 0.002f), b0 = bias("op0/b", 8);
    const int a = activation("a", {1, 9, 7, 8}, 0.6f, -128);
    const int w1 = weights("op1/w", {4, 3, 3, 8}, 0.003f), b1 = bias("op1/b", 4);
    const int b = activation("b", {1, 9, 7, 4}, 1.1f, 5);
    const int c = activation("c", {1, 9, 7, 4}, 0.9f, -128);
    const int w3 = weights("op3/w", {8, 3, 3, 4}, 0.004f), b3 = bias("op3/b", 8);
    const int d = activation("d", {1, 5, 4, 8}, 1.3f, -128);
    const int w4 = weights("op4/w", {8, 1, 1, 4}, 0.01f), b4 = bias("op4/b", 8);
    const int e = activation("e", {1, 5, 4, 8}, 0.7f, 9);
    const int f = activation("f", {1, 5, 4, 8}, 1.5f, -7);
    const int w6 = weights("op6/w", {8, 1, 1, 8}, 0.02f), b6 = bias("op6/b", 8);
    const int g = activation("g", {1, 5, 4, 8}, 1.2f, 2);
    const int out = activation("out", {1, 5, 4, 8}, 1.7f, -128);

    auto add = [&](int x, int y, int z, std::int8_t act) {
        op o{m.code(ADD), {x, y}, {z}, AddOptions, true, {}};
        o.options.scalar<std::int8_t>(0, act);
        m.ops.push_back(o);
    };
    m.ops.push_back(conv_op(m.code(CONV_2D), {input, w0, b0}, a, SAME, 1, RELU));
    m.ops.push_back(conv_op(m.code(CONV_2D), {a, w1, b1}, b, SAME, 1, NONE));
    add(input, b, c, RELU);
    m.ops.push_back(conv_op(m.code(CONV_2D), {c, w3, b3}, d, SAME, 2, RELU));
    m.ops.push_back(conv_op(m.code(CONV_2D), {c, w4, b4}, e, SAME, 2, NONE));
    add(d, e, f, NONE);
    m.ops.push_back(conv_op(m.code(CONV_2D), {f, w6, b6}, g, SAME, 1, NONE));
    add(f, g, out, RELU);
    m.inputs = {input};
    m.outputs = {out};
    return m;
}

}  // namespace test_tflite
