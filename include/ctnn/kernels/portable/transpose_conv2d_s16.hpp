// TRANSPOSE_CONV 16x8 (int16 activations, int8 OHWI weights, int64 bias), specialised at compile
// time; bit-exact with reference::transpose_conv2d_s16.
//
// Spec requirements (all static constexpr): params (kernels::transpose_conv_params, zero points
// 0, the int16 clamp), weights (const std::int8_t*, OHWI), bias (const std::int64_t*, out_c
// entries), requant (out_c multipliers).
//
// How: each output pixel gathers the taps that reach it (kernels::taps_of), a dot product of an
// input pixel with a weight row each, in the narrowest exact partial sum (detail/dot_16x8.hpp);
// the sum is TFLM's scattered int64 cell, whatever the order. No scratch.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/dot_16x8.hpp"
#include "ctnn/kernels/transpose_conv_params.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {

// The driver, with the dot product of the kernel set's choice (Dot::dot<Spec, Partial, in_c>(row, x),
// row = (oc * kernel_h + ky) * kernel_w + kx).
template <class Spec, class Dot>
void transpose_conv2d_s16_with(const std::int16_t* __restrict input, std::int16_t* __restrict output) {
    constexpr auto& p = Spec::params;
    static_assert(p.in_c > 0 && p.out_c > 0 && p.kernel_h > 0 && p.kernel_w > 0 && p.stride_h > 0 && p.stride_w > 0,
                  "ctnn: transpose_conv2d_s16 needs a non-empty kernel and positive strides");
    constexpr int depth = p.kernel_h * p.kernel_w * p.in_c;
    using partial = detail::partial_sum_16x8<detail::products_bound_16x8(Spec::weights, p.out_c, depth, depth, 1)>;
    for (int b = 0; b < p.batches; ++b) {
        const std::int16_t* const in = input + b * p.in_h * p.in_w * p.in_c;
        for (int oy = 0; oy < p.out_h; ++oy) {
            const transpose_taps ty = taps_of(oy, p.pad_top, p.stride_h, p.kernel_h, p.in_h);
            for (int ox = 0; ox < p.out_w; ++ox) {
                const transpose_taps tx = taps_of(ox, p.pad_left, p.stride_w, p.kernel_w, p.in_w);
                std::int16_t* const out = output + ((b * p.out_h + oy) * p.out_w + ox) * p.out_c;
                for (int oc = 0; oc < p.out_c; ++oc) {
                    partial sum = 0;
                    for (int a = 0; a < ty.count; ++a) {
                        const int ky = ty.first_k - a * p.stride_h, iy = ty.first_i + a;
                        for (int c = 0; c < tx.count; ++c) {
                            const int kx = tx.first_k - c * p.stride_w, ix = tx.first_i + c;
                            sum += Dot::template dot<Spec, partial, p.in_c>((oc * p.kernel_h + ky) * p.kernel_w + kx, in + (iy * p.in_w + ix) * p.in_c);
                        }
                    }
                    const std::int64_t acc = std::int64_t{sum} + Spec::bias[oc];
                    out[oc] = requantize_16x8(acc, Spec::requant[oc].multiplier, Spec::requant[oc].shift, p.act_min, p.act_max);
                }
            }
        }
    }
}

template <class Spec>
void transpose_conv2d_s16(const std::int16_t* input, std::int16_t* output) {
    transpose_conv2d_s16_with<Spec, detail::plain_dot_16x8>(input, output);
}

// What the kernel links: its multipliers; the model's weights and bias (shared).
template <class Spec>
constexpr linked_constants transpose_conv2d_s16_constants() {
    constexpr auto& p = Spec::params;
    return linked_constants::of(Spec::requant)
        .and_shared(Spec::weights, std::size_t(p.out_c) * p.kernel_h * p.kernel_w * p.in_c)
        .and_shared(Spec::bias, std::size_t(p.out_c) * sizeof(std::int64_t));
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::transpose_conv2d_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output, std::byte*) { portable::transpose_conv2d_s16<Spec>(input, output); }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::transpose_conv2d_s16_constants<Spec>(); }
};
}  // namespace ctnn::kernels
