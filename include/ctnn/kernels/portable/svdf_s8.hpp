// SVDF int8 (int16 or int8 state), specialised at compile time.
//
// Spec requirements (all static constexpr):
//   params          : kernels::svdf_params
//   state_element   : std::int16_t or std::int8_t (the type of the time weights and the state)
//   weights_feature : const std::int8_t* [filters * input_size], row-major [filter][input]
//   weights_time    : const state_element* [filters * memory], row-major [filter][memory step]
//   bias            : const std::int32_t* [units]
//
// Both zero points are folded into per-row constants at compile time: the feature dot product
// is a plain int8 dot, and each unit's time sums start from bias[u] - zp_state * (its time
// weights' sum), modulo 2^32 as the reference sums.
// svdf_s8_with<Spec, Dot> is the driver, Dot its inner products (Dot::dot<N>(a, b) over int8
// rows, Dot::dot4<N> over four int8 rows and one x, Dot::dot<N> over int16 rows modulo 2^32): plain C++ here (svdf_plain_dot), SMLAD in
// kernels/arm_dsp/svdf_s8.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/kernels/ops.hpp"
#include "ctnn/kernels/portable/detail/dot_policy.hpp"
#include "ctnn/kernels/reference/svdf_s8.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {

namespace detail {
// -zp_in * sum_i wf[f][i]: the input zero point's share of filter f's dot product.
template <class Spec>
inline constexpr auto svdf_feature_offset = [] {
    constexpr auto& p = Spec::params;
    std::array<std::int32_t, std::size_t(p.filters)> a{};
    for (int f = 0; f < p.filters; ++f) {
        std::int32_t sum = 0;
        for (int i = 0; i < p.input_size; ++i) sum += Spec::weights_feature[f * p.input_size + i];
        a[std::size_t(f)] = -p.input_zero_point * sum;
    }
    return a;
}();
// bias[u] - zp_state * sum_{r, j} wt[u * rank + r][j], modulo 2^32.
template <class Spec>
inline constexpr auto svdf_unit_offset = [] {
    constexpr auto& p = Spec::params;
    std::array<std::int32_t, std::size_t(p.units)> a{};
    for (int u = 0; u < p.units; ++u) {
        std::uint32_t acc = static_cast<std::uint32_t>(Spec::bias[u]);
        for (int k = 0; k < p.rank * p.memory; ++k) {
            acc -= static_cast<std::uint32_t>(p.state_zero_point * std::int32_t{Spec::weights_time[u * p.rank * p.memory + k]});
        }
        a[std::size_t(u)] = static_cast<std::int32_t>(acc);
    }
    return a;
}();

// The state one element to the front: a word at a time, each word read from `step` bytes ahead
// before it is written (a forward copy: the bytes a later word reads are not yet written).
template <std::size_t Bytes, std::size_t Step>
inline void svdf_age_state(unsigned char* s) noexcept {
    constexpr std::size_t n = Bytes - Step;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        std::uint32_t w;
        std::memcpy(&w, s + i + Step, 4);
        std::memcpy(s + i, &w, 4);
    }
    for (; i < n; ++i) s[i] = s[i + Step];
}

template <class Spec>
constexpr linked_constants svdf_constants() {
    constexpr auto& p = Spec::params;
    return linked_constants::of(svdf_feature_offset<Spec>, svdf_unit_offset<Spec>)
        .and_shared(Spec::weights_feature, std::size_t(p.filters) * std::size_t(p.input_size))
        .and_shared(Spec::weights_time, std::size_t(p.filters) * std::size_t(p.memory) * sizeof(typename Spec::state_element));
}
}  // namespace detail

// The portable inner products: int8 rows as every portable driver's (plain_dot), int16 rows with
// int32 products summed modulo 2^32.
struct svdf_plain_dot : detail::plain_dot {
    using detail::plain_dot::dot;
    // Four rows of N at w (row r at w + r N) with one x: acc[r] += their dot products.
    template <int N>
    static void dot4(const std::int8_t* w, const std::int8_t* x, std::int32_t* acc) noexcept { detail::dot4<N>(w, x, acc); }
    template <int N>
    static std::int32_t dot(const std::int16_t* a, const std::int16_t* b) noexcept {
        std::uint32_t acc = 0;
        for (int k = 0; k < N; ++k) acc += static_cast<std::uint32_t>(std::int32_t{a[k]} * std::int32_t{b[k]});
        return static_cast<std::int32_t>(acc);
    }
};

template <class Spec, class Dot>
void svdf_s8_with(const std::int8_t* __restrict input, std::int8_t* __restrict output, typename Spec::state_element* __restrict state) {
    using State = typename Spec::state_element;
    constexpr auto& p = Spec::params;
    constexpr int in = p.input_size, memory = p.memory;
    constexpr std::size_t state_size = std::size_t(p.batches) * std::size_t(p.filters) * std::size_t(memory);
    detail::svdf_age_state<state_size * sizeof(State), sizeof(State)>(reinterpret_cast<unsigned char*>(state));

    const std::int32_t* const feature_offset = detail::svdf_feature_offset<Spec>.data();
    for (int b = 0; b < p.batches; ++b) {
        const std::int8_t* x = input + b * in;
        State* newest = state + std::size_t(b) * std::size_t(p.filters) * memory + (memory - 1);
        const auto store = [&](int f, std::int32_t dot) {
            const std::int32_t scaled = multiply_by_quantized_multiplier(dot, p.feature_multiplier.multiplier, p.feature_multiplier.shift);
            newest[f * memory] = reference::svdf_narrow_state<State>(scaled, p);
        };
        int f = 0;
        for (; f + 4 <= p.filters; f += 4) {  // four filters per pass over x
            std::int32_t acc[4] = {feature_offset[f], feature_offset[f + 1], feature_offset[f + 2], feature_offset[f + 3]};
            Dot::template dot4<in>(Spec::weights_feature + f * in, x, acc);
            for (int k = 0; k < 4; ++k) store(f + k, acc[k]);
        }
        for (; f < p.filters; ++f) store(f, Dot::template dot<in>(Spec::weights_feature + f * in, x) + feature_offset[f]);
    }

    const std::int32_t* const unit_offset = detail::svdf_unit_offset<Spec>.data();
    constexpr int row = p.rank * memory;  // a unit's time weights and state: rank rows of memory steps, contiguous
    for (int b = 0; b < p.batches; ++b) {
        const State* s = state + std::size_t(b) * std::size_t(p.filters) * memory;
        for (int u = 0; u < p.units; ++u) {
            const std::uint32_t acc = static_cast<std::uint32_t>(unit_offset[u]) +
                                      static_cast<std::uint32_t>(Dot::template dot<row>(Spec::weights_time + u * row, s + u * row));
            const std::int32_t scaled = multiply_by_quantized_multiplier(static_cast<std::int32_t>(acc), p.output_multiplier.multiplier,
                                                                         p.output_multiplier.shift) + p.output_zero_point;
            output[b * p.units + u] = static_cast<std::int8_t>(clamp(scaled, -128, 127));
        }
    }
}

template <class Spec, kernel_options = kernel_options{}>
void svdf_s8(const std::int8_t* input, std::int8_t* output, typename Spec::state_element* state) {
    svdf_s8_with<Spec, svdf_plain_dot>(input, output, state);
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::svdf> : scratchless_kernel {
    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, typename Spec::state_element* state, std::byte*) {
        portable::svdf_s8<Spec, O>(input, output, state);
    }
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::detail::svdf_constants<Spec>(); }
};
}  // namespace ctnn::kernels
