// UNIDIRECTIONAL_SEQUENCE_LSTM on compile-time parameters: the reference kernel's steps
// (kernels/reference/lstm_s8.hpp) with the input and hidden zero points folded into per-row
// constants, so each gate's two products are plain int8 dot products (int16 activations: int16 x
// int8 products summed in int64).
//
// Spec provides:
//   params   : kernels::lstm_params
//   element  : the activations' type, std::int8_t or std::int16_t
//   weights  : the layer's W (input_weights [4 U I], recurrent_weights [4 U U], bias [4 U],
//              gates in TFLite's order: input, forget, cell, output)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/dot_policy.hpp"
#include "ctnn/kernels/reference/lstm_s8.hpp"

namespace ctnn::kernels::portable {

namespace detail {

// Per gate and unit: bias - input_zp * sum(W row) (the input FC) and -hidden_zp * sum(R row)
// (the recurrent FC), in wrapping arithmetic as the reference's int32 sum. int16 activations
// have no zero points: the bias as it is (int64), and 0.
template <class Spec>
inline constexpr auto lstm_folded_bias = [] {
    constexpr lstm_params p = Spec::params;
    constexpr int U = p.units, I = p.input_size;
    using W = typename Spec::weights;
    using Bias = lstm_bias_t<typename Spec::element>;
    std::array<Bias, std::size_t(2 * lstm_gates * U)> out{};
    for (int row = 0; row < lstm_gates * U; ++row) {
        if constexpr (sizeof(typename Spec::element) == 2) {
            out[std::size_t(row)] = W::bias[row];
            out[std::size_t(lstm_gates * U + row)] = 0;
            continue;
        }
        std::int32_t in_sum = 0, rec_sum = 0;
        for (int k = 0; k < I; ++k) in_sum += W::input_weights[row * I + k];
        for (int k = 0; k < U; ++k) rec_sum += W::recurrent_weights[row * U + k];
        const auto in_term = static_cast<std::uint32_t>(W::bias[row]) - static_cast<std::uint32_t>(p.input_zero_point) * static_cast<std::uint32_t>(in_sum);
        out[std::size_t(row)] = static_cast<std::int32_t>(in_term);
        out[std::size_t(lstm_gates * U + row)] =
            static_cast<std::int32_t>(0u - static_cast<std::uint32_t>(p.hidden_zero_point) * static_cast<std::uint32_t>(rec_sum));
    }
    return out;
}();


inline std::int16_t fc_to_s16(std::int32_t folded, std::int32_t dot, quantized_multiplier m) noexcept {
    const auto acc = static_cast<std::int32_t>(static_cast<std::uint32_t>(folded) + static_cast<std::uint32_t>(dot));
    return saturate_to_int16(multiply_by_quantized_multiplier(acc, m.multiplier, m.shift));
}
inline std::int16_t fc_to_s16(std::int64_t bias, std::int64_t dot, quantized_multiplier m) noexcept {
    return saturate_to_int16(multiply_by_quantized_multiplier_s64(bias + dot, m.multiplier, m.shift));
}

// int16 activations: int16 x int8 products summed in int64, as TFLite's int16 FC.
template <int N>
inline std::int64_t dot_s16(const std::int8_t* __restrict w, const std::int16_t* __restrict x) noexcept {
    std::int64_t acc = 0;
    for (int k = 0; k < N; ++k) acc += std::int32_t{w[k]} * std::int32_t{x[k]};
    return acc;
}

// The four gates' dot products of one unit: rows w, w + stride, w + 2 stride, w + 3 stride, each
// N weights, against x. From a plain Dot policy (dot<N>, portable/detail/dot_policy.hpp); a
// kernel set may give its own that reads x once for the four (arm_dsp/lstm_s8.hpp).
template <class Dot>
struct gates_dot {
    template <int N>
    static void dot4(const std::int8_t* w, int stride, const std::int8_t* x, std::int32_t* out) noexcept {
        for (int g = 0; g < lstm_gates; ++g) out[g] = Dot::template dot<N>(w + g * stride, x);
    }
};

template <class Spec, class Dot, class A>
void lstm_step(const A* __restrict x, A* __restrict y, A* __restrict hidden, std::int16_t* __restrict cell, int rows) noexcept {
    constexpr lstm_params p = Spec::params;
    constexpr int U = p.units, I = p.input_size;
    using W = typename Spec::weights;
    using Acc = lstm_bias_t<A>;
    const Acc* const folded = lstm_folded_bias<Spec>.data();
    for (int r = 0; r < rows; ++r) {
        const A* const xr = x + r * I;
        const A* const hr = hidden + r * U;
        for (int j = 0; j < U; ++j) {
            // Unit j's row of each gate, against the same input and hidden rows.
            Acc from_input[lstm_gates], from_hidden[lstm_gates];
            if constexpr (sizeof(A) == 1) {
                Dot::template dot4<I>(W::input_weights + j * I, U * I, xr, from_input);
                Dot::template dot4<U>(W::recurrent_weights + j * U, U * U, hr, from_hidden);
            } else {
                for (int g = 0; g < lstm_gates; ++g) {
                    from_input[g] = dot_s16<I>(W::input_weights + (g * U + j) * I, xr);
                    from_hidden[g] = dot_s16<U>(W::recurrent_weights + (g * U + j) * U, hr);
                }
            }
            std::int16_t gate[lstm_gates];
            for (int g = 0; g < lstm_gates; ++g) {
                const int row = g * U + j;
                const std::int16_t a = fc_to_s16(folded[row], from_input[g], p.input_fc[g]);
                const std::int16_t b = fc_to_s16(folded[lstm_gates * U + row], from_hidden[g], p.recurrent_fc[g]);
                const std::int16_t sum = saturate_to_int16(std::int32_t{a} + b);
                gate[g] = g == 2 ? lstm_tanh_s16(sum) : lstm_sigmoid_s16(sum);
            }
            std::int16_t& c = cell[r * U + j];
            c = kernels::detail::lstm_cell_update(c, gate[1], gate[0], gate[2], p);
            y[r * U + j] = kernels::detail::lstm_hidden<A>(c, gate[3], p);
        }
    }
    for (int i = 0; i < rows * U; ++i) hidden[i] = y[i];
}

}  // namespace detail

// Dot: the gates' dot products, dot4<N> (detail::gates_dot over a plain policy; the Arm DSP set
// passes its own).
template <class Spec, class Dot = detail::gates_dot<detail::plain_dot>, class A>
void lstm(const A* input, A* output, std::byte* state) noexcept {
    constexpr lstm_params p = Spec::params;
    constexpr int I = p.input_size, U = p.units, T = p.time_steps, B = p.batch;
    auto* const cell = reinterpret_cast<std::int16_t*>(state);
    auto* const hidden = reinterpret_cast<A*>(state + 2 * B * U);
    if constexpr (p.time_major) {
        for (int t = 0; t < T; ++t) detail::lstm_step<Spec, Dot>(input + t * B * I, output + t * B * U, hidden, cell, B);
    } else {
        for (int b = 0; b < B; ++b)
            for (int t = 0; t < T; ++t)
                detail::lstm_step<Spec, Dot>(input + (b * T + t) * I, output + (b * T + t) * U, hidden + b * U, cell + b * U, 1);
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::unidirectional_sequence_lstm> : scratchless_kernel {
    template <class Spec, kernel_options, class A>
    static void run(const A* input, A* output, std::byte* state, std::byte*) {
        portable::lstm<Spec>(input, output, state);
    }
    // The model's weights and the folded row constants (the bias array itself is not read), and
    // the sigmoid table every LSTM (and int16 activation) shares.
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() {
        using W = typename Spec::weights;
        return linked_constants::of(W::input_weights, W::recurrent_weights, portable::detail::lstm_folded_bias<Spec>)
            .and_shared(sigmoid_table_u16);
    }
};
}  // namespace ctnn::kernels
