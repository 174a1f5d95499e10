// DEPTHWISE_CONV_2D 16x8 (int16 activations, int8 1HWC weights, int64 bias), specialised at
// compile time; bit-exact with reference::depthwise_conv2d_s16.
//
// Spec requirements (all static constexpr): geometry (kernels::conv_geometry), weights (const
// std::int8_t*, 1HWC), bias (const std::int64_t*, out_c entries), requant (out_c multipliers).
//
// How: per output pixel and channel, the taps inside the input in the narrowest exact partial
// sum (detail/dot_16x8.hpp), then the bias in int64 and TFLite's int64 requantization.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/dot_16x8.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {

template <class Spec>
void depthwise_conv2d_s16(const std::int16_t* __restrict input, std::int16_t* __restrict output) {
    constexpr auto& g = Spec::geometry;
    using acc_t = std::remove_cv_t<std::remove_pointer_t<decltype(Spec::bias)>>;
    using partial = detail::partial_sum_16x8<detail::products_bound_16x8(Spec::weights, g.out_c, g.kernel_h * g.kernel_w, 1, g.out_c)>;
    for (int oy = 0; oy < g.out_h; ++oy) {
        const int y0 = oy * g.stride_h - g.pad_top;
        for (int ox = 0; ox < g.out_w; ++ox) {
            const int x0 = ox * g.stride_w - g.pad_left;
            std::int16_t* const out = output + (oy * g.out_w + ox) * g.out_c;
            for (int oc = 0; oc < g.out_c; ++oc) {
                const int ic = oc / g.depth_multiplier;
                partial sum = 0;
                for (int ky = 0; ky < g.kernel_h; ++ky) {
                    const int iy = y0 + ky * g.dilation_h;
                    if (iy < 0 || iy >= g.in_h) continue;
                    for (int kx = 0; kx < g.kernel_w; ++kx) {
                        const int ix = x0 + kx * g.dilation_w;
                        if (ix < 0 || ix >= g.in_w) continue;
                        sum += partial{Spec::weights[(ky * g.kernel_w + kx) * g.out_c + oc]} * partial{input[(iy * g.in_w + ix) * g.in_c + ic]};
                    }
                }
                const acc_t acc = static_cast<acc_t>(sum) + Spec::bias[oc];
                out[oc] = requantize_16x8(acc, Spec::requant[oc].multiplier, Spec::requant[oc].shift, g.act_min, g.act_max);
            }
        }
    }
}

// What the kernel links: its multipliers; the model's weights and bias (shared).
template <class Spec>
constexpr linked_constants depthwise_conv2d_s16_constants() {
    constexpr auto& g = Spec::geometry;
    return linked_constants::of(Spec::requant)
        .and_shared(Spec::weights, std::size_t(g.out_c) * g.kernel_h * g.kernel_w)
        .and_shared(Spec::bias, std::size_t(g.out_c) * sizeof(*Spec::bias));
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::depthwise_conv2d_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output) { portable::depthwise_conv2d_s16<Spec>(input, output); }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::depthwise_conv2d_s16_constants<Spec>(); }
};
}  // namespace ctnn::kernels
