// Sweep generators that reach further into the options of the existing weighted operators than
// sweep_weighted.hpp's draws: DEPTHWISE_CONV_2D with depth multipliers up to 8 and dilations up
// to 4, CONV_2D with dilations up to 5 and the channel counts the Arm and x86 kernels block by,
// FULLY_CONNECTED on inputs of rank 2 to 4 with several rows, flattened or with keep_num_dims.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"
#include "sweep_weighted.hpp"

namespace sweep {

// A window over an input of up to 10x10 with every dilation up to max_dilation in each axis.
inline window draw_dilated_window(rng& r, int max_kernel, int max_dilation) {
    for (;;) {
        window w{};
        w.in_h = r.uniform(1, 10);
        w.in_w = r.uniform(1, 10);
        w.k_h = r.uniform(1, max_kernel);
        w.k_w = r.uniform(1, max_kernel);
        w.s_h = r.uniform(1, 3);
        w.s_w = r.uniform(1, 3);
        w.d_h = r.uniform(1, max_dilation);
        w.d_w = r.uniform(1, max_dilation);
        w.same = r.chance(0.5);
        w.out_h = window_out(w.in_h, w.k_h, w.s_h, w.d_h, w.same);
        w.out_w = window_out(w.in_w, w.k_w, w.s_w, w.d_w, w.same);
        if (w.out_h > 0 && w.out_w > 0) return w;
    }
}

inline drawn_model depthwise_conv_2d_wide(rng& r) {
    drawn_model d;
    model& m = d.m;
    const window w = draw_dilated_window(r, 5, 4);
    const int mult = r.pick<int>({1, 2, 4, 5, 8});
    const int c = r.uniform(1, 6) * (r.chance(0.3) ? 4 : 1), o = c * mult;
    const float s_in = activation_scale(r);
    const weight_quant q = weight_scales(r, o, s_in, w.k_h * w.k_w);
    const std::int8_t act = fused_activation(r);
    const auto inputs = weighted_tensors(r, m, {1, w.in_h, w.in_w, c}, s_in, {1, w.k_h, w.k_w, o}, 3, q, {1, w.out_h, w.out_w, o});
    op dw{m.code(DEPTHWISE_CONV_2D), inputs, {3}, DepthwiseConv2DOptions, true, {}};
    dw.options.scalar<std::int8_t>(0, w.same ? SAME : VALID).scalar<std::int32_t>(1, w.s_w).scalar<std::int32_t>(2, w.s_h)
        .scalar<std::int32_t>(3, mult).scalar<std::int8_t>(4, act).scalar<std::int32_t>(5, w.d_w).scalar<std::int32_t>(6, w.d_h);
    m.ops.push_back(dw);
    d.text = window_text(w) + " c " + std::to_string(c) + " multiplier " + std::to_string(mult) + " act " + activation_text(act) + weights_text(q, inputs);
    return d;
}

inline drawn_model conv_2d_dilated(rng& r) {
    drawn_model d;
    model& m = d.m;
    const window w = draw_dilated_window(r, 4, 5);
    const int c = r.pick<int>({1, 3, 4, 8, 16, 19}), o = r.pick<int>({1, 2, 5, 8, 16, 17});
    const float s_in = activation_scale(r);
    const weight_quant q = weight_scales(r, o, s_in, w.k_h * w.k_w * c);
    const std::int8_t act = fused_activation(r);
    const auto inputs = weighted_tensors(r, m, {1, w.in_h, w.in_w, c}, s_in, {o, w.k_h, w.k_w, c}, 0, q, {1, w.out_h, w.out_w, o});
    op conv{m.code(CONV_2D), inputs, {3}, Conv2DOptions, true, {}};
    conv.options.scalar<std::int8_t>(0, w.same ? SAME : VALID).scalar<std::int32_t>(1, w.s_w).scalar<std::int32_t>(2, w.s_h)
        .scalar<std::int8_t>(3, act).scalar<std::int32_t>(4, w.d_w).scalar<std::int32_t>(5, w.d_h);
    m.ops.push_back(conv);
    d.text = window_text(w) + " c " + std::to_string(c) + " o " + std::to_string(o) + " act " + activation_text(act) + weights_text(q, inputs);
    return d;
}

inline drawn_model fully_connected_ranks(rng& r) {
    drawn_model d;
    model& m = d.m;
    const bool keep = r.chance(0.5);
    const int rank = r.uniform(2, 4);
    std::vector<std::int32_t> in_shape;
    for (int i = 0; i < rank - 1; ++i) in_shape.push_back(r.uniform(1, 3));
    const int ins = r.uniform(1, 20);
    in_shape.push_back(ins);
    int total = 1;
    for (auto v : in_shape) total *= v;
    const int o = r.uniform(1, 12);
    std::vector<std::int32_t> out_shape = in_shape;
    if (keep) out_shape.back() = o; else out_shape = {total / ins, o};
    const float s_in = activation_scale(r);
    const weight_quant q = weight_scales(r, o, s_in, ins);
    const std::int8_t act = fused_activation(r);
    const auto inputs = weighted_tensors(r, m, in_shape, s_in, {o, ins}, 0, q, out_shape);
    op fc{m.code(FULLY_CONNECTED), inputs, {3}, FullyConnectedOptions, true, {}};
    fc.options.scalar<std::int8_t>(0, act);
    if (keep) fc.options.scalar<bool>(2, true);
    m.ops.push_back(fc);
    d.text = "in " + dims_text(in_shape) + " out " + dims_text(out_shape) + " act " + activation_text(act) + weights_text(q, inputs) + (keep ? " keep_num_dims" : "");
    return d;
}

}  // namespace sweep
