// TRANSPOSE_CONV int8, specialised at compile time; bit-exact with reference::transpose_conv2d_s8.
//
// Spec requirements (all static constexpr):
//   params   : kernels::transpose_conv_params
//   weights  : const std::int8_t*, OHWI
//   bias     : const std::int32_t*, out_c entries
//   requant  : std::array<quantized_multiplier, out_c>
//
// How: each output pixel gathers the taps that reach it (kernels::taps_of, per axis: the taps
// one stride apart). A tap's contribution is a plain int8 dot product of an input pixel with a
// weight row minus zp_in times that row's sum, which is a compile-time table: no per-element
// zero point subtraction. No scratch (see the reference for why the sums equal TFLM's).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/dot_policy.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/transpose_conv_params.hpp"
#include "ctnn/kernels/zero_point_folding.hpp"

namespace ctnn::kernels::portable {

namespace detail {
// zp_in * (sum of weight row [oc][ky][kx]), one per row.
template <class Spec>
inline constexpr auto transpose_conv_zero_point_rows = [] {
    constexpr auto& p = Spec::params;
    std::array<std::int32_t, std::size_t(p.out_c) * p.kernel_h * p.kernel_w> rows{};
    for (int r = 0; r < p.out_c * p.kernel_h * p.kernel_w; ++r)
        rows[static_cast<std::size_t>(r)] = p.input_zero_point * weight_sum(Spec::weights, r, {p.in_c, p.in_c, 1});
    return rows;
}();
}  // namespace detail

// The driver, with the dot product of the kernel set's choice (portable/detail/dot_policy.hpp).
template <class Spec, class Dot>
void transpose_conv2d_s8_with(const std::int8_t* __restrict input, std::int8_t* __restrict output) {
    constexpr auto& p = Spec::params;
    static_assert(p.in_c > 0 && p.out_c > 0 && p.kernel_h > 0 && p.kernel_w > 0 && p.stride_h > 0 && p.stride_w > 0,
                  "ctnn: transpose_conv2d_s8 needs a non-empty kernel and positive strides");
    constexpr const auto& zp_rows = detail::transpose_conv_zero_point_rows<Spec>;
    for (int b = 0; b < p.batches; ++b) {
        const std::int8_t* const in = input + b * p.in_h * p.in_w * p.in_c;
        for (int oy = 0; oy < p.out_h; ++oy) {
            const transpose_taps ty = taps_of(oy, p.pad_top, p.stride_h, p.kernel_h, p.in_h);
            for (int ox = 0; ox < p.out_w; ++ox) {
                const transpose_taps tx = taps_of(ox, p.pad_left, p.stride_w, p.kernel_w, p.in_w);
                std::int8_t* const out = output + ((b * p.out_h + oy) * p.out_w + ox) * p.out_c;
                for (int oc = 0; oc < p.out_c; ++oc) {
                    std::int32_t acc = Spec::bias[oc];
                    for (int a = 0; a < ty.count; ++a) {
                        const int ky = ty.first_k - a * p.stride_h, iy = ty.first_i + a;
                        for (int c = 0; c < tx.count; ++c) {
                            const int kx = tx.first_k - c * p.stride_w, ix = tx.first_i + c;
                            const int row = (oc * p.kernel_h + ky) * p.kernel_w + kx;
                            acc += Dot::template dot<p.in_c>(Spec::weights + row * p.in_c, in + (iy * p.in_w + ix) * p.in_c) - zp_rows[row];
                        }
                    }
                    out[oc] = detail::requantize(acc, Spec::requant[oc], p.output_zero_point, p.act_min, p.act_max);
                }
            }
        }
    }
}

template <class Spec>
void transpose_conv2d_s8(const std::int8_t* input, std::int8_t* output) {
    transpose_conv2d_s8_with<Spec, detail::plain_dot>(input, output);
}

// What the kernel links: its zero-point rows and multipliers; the model's weights and bias
// (shared: another layer may read them).
template <class Spec>
constexpr linked_constants transpose_conv2d_constants() {
    constexpr auto& p = Spec::params;
    return linked_constants::of(detail::transpose_conv_zero_point_rows<Spec>, Spec::requant)
        .and_shared(Spec::weights, std::size_t(p.out_c) * p.kernel_h * p.kernel_w * p.in_c)
        .and_shared(Spec::bias, std::size_t(p.out_c) * sizeof(std::int32_t));
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::transpose_conv2d> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte*) { portable::transpose_conv2d_s8<Spec>(input, output); }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::transpose_conv2d_constants<Spec>(); }
};
}  // namespace ctnn::kernels
