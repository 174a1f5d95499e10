// SVDF (int8 input and output, int8 feature weights, int16 or int8 time weights and state):
// random rank, units, memory size and input size, batch 1 and 2, every fused activation (TFLM's
// integer kernel applies none), always a bias (TFLM's Prepare reads its scale: without one it
// crashes). Slots 1300-1309.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"
#include "sweep_weighted.hpp"

namespace sweep {

inline constexpr int SVDF = 27;                   // BuiltinOperator
inline constexpr std::uint8_t SVDFOptions = 6;    // BuiltinOptions

// The model's weights, random in [-limit, limit] (int8 or int16 values).
template <class T>
std::vector<T> svdf_values(rng& r, std::size_t n, int limit) {
    std::vector<T> v(n);
    for (auto& x : v) {
        const int value = r.uniform(-limit, limit);
        x = static_cast<T>(value);
    }
    return v;
}

inline drawn_model svdf(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int batch = r.chance(0.6) ? 1 : 2;
    const int rank = r.chance(0.5) ? 1 : r.uniform(2, 3);
    const int units = r.chance(0.1) ? 1 : r.uniform(1, 12);
    const int memory = r.chance(0.1) ? 1 : r.uniform(2, 12);
    const int ins = r.chance(0.2) ? r.pick<int>({40, 64}) : r.uniform(1, 24);
    const int filters = units * rank;
    const bool int16_state = r.chance(0.75);
    const std::int8_t act = fused_activation(r);

    const float s_in = activation_scale(r);
    const std::int32_t zp_in = zero_point(r);
    const float s_feature = r.log_uniform(-9, -4);
    // The state's scale puts a typical dot product (sqrt(ins) * 64 * 64 input-weight units) at a
    // random fraction of the state's range, saturating now and then.
    const double state_range = int16_state ? 32767.0 : 127.0;
    const double dot_typical = static_cast<double>(s_in) * s_feature * 64.0 * 64.0 * std::sqrt(static_cast<double>(ins));
    const float fraction = r.log_uniform(-4, 1);
    const float s_state = static_cast<float>(dot_typical / (state_range * fraction));
    const std::int32_t zp_state = int16_state ? 0 : zero_point(r);
    const int time_limit = int16_state ? r.pick<int>({127, 2000, 32767}) : 127;
    const float s_time = r.log_uniform(-12, -5);
    const double out_typical = static_cast<double>(s_state) * s_time * state_range * 0.3 * time_limit * 0.5 *
                               std::sqrt(static_cast<double>(memory * rank));
    const float out_fraction = r.log_uniform(-4, 0);
    const float s_out = static_cast<float>(out_typical / (127.0 * out_fraction));
    const std::int32_t zp_out = zero_point(r);

    const std::int8_t time_type = int16_state ? INT16 : INT8;
    const std::uint32_t feature_buffer = m.add_buffer(svdf_values<std::int8_t>(r, std::size_t(filters) * std::size_t(ins), 127));
    std::uint32_t time_buffer = 0;
    if (int16_state) time_buffer = m.add_buffer(svdf_values<std::int16_t>(r, std::size_t(filters) * std::size_t(memory), time_limit));
    else time_buffer = m.add_buffer(svdf_values<std::int8_t>(r, std::size_t(filters) * std::size_t(memory), time_limit));

    const int input = m.add_tensor({"input", {batch, ins}, INT8, 0, {s_in}, {zp_in}, 0, {}});
    const int feature = m.add_tensor({"weights_feature", {filters, ins}, INT8, feature_buffer, {s_feature}, {0}, 0, {}});
    const int time = m.add_tensor({"weights_time", {filters, memory}, time_type, time_buffer, {s_time}, {0}, 0, {}});
    const std::vector<std::int32_t> b = bias(r, units);
    const std::uint32_t bias_buffer = m.add_buffer(b);
    const int bias_tensor = m.add_tensor({"bias", {units}, INT32, bias_buffer, {s_state * s_time}, {0}, 0, {}});
    tensor state{"activation_state", {batch, memory * filters}, time_type, 0, {s_state}, {zp_state}, 0, {}};
    state.is_variable = true;
    const int state_tensor = m.add_tensor(state);
    const int output = m.add_tensor({"output", {batch, units}, INT8, 0, {s_out}, {zp_out}, 0, {}});
    m.inputs = {input};
    m.outputs = {output};
    op o{m.code(SVDF), {input, feature, time, bias_tensor, state_tensor}, {output}, SVDFOptions, true, {}};
    o.options.scalar<std::int32_t>(0, rank).scalar<std::int8_t>(1, act);
    m.ops.push_back(o);
    d.text = "batch " + std::to_string(batch) + " input " + std::to_string(ins) + " units " + std::to_string(units) + " rank " +
             std::to_string(rank) + " memory " + std::to_string(memory) + (int16_state ? " state int16" : " state int8 zp " + std::to_string(zp_state)) +
             " act " + activation_text(act);
    return d;
}

// The time sums past int32: rank 4, every time weight 32767 and a state scale so small that each
// newest state value saturates at +-32767, so one unit's four products reach 2^32 and wrap, as
// TFLM's int32 accumulators do (the reference's sums are modulo 2^32 for this).
inline drawn_model svdf_wrap(rng& r) {
    drawn_model d;
    model& m = d.m;
    constexpr int ins = 8, units = 3, rank = 4, memory = 2, filters = units * rank;
    const float s_in = 0.05f, s_feature = 0.01f, s_state = 1e-7f, s_time = 1e-6f, s_out = 2e-6f;
    std::vector<std::int8_t> feature(std::size_t(filters) * ins);
    for (auto& w : feature) {
        const int v = r.uniform(1, 127);
        w = static_cast<std::int8_t>(v);
    }
    std::vector<std::int16_t> time(std::size_t(filters) * memory, std::int16_t{32767});
    time[17] = -32768;  // units 0 and 1: four products of 2^30 each, 2^32 in all
    const std::uint32_t feature_buffer = m.add_buffer(feature), time_buffer = m.add_buffer(time);
    const std::uint32_t bias_buffer = m.add_buffer(std::vector<std::int32_t>{5, -7, 1 << 30});
    const int input = m.add_tensor({"input", {1, ins}, INT8, 0, {s_in}, {-128}, 0, {}});
    const int f = m.add_tensor({"weights_feature", {filters, ins}, INT8, feature_buffer, {s_feature}, {0}, 0, {}});
    const int t = m.add_tensor({"weights_time", {filters, memory}, INT16, time_buffer, {s_time}, {0}, 0, {}});
    const int b = m.add_tensor({"bias", {units}, INT32, bias_buffer, {s_state * s_time}, {0}, 0, {}});
    tensor state{"activation_state", {1, memory * filters}, INT16, 0, {s_state}, {0}, 0, {}};
    state.is_variable = true;
    const int st = m.add_tensor(state);
    const int output = m.add_tensor({"output", {1, units}, INT8, 0, {s_out}, {0}, 0, {}});
    m.inputs = {input};
    m.outputs = {output};
    op o{m.code(SVDF), {input, f, t, b, st}, {output}, SVDFOptions, true, {}};
    o.options.scalar<std::int32_t>(0, rank).scalar<std::int8_t>(1, NONE);
    m.ops.push_back(o);
    d.text = "time sums past int32: input 8 units 3 rank 4 memory 2 state int16 saturating, time weights +-32767";
    return d;
}

}  // namespace sweep
