// What the reference convolutions and poolings share: walking an output pixel's window over the
// input, skipping taps in the padding (as TFLite's reference kernels do), and, for the
// convolutions, the requantization of an accumulator to the int8 output.
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels::reference {

// A window's placement: stride, padding, dilation, extent, and the input it slides over.
struct window_walk {
    int stride_h, stride_w, pad_top, pad_left, dilation_h, dilation_w, kernel_h, kernel_w, in_h, in_w;
};
constexpr window_walk walk_of(const conv_geometry& g) noexcept {
    return {g.stride_h, g.stride_w, g.pad_top, g.pad_left, g.dilation_h, g.dilation_w, g.kernel_h, g.kernel_w, g.in_h, g.in_w};
}
constexpr window_walk walk_of(const pool_geometry& g) noexcept {
    return {g.stride_h, g.stride_w, g.pad_top, g.pad_left, 1, 1, g.filter_h, g.filter_w, g.in_h, g.in_w};
}

// tap(iy, ix, ky, kx) for every tap of output pixel (oy, ox) inside the input.
template <class Tap>
constexpr void for_each_tap_inside(const window_walk& w, int oy, int ox, Tap&& tap) {
    for (int ky = 0; ky < w.kernel_h; ++ky) {
        const int iy = oy * w.stride_h - w.pad_top + ky * w.dilation_h;
        if (iy < 0 || iy >= w.in_h) continue;
        for (int kx = 0; kx < w.kernel_w; ++kx) {
            const int ix = ox * w.stride_w - w.pad_left + kx * w.dilation_w;
            if (ix < 0 || ix >= w.in_w) continue;
            tap(iy, ix, ky, kx);
        }
    }
}

// out = clamp(MBQM(acc, m) + zp_out, act_min, act_max)
constexpr std::int8_t requantize_output(std::int32_t acc, const quantized_multiplier& m, const conv_geometry& g) noexcept {
    const std::int32_t scaled = multiply_by_quantized_multiplier(acc, m.multiplier, m.shift);
    return static_cast<std::int8_t>(clamp(scaled + g.output_zero_point, g.act_min, g.act_max));
}

}  // namespace ctnn::kernels::reference
