// FULLY_CONNECTED 16x8 (int16 input, int8 weights [out, in], int32 or int64 bias), specialised at
// compile time; bit-exact with reference::fully_connected_s16.
//
// Spec requirements (all static constexpr): params (kernels::fully_connected_params, zero
// points 0, the int16 clamp), weights (const std::int8_t*), bias (const Acc*, Acc int32 or
// int64: TFLite's accumulator), requant (out_features multipliers, or one when per tensor).
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "ctnn/kernels/fully_connected_params.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/dot_16x8.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {

// The driver, with the dot product of the kernel set's choice (Dot::dot<Spec, Partial, in>(o, x)).
template <class Spec, class Dot>
void fully_connected_s16_with(const std::int16_t* __restrict input, std::int16_t* __restrict output) {
    constexpr auto& p = Spec::params;
    using acc_t = std::remove_cv_t<std::remove_pointer_t<decltype(Spec::bias)>>;
    using partial = detail::partial_sum_16x8<detail::products_bound_16x8(Spec::weights, p.out_features, p.in_features, p.in_features, 1)>;
    for (int b = 0; b < p.batches; ++b) {
        const std::int16_t* const x = input + b * p.in_features;
        for (int o = 0; o < p.out_features; ++o) {
            const acc_t acc = static_cast<acc_t>(Dot::template dot<Spec, partial, p.in_features>(o, x)) + Spec::bias[o];
            const auto& m = Spec::requant[p.per_channel ? o : 0];
            output[b * p.out_features + o] = requantize_16x8(acc, m.multiplier, m.shift, p.act_min, p.act_max);
        }
    }
}

template <class Spec>
void fully_connected_s16(const std::int16_t* input, std::int16_t* output) {
    fully_connected_s16_with<Spec, detail::plain_dot_16x8>(input, output);
}

// What the kernel links: its multipliers; the model's weights and bias (shared).
template <class Spec>
constexpr linked_constants fully_connected_s16_constants() {
    constexpr auto& p = Spec::params;
    return linked_constants::of(Spec::requant)
        .and_shared(Spec::weights, std::size_t(p.out_features) * p.in_features)
        .and_shared(Spec::bias, std::size_t(p.out_features) * sizeof(*Spec::bias));
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::fully_connected_s16> : scratchless_kernel {
    template <class Spec, kernel_options>
    static void run(const std::int16_t* input, std::int16_t* output, std::byte*) { portable::fully_connected_s16<Spec>(input, output); }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::fully_connected_s16_constants<Spec>(); }
};
}  // namespace ctnn::kernels
