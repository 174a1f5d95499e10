// A long chain of cheap operators for the depth tests (graph depth, planner cost): 1x1
// DEPTHWISE_CONV_2D and CONV_2D, ADD with a skip a few tensors back, AVERAGE_POOL_2D 1x1 and
// RESHAPE between two 4-D shapes, with per-layer scales, zero points and activations, so the
// graph, the plan and the arithmetic are not one layer repeated. Weights alternate above and
// below 1 and scales cycle, so values neither vanish nor saturate along the chain.
#pragma once

#include <vector>

#include "test_models.hpp"

namespace test_tflite {

inline model deep_model(int operators) {
    model m;
    constexpr int channels = 4;
    const std::vector<std::int32_t> shape_a{1, 4, 4, channels}, shape_b{1, 8, 2, channels};
    // The scale of tensor k cycles with period 11 around 0.05; zero points with period 7.
    auto scale_of = [](int k) { return 0.05f * (1.0f + 0.06f * static_cast<float>(k * 7 % 11 - 5)); };
    auto zero_point_of = [](int k) { return static_cast<std::int64_t>(k * 5 % 7 - 3); };
    struct produced {
        int tensor;
        std::vector<std::int32_t> shape;
    };
    std::vector<produced> chain;
    auto activation = [&](int k, const std::vector<std::int32_t>& shape, float scale) {
        const int t = m.add_tensor({"t" + std::to_string(k), shape, INT8, 0, {scale}, {zero_point_of(k)}, 0, {}});
        chain.push_back({t, shape});
        return t;
    };
    auto bias = [&](int k) {
        std::vector<std::int32_t> b(channels);
        for (int c = 0; c < channels; ++c) b[static_cast<std::size_t>(c)] = (k * 31 + c * 17) % 61 - 30;
        return m.add_tensor({"b" + std::to_string(k), {channels}, INT32, m.add_buffer(b), {}, {}, 0, {}});
    };
    // Weight of channel c at layer k: 1.15 or 0.87 in turn, so two layers multiply to about 1.
    auto gain = [](int k, int c) { return (k + c) % 2 == 0 ? 115 : 87; };
    auto weights = [&](int k, bool depthwise) {
        std::vector<std::int8_t> w;
        std::vector<std::int32_t> shape;
        if (depthwise) {
            shape = {1, 1, 1, channels};
            for (int c = 0; c < channels; ++c) w.push_back(static_cast<std::int8_t>(gain(k, c)));
        } else {
            shape = {channels, 1, 1, channels};
            for (int o = 0; o < channels; ++o)
                for (int i = 0; i < channels; ++i) w.push_back(static_cast<std::int8_t>(o == i ? gain(k, o) : (o * 3 + i + k) % 7 - 3));
        }
        std::vector<float> scales;
        for (int c = 0; c < channels; ++c) scales.push_back(0.01f * (1.0f + 0.01f * static_cast<float>(c)));
        return m.add_tensor({"w" + std::to_string(k), shape, INT8, m.add_buffer(w), scales,
                             std::vector<std::int64_t>(channels, 0), depthwise ? 3 : 0, {}});
    };

    activation(0, shape_a, scale_of(0));
    m.inputs = {chain.back().tensor};
    for (int k = 1; k <= operators; ++k) {
        const produced in = chain.back();
        const int kind = k % 8;
        // ADD reads the previous tensor and an earlier one of the same shape, a few tensors back.
        int skip = -1;
        const int newest = static_cast<int>(chain.size()) - (kind == 2 ? 3 : 2);  // kind 2: past a CONV_2D's input
        for (int j = newest; j >= 0 && j >= newest - 3; --j)
            if (chain[static_cast<std::size_t>(j)].shape == in.shape) {
                skip = chain[static_cast<std::size_t>(j)].tensor;
                break;
            }
        if ((kind == 2 || kind == 6) && skip >= 0 && k < operators) {
            const int out = activation(k, in.shape, 2.0f * scale_of(k));
            op o{m.code(ADD), {skip, in.tensor}, {out}, AddOptions, true, {}};
            o.options.scalar<std::int8_t>(0, k % 3 == 0 ? RELU : NONE);
            m.ops.push_back(o);
        } else if (kind == 3 && k < operators) {
            const int out = activation(k, in.shape, m.tensors[static_cast<std::size_t>(in.tensor)].scale[0]);
            op pool{m.code(AVERAGE_POOL_2D), {in.tensor}, {out}, Pool2DOptions, true, {}};
            pool.options.scalar<std::int8_t>(0, VALID).scalar<std::int32_t>(1, 1).scalar<std::int32_t>(2, 1).scalar<std::int32_t>(3, 1).scalar<std::int32_t>(4, 1);
            m.tensors[static_cast<std::size_t>(out)].zero_point = m.tensors[static_cast<std::size_t>(in.tensor)].zero_point;
            m.ops.push_back(pool);
        } else if (kind == 4 && k < operators) {
            const std::vector<std::int32_t>& to = in.shape == shape_a ? shape_b : shape_a;
            const int out = activation(k, to, m.tensors[static_cast<std::size_t>(in.tensor)].scale[0]);
            m.tensors[static_cast<std::size_t>(out)].zero_point = m.tensors[static_cast<std::size_t>(in.tensor)].zero_point;
            const int new_shape = m.add_tensor({"s" + std::to_string(k), {4}, INT32, m.add_buffer(to), {}, {}, 0, {}});
            op reshape{m.code(RESHAPE), {in.tensor, new_shape}, {out}, ReshapeOptions, true, {}};
            reshape.options.vec<std::int32_t>(0, to);
            m.ops.push_back(reshape);
        } else {
            const bool depthwise = kind != 1;  // a CONV_2D before an ADD may fuse into it
            const int w = weights(k, depthwise), b = bias(k);
            const int out = activation(k, in.shape, scale_of(k));
            m.ops.push_back(conv_op(m.code(depthwise ? DEPTHWISE_CONV_2D : CONV_2D), {in.tensor, w, b}, out, SAME, 1,
                                    k % 5 == 0 ? RELU : NONE, depthwise));
        }
    }
    m.outputs = {chain.back().tensor};
    return m;
}

}  // namespace test_tflite
