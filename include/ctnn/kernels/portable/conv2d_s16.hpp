// CONV_2D 16x8 (int16 activations, int8 OHWI weights, int32 or int64 bias), specialised at
// compile time; bit-exact with reference::conv2d_s16.
//
// Spec requirements (all static constexpr):
//   geometry : kernels::conv_geometry (zero points 0, the int16 clamp)
//   weights  : const std::int8_t*, OHWI
//   bias     : const Acc*, out_c entries; Acc (int32 or int64) is TFLite's accumulator
//   requant  : std::array<quantized_multiplier, out_c>
//
// How: per output pixel, the taps inside the input (padding skipped), a dot product of in_c
// int16 values with each channel's weight row in the narrowest exact partial sum
// (detail/dot_16x8.hpp), then the bias at the accumulator's width and TFLite's requantization.
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

// The driver, with the dot product of the kernel set's choice (Dot::dot<Spec, Partial, in_c>(row, x),
// row = (oc * kernel_h + ky) * kernel_w + kx).
template <class Spec, class Dot>
void conv2d_s16_rows_with(const std::int16_t* __restrict input, std::int16_t* __restrict output, int y_begin, int y_end) {
    constexpr auto& g = Spec::geometry;
    using acc_t = std::remove_cv_t<std::remove_pointer_t<decltype(Spec::bias)>>;
    constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
    using partial = detail::partial_sum_16x8<detail::products_bound_16x8(Spec::weights, g.out_c, depth, depth, 1)>;
    for (int oy = y_begin; oy < y_end; ++oy) {
        const int y0 = oy * g.stride_h - g.pad_top;
        for (int ox = 0; ox < g.out_w; ++ox) {
            const int x0 = ox * g.stride_w - g.pad_left;
            std::int16_t* const out = output + ((oy - y_begin) * g.out_w + ox) * g.out_c;
            for (int oc = 0; oc < g.out_c; ++oc) {
                partial sum = 0;
                for (int ky = 0; ky < g.kernel_h; ++ky) {
                    const int iy = y0 + ky * g.dilation_h;
                    if (iy < 0 || iy >= g.in_h) continue;
                    for (int kx = 0; kx < g.kernel_w; ++kx) {
                        const int ix = x0 + kx * g.dilation_w;
                        if (ix < 0 || ix >= g.in_w) continue;
                        sum += Dot::template dot<Spec, partial, g.in_c>((oc * g.kernel_h + ky) * g.kernel_w + kx, input + (iy * g.in_w + ix) * g.in_c);
                    }
                }
                const acc_t acc = static_cast<acc_t>(sum) + Spec::bias[oc];
                out[oc] = requantize_16x8(acc, Spec::requant[oc].multiplier, Spec::requant[oc].shift, g.act_min, g.act_max);
            }
        }
    }
}

template <class Spec>
void conv2d_s16_rows(const std::int16_t* input, std::int16_t* output, int y_begin, int y_end) {
    conv2d_s16_rows_with<Spec, detail::plain_dot_16x8>(input, output, y_begin, y_end);
}

// What the kernel links: its multipliers; the model's weights and bias (shared).
template <class Spec>
constexpr linked_constants conv2d_s16_constants() {
    constexpr auto& g = Spec::geometry;
    return linked_constants::of(Spec::requant)
        .and_shared(Spec::weights, std::size_t(g.out_c) * g.kernel_h * g.kernel_w * g.in_c)
        .and_shared(Spec::bias, std::size_t(g.out_c) * sizeof(*Spec::bias));
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::conv2d_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output, std::byte*) {
        portable::conv2d_s16_rows<Spec>(input, output, 0, Spec::geometry.out_h);
    }
    // Output rows [y_begin, y_end), written from `output` on (residual fusion).
    template <class Spec, kernel_options>
    static void run_rows(const std::int16_t* input, std::int16_t* output, int y_begin, int y_end, std::byte*) {
        portable::conv2d_s16_rows<Spec>(input, output, y_begin, y_end);
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::conv2d_s16_constants<Spec>(); }
};
}  // namespace ctnn::kernels
