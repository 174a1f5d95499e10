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
// The folded bias and requantization tables are shared with the Helium and VNNI kernels
// (kernels/arm_mve/, kernels/x86_vnni/).
#pragma once

#include <array>
#include <cstdint>
#include <iterator>

#include "ctnn/kernels/zero_point_folding.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/fully_connected_params.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/detail/dot.hpp"
#include "ctnn/kernels/portable/detail/requantize_row.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {

namespace detail {
template <class Spec>
inline constexpr auto fc_bias = folded_bias<Spec::params.out_features>(
    channel_sums<Spec, Spec::params.out_features, channel_weights{Spec::params.in_features, Spec::params.in_features, 1}>, Spec::bias,
    Spec::params.input_zero_point);
template <class Spec>
inline constexpr auto fc_requant = make_requant_table<Spec::params.per_channel ? Spec::params.out_features : 1>(
    Spec::requant, Spec::params.per_channel ? Spec::params.out_features : 1, Spec::params.output_zero_point);

// What fully_connected_s8 reads: the folded bias, the model's weights (shared: another layer
// may read the same array), and the requantization table (the plan's on 64-bit hosts, the
// layer's multipliers on 32-bit targets; one entry for a per-tensor layer, whose reads the
// compiler may fold, but which stays linked: graph/keep_constants.hpp).
template <class Spec>
constexpr linked_constants fc_constants() {
    constexpr auto& p = Spec::params;
    linked_constants c;
    if constexpr (row_requantization) c = linked_constants::of(fc_bias<Spec>, fc_requant<Spec>);
    else c = linked_constants::of(fc_bias<Spec>, Spec::requant);
    return c.and_shared(Spec::weights, std::size_t(p.in_features) * std::size_t(p.out_features));
}
}  // namespace detail

// The options change nothing here: int8 loads widen for free on these targets.
template <class Spec, kernel_options = kernel_options{}>
void fully_connected_s8(const std::int8_t* __restrict input, std::int8_t* __restrict output) {
    constexpr auto& p = Spec::params;
    constexpr int in = p.in_features;
    const std::int32_t* const bias = detail::fc_bias<Spec>.data();
    if constexpr (detail::row_requantization) {
        // Four rows per pass over x, then one vectorised requantization pass per chunk of at
        // most 128 outputs (a 512-byte accumulator row).
        constexpr int chunk = p.out_features < 128 ? p.out_features : 128;
        alignas(16) std::int32_t acc[chunk];
        for (int b = 0; b < p.batches; ++b) {
            const std::int8_t* x = input + b * in;
            for (int o0 = 0; o0 < p.out_features; o0 += chunk) {
                const int n = p.out_features - o0 < chunk ? p.out_features - o0 : chunk;
                int blocked = 0;
                if constexpr (chunk >= 4) {
                    blocked = n / 4 * 4;
                    for (int j = 0; j < blocked; j += 4) {
                        for (int k = 0; k < 4; ++k) acc[j + k] = bias[o0 + j + k];
                        detail::dot4<in>(Spec::weights + (o0 + j) * in, x, acc + j);
                    }
                }
                for (int j = blocked; j < n; ++j)
                    acc[j] = bias[o0 + j] + detail::dot1<in>(Spec::weights + (o0 + j) * in, x);
                std::int8_t* out = output + b * p.out_features + o0;
                if (n == chunk)
                    detail::requantize_row<chunk, detail::fc_requant<Spec>, p.act_min, p.act_max>(acc, out, o0);
                else
                    for (int j = 0; j < n; ++j)
                        out[j] = detail::requantize_one<detail::fc_requant<Spec>, p.act_min, p.act_max>(acc[j], o0 + j);
            }
        }
        return;
    }
    const auto* const requant = std::data(Spec::requant);
    for (int b = 0; b < p.batches; ++b) {
        const std::int8_t* x = input + b * in;
        for (int o = 0; o < p.out_features; ++o) {
            std::int32_t acc = detail::dot1<in>(Spec::weights + o * in, x) + bias[o];
            constexpr int stride = p.per_channel ? 1 : 0;
            const auto& m = requant[o * stride];
            acc = multiply_by_quantized_multiplier(acc, m.multiplier, m.shift) + p.output_zero_point;
            output[b * p.out_features + o] = static_cast<std::int8_t>(clamp(acc, p.act_min, p.act_max));
        }
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::fully_connected> : scratchless_kernel {
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte*) {
        portable::fully_connected_s8<Spec, O>(input, output);
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::detail::fc_constants<Spec>(); }
};
}  // namespace ctnn::kernels
