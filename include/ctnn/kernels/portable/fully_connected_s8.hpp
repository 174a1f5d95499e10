// FULLY_CONNECTED int8, specialised at compile time.
//
// Spec requirements (all static constexpr):
//   params   : kernels::fully_connected_params
//   weights  : std::int8_t[out * in], row-major [out][in]
//   bias     : std::int32_t[out]
//   requant  : std::array<quantized_multiplier, out or 1>
//
// The input zero point is folded into the bias at compile time
// (bias[o] - zp_in * sum_i w[o][i]), so the inner loop is a plain int8 dot product that
// compilers vectorise.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/fully_connected_params.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {

namespace detail {
template <class Spec>
constexpr auto folded_fc_bias() {
    constexpr auto& p = Spec::params;
    std::array<std::int32_t, p.out_features> folded{};
    for (int o = 0; o < p.out_features; ++o) {
        std::int32_t sum = 0;
        for (int i = 0; i < p.in_features; ++i) sum += Spec::weights[o * p.in_features + i];
        folded[o] = Spec::bias[o] - p.input_zero_point * sum;
    }
    return folded;
}
template <class Spec>
inline constexpr auto fc_bias = folded_fc_bias<Spec>();
}  // namespace detail

template <class Spec>
void fully_connected_s8(const std::int8_t* __restrict input, std::int8_t* __restrict output) {
    constexpr auto& p = Spec::params;
    constexpr int in = p.in_features;
    for (int b = 0; b < p.batches; ++b) {
        const std::int8_t* x = input + b * in;
        for (int o = 0; o < p.out_features; ++o) {
            const std::int8_t* w = Spec::weights + o * in;
            std::int32_t acc = 0;
            for (int i = 0; i < in; ++i) acc += std::int32_t{w[i]} * std::int32_t{x[i]};
            acc += detail::fc_bias<Spec>[o];
            constexpr int stride = p.per_channel ? 1 : 0;
            const auto& m = Spec::requant[o * stride];
            acc = multiply_by_quantized_multiplier(acc, m.multiplier, m.shift) + p.output_zero_point;
            output[b * p.out_features + o] = static_cast<std::int8_t>(clamp(acc, p.act_min, p.act_max));
        }
    }
}

}  // namespace ctnn::kernels::portable
