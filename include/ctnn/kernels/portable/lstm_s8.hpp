// UNIDIRECTIONAL_SEQUENCE_LSTM int8 on compile-time parameters: the reference kernel's steps
// (kernels/reference/lstm_s8.hpp) with the input and hidden zero points folded into per-row
// constants, so each gate's two products are plain int8 dot products.
//
// Spec provides:
//   params   : kernels::lstm_params
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
// (the recurrent FC), in wrapping arithmetic as the reference's int32 sum.
template <class Spec>
inline constexpr auto lstm_folded_bias = [] {
    constexpr lstm_params p = Spec::params;
    constexpr int U = p.units, I = p.input_size;
    using W = typename Spec::weights;
    std::array<std::int32_t, std::size_t(2 * lstm_gates * U)> out{};
    for (int row = 0; row < lstm_gates * U; ++row) {
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

template <class Spec, class Dot>
void lstm_step(const std::int8_t* __restrict x, std::int8_t* __restrict y, std::int8_t* __restrict hidden,
               std::int16_t* __restrict cell, int rows) noexcept {
    constexpr lstm_params p = Spec::params;
    constexpr int U = p.units, I = p.input_size;
    using W = typename Spec::weights;
    const std::int32_t* const folded = lstm_folded_bias<Spec>.data();
    for (int r = 0; r < rows; ++r) {
        const std::int8_t* const xr = x + r * I;
        const std::int8_t* const hr = hidden + r * U;
        for (int j = 0; j < U; ++j) {
            // Unit j's row of each gate, against the same input and hidden rows.
            std::int32_t from_input[lstm_gates], from_hidden[lstm_gates];
            Dot::template dot4<I>(W::input_weights + j * I, U * I, xr, from_input);
            Dot::template dot4<U>(W::recurrent_weights + j * U, U * U, hr, from_hidden);
            std::int16_t gate[lstm_gates];
            for (int g = 0; g < lstm_gates; ++g) {
                const int row = g * U + j;
                const std::int16_t a = fc_to_s16(folded[row], from_input[g], p.input_fc[g]);
                const std::int16_t b = fc_to_s16(folded[lstm_gates * U + row], from_hidden[g], p.recurrent_fc[g]);
                const std::int16_t sum = saturate_to_int16(std::int32_t{a} + b);
                gate[g] = g == 2 ? tanh_s16(sum) : sigmoid_s16(sum);
            }
            std::int16_t& c = cell[r * U + j];
            c = kernels::detail::lstm_cell_update(c, gate[1], gate[0], gate[2], p);
            y[r * U + j] = kernels::detail::lstm_hidden(c, gate[3], p);
        }
    }
    for (int i = 0; i < rows * U; ++i) hidden[i] = y[i];
}

}  // namespace detail

// Dot: the gates' dot products, dot4<N> (detail::gates_dot over a plain policy; the Arm DSP set
// passes its own).
template <class Spec, class Dot = detail::gates_dot<detail::plain_dot>>
void lstm_s8(const std::int8_t* input, std::int8_t* output, std::byte* state) noexcept {
    constexpr lstm_params p = Spec::params;
    constexpr int I = p.input_size, U = p.units, T = p.time_steps, B = p.batch;
    auto* const cell = reinterpret_cast<std::int16_t*>(state);
    auto* const hidden = reinterpret_cast<std::int8_t*>(state + 2 * B * U);
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
    template <class Spec, kernel_options>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* state, std::byte*) {
        portable::lstm_s8<Spec>(input, output, state);
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
