// Per-layer requantization multipliers, derived at compile time with the exact precision
// TFLite uses for each operator (the float-vs-double products matter to the last bit).
#pragma once

#include <array>
#include <cstddef>
#include <iterator>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn {

// CONV_2D, DEPTHWISE_CONV_2D and per-channel FULLY_CONNECTED: for each output channel,
// s_in * s_w[c] / s_out, every factor widened to double first. A single weight scale is
// broadcast to every channel.
template <std::size_t Channels, class Scales>
constexpr std::array<quantized_multiplier, Channels> per_channel_multipliers(float input_scale, const Scales& weight_scales,
                                                                             float output_scale) noexcept {
    std::array<quantized_multiplier, Channels> out{};
    const bool broadcast = std::size(weight_scales) == 1;
    for (std::size_t c = 0; c < Channels; ++c) {
        const float ws = weight_scales[broadcast ? 0 : c];
        out[c] = quantize_multiplier(static_cast<double>(input_scale) * static_cast<double>(ws) /
                                     static_cast<double>(output_scale));
    }
    return out;
}

// Per-tensor FULLY_CONNECTED: the product s_in * s_w is taken in float, then widened.
constexpr quantized_multiplier per_tensor_fc_multiplier(float input_scale, float weight_scale,
                                                        float output_scale) noexcept {
    const float product = input_scale * weight_scale;
    return quantize_multiplier(static_cast<double>(product) / static_cast<double>(output_scale));
}

}  // namespace ctnn
