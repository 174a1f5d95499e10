// Portable MEAN over H and W, int8, specialised at compile time; bit-exact with reference::mean_s8.
//
//   template <mean_params P> void mean_s8(const std::int8_t* input, std::int8_t* output);
//
// The parameters are the template argument itself (a valid NTTP). input: 1 x in_h x in_w x
// channels, output: channels values; no alignment needed.
//
// How: channel-contiguous int32 sums over all pixels (vectorised), then one of TFLM's two
// endings, chosen at compile time: truncating division by the constant count when input and
// output quantization are equal, otherwise MBQM with 1/count folded into a constexpr multiplier
// and zp_in * count folded into one constant.
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"  // mean_multiplier: the one folding rule
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {

template <mean_params P>
void mean_s8(const std::int8_t* input, std::int8_t* output) {
    constexpr int count = P.in_h * P.in_w;
    static_assert(count > 0 && P.channels > 0, "ctnn: mean_s8 needs a non-empty input");
    alignas(16) std::int32_t sum[P.channels] = {};
    for (int i = 0; i < count; ++i) {
        const std::int8_t* in = input + i * P.channels;
        for (int c = 0; c < P.channels; ++c) sum[c] += in[c];
    }
    if constexpr (P.same_quantization) {
        for (int c = 0; c < P.channels; ++c) output[c] = static_cast<std::int8_t>(sum[c] / count);
    } else {
        constexpr quantized_multiplier folded = reference::mean_multiplier(P.multiplier, count);
        constexpr std::int32_t offset = P.input_zero_point * count;
        for (int c = 0; c < P.channels; ++c) {
            const std::int32_t scaled = multiply_by_quantized_multiplier(sum[c] - offset, folded.multiplier, folded.shift);
            output[c] = static_cast<std::int8_t>(clamp(scaled + P.output_zero_point, -128, 127));
        }
    }
}

}  // namespace ctnn::kernels::portable
