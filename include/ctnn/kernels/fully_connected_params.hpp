// What a fully connected kernel computes: out[b][o] = clamp(MBQM(bias[o] + sum_i w[o][i] *
// (x[b][i] - input_zero_point), m[o]) + output_zero_point). Weights are [out, in], symmetric.
#pragma once

#include <cstdint>

namespace ctnn::kernels {

struct fully_connected_params {
    int batches = 1;
    int in_features = 1;
    int out_features = 1;
    std::int32_t input_zero_point = 0;
    std::int32_t output_zero_point = 0;
    std::int32_t act_min = -128, act_max = 127;
    bool per_channel = false;  // one multiplier per output feature, or one for all

    friend constexpr bool operator==(const fully_connected_params&, const fully_connected_params&) = default;
};

}  // namespace ctnn::kernels
