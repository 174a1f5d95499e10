// The facts of a weighted layer (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED) as plain constexpr
// rules: the layer types state them from these, and the converter's summary computes its
// figures with the very same functions, so the two agree by construction.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::layers {

// Every output value is one dot product of an output channel's weights with the input:
// weights / channels MACs each (depth for a convolution, taps for a depthwise one, input
// features for a fully connected layer).
constexpr std::size_t weighted_macs(std::size_t output_elements, std::size_t weights, std::size_t channels) noexcept {
    return channels == 0 ? 0 : output_elements * (weights / channels);
}

// Constant bytes in TFLite's terms: int8 weights, an int32 bias per channel (bias_bytes: 8 for
// the 16x8 operators' int64 bias), and a multiplier and a shift per channel unless one
// per-tensor multiplier serves them all.
constexpr std::size_t weighted_param_bytes(std::size_t weights, std::size_t channels, bool per_channel_multipliers,
                                           std::size_t bias_bytes = sizeof(std::int32_t)) noexcept {
    return weights + channels * bias_bytes + (per_channel_multipliers ? channels * sizeof(quantized_multiplier) : 0);
}

}  // namespace ctnn::layers
