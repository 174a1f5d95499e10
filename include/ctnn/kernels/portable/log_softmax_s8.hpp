// Portable LOG_SOFTMAX int8 -> int8, bit-exact with reference/log_softmax_s8.hpp. Its exps are
// SOFTMAX's at beta 1 (the same multiplier, shift and radius): read from SOFTMAX's compile-time
// table (portable/softmax_s8.hpp, shared with any SOFTMAX layer on the same input scale) in
// layers of 256 elements or more, computed below that, as SOFTMAX's kernel does. Per row: the
// maximum, the sum of exps, one log, then one rescale and shift per element. In place: a row is
// read whole before any of it is written.
#pragma once

#include <cstdint>
#include <limits>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/softmax_s8.hpp"
#include "ctnn/kernels/reference/log_softmax_s8.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_functions.hpp"

namespace ctnn::kernels::portable {

template <log_softmax_params P>
void log_softmax_s8(const std::int8_t* input, std::int8_t* output) {
    constexpr auto exp_of = softmax_exp_of<P.input_multiplier, P.input_left_shift, P.diff_min, softmax_uses_table(P.rows, P.depth)>;
    constexpr int input_bits = 5, accumulation_bits = 12, output_bits = 4;
    for (int r = 0; r < P.rows; ++r) {
        const std::int8_t* x = input + r * P.depth;
        std::int8_t* y = output + r * P.depth;
        std::int32_t row_max = -128;
        for (int c = 0; c < P.depth; ++c) row_max = x[c] > row_max ? x[c] : row_max;
        std::int32_t sum_of_exps = 0;  // Q12.19
        for (int c = 0; c < P.depth; ++c) {
            sum_of_exps = fixed::add(sum_of_exps, fixed::rescale(exp_of(row_max - x[c]), 0, accumulation_bits));
        }
        const std::int32_t log_sum = fixed::log_x_for_x_at_least_1(sum_of_exps, accumulation_bits, input_bits);
        const std::int32_t reverse = multiply_by_quantized_multiplier(log_sum + std::numeric_limits<std::int32_t>::min(),
                                                                      P.reverse_scaling.multiplier, P.reverse_scaling.shift);
        const std::int32_t adjusted_diff_min = P.diff_min - 1 > reverse ? P.diff_min - 1 : reverse;
        for (int c = 0; c < P.depth; ++c) {
            const std::int32_t diff = std::int32_t{x[c]} - row_max;
            const std::int32_t scaled = multiply_by_quantized_multiplier(diff, P.input_multiplier, P.input_left_shift);
            const std::int32_t out = rounding_divide_by_pot(scaled - log_sum, 31 - input_bits - output_bits) + 127;
            y[c] = diff > adjusted_diff_min ? saturate_to_int8(out) : std::int8_t{-128};
        }
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::log_softmax> : provided_kernel {
    template <log_softmax_params P>
    static void run(const std::int8_t* input, std::int8_t* output) { portable::log_softmax_s8<P>(input, output); }
    // SOFTMAX's exp table at beta 1 when the layer uses one, shared with every layer on the same input scale.
    template <log_softmax_params P>
    static constexpr linked_constants constants() {
        if constexpr (!portable::softmax_uses_table(P.rows, P.depth)) return {};
        else return linked_constants{}.and_shared(portable::softmax_exp<P.input_multiplier, P.input_left_shift, P.diff_min>);
    }
};
}  // namespace ctnn::kernels
