// Per-layer requantization multipliers, derived at compile time with the exact precision
// TFLite uses for each operator (the float-vs-double products matter to the last bit).
#pragma once

#include <array>
#include <cstddef>
#include <iterator>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn {

namespace diag {
// Named for the layer's parameters (or output quantization) whose folded scale
// s_in * s_w / s_out (ADD: 2 max(s1, s2) / (2^20 s_out)) is infinite, or so large that the
// accumulator would be shifted left by more than 30 bits (multiplier_in_range).
template <class LayerParamsOrOutQ, bool InRange>
struct requantization_out_of_range {
    static_assert(InRange, "ctnn: a layer's effective requantization scale (input scale x weight scale / output scale) "
                           "is out of range: 2^30 or more, or not finite (template argument: the layer's parameters)");
};
}  // namespace diag

// RELU and ABS (TFLM's Prepare): s_in / s_out, both widened to double first.
constexpr double input_over_output_real(float input_scale, float output_scale) noexcept {
    return static_cast<double>(input_scale) / static_cast<double>(output_scale);
}

// CONV_2D, DEPTHWISE_CONV_2D and per-channel FULLY_CONNECTED: for each output channel,
// s_in * s_w[c] / s_out, every factor widened to double first. A single weight scale is
// broadcast to every channel.
constexpr double per_channel_real(float input_scale, float weight_scale, float output_scale) noexcept {
    return static_cast<double>(input_scale) * static_cast<double>(weight_scale) / static_cast<double>(output_scale);
}

template <std::size_t Channels, class Scales>
constexpr std::array<quantized_multiplier, Channels> per_channel_multipliers(float input_scale, const Scales& weight_scales,
                                                                             float output_scale) noexcept {
    std::array<quantized_multiplier, Channels> out{};
    const bool broadcast = std::size(weight_scales) == 1;
    for (std::size_t c = 0; c < Channels; ++c) {
        const float ws = weight_scales[broadcast ? 0 : c];
        out[c] = quantize_multiplier(per_channel_real(input_scale, ws, output_scale));
    }
    return out;
}

// The first of `channels` output channels whose multiplier is out of range (multiplier_in_range),
// or -1 when all are fine. The check behind per_channel_multipliers.
template <class Scales>
constexpr int first_channel_out_of_range(float input_scale, const Scales& weight_scales, std::size_t channels,
                                         float output_scale) noexcept {
    const bool broadcast = std::size(weight_scales) == 1;
    for (std::size_t c = 0; c < channels; ++c) {
        if (!multiplier_in_range(per_channel_real(input_scale, weight_scales[broadcast ? 0 : c], output_scale)))
            return static_cast<int>(c);
    }
    return -1;
}

// Per-tensor FULLY_CONNECTED: the product s_in * s_w is taken in float, then widened (it may
// overflow to infinity, which multiplier_in_range rejects).
constexpr double per_tensor_fc_real(float input_scale, float weight_scale, float output_scale) noexcept {
    const float product = input_scale * weight_scale;
    return static_cast<double>(product) / static_cast<double>(output_scale);
}

constexpr quantized_multiplier per_tensor_fc_multiplier(float input_scale, float weight_scale,
                                                        float output_scale) noexcept {
    return quantize_multiplier(per_tensor_fc_real(input_scale, weight_scale, output_scale));
}

// ADD: both inputs are rescaled against twice the larger input scale and shifted left by
// `left_shift` bits; the output multiplier undoes that. The inputs' reals are at most 1/2.
struct add_reals {
    double input1 = 0, input2 = 0, output = 0;
};
inline constexpr int add_left_shift = 20;
inline constexpr int add_s16_left_shift = 15;  // int16 tensors: 2^16 * 2^15 still fits the int32 sum
constexpr add_reals add_multiplier_reals(float input1_scale, float input2_scale, float output_scale,
                                         int left_shift = add_left_shift) noexcept {
    const double twice_max = 2.0 * static_cast<double>(input1_scale > input2_scale ? input1_scale : input2_scale);
    return {static_cast<double>(input1_scale) / twice_max, static_cast<double>(input2_scale) / twice_max,
            twice_max / (double(1 << left_shift) * static_cast<double>(output_scale))};
}

}  // namespace ctnn
