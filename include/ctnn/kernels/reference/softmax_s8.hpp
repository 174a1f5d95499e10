// Reference SOFTMAX int8 -> int8 (or int16, TFLite's int8-in int16-out form): per row, exp of
// (x - max) in fixed point, their sum, its reciprocal, each output the product rescaled to
// [0, 256) and shifted by -128 (int16: to [0, 65536), shifted by -32768).
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/softmax_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_math.hpp"

namespace ctnn::kernels {

// The shift from exp / sum (Q0.31) to the output's 1/256 steps. TFLite checks it is at most 31
// and stops otherwise: a row whose sum of exps reaches 512 (long rows of near-equal values;
// never below 512 elements). ctnn goes on there: every quotient is below 1/512, a shift of 32
// or more rounds it to 0, and the output is -128, the rounded value.
template <class Out = std::int8_t>
constexpr int softmax_output_exponent(const fixed::reciprocal& inv) noexcept {
    return inv.num_bits_over_unit + 31 - 8 * int(sizeof(Out));
}
// The shifted quotient as the output element, saturating (TFLite's clamp to Out's range).
template <class Out>
constexpr Out softmax_output_value(std::int32_t unsat) noexcept {
    constexpr std::int32_t lo = std::numeric_limits<Out>::min(), hi = std::numeric_limits<Out>::max();
    const std::int32_t v = unsat + lo;
    return static_cast<Out>(v < lo ? lo : v > hi ? hi : v);
}
// A row of `depth` elements: below 512 the sum cannot reach 512, and the test is not made (with
// compile-time parameters the compiler drops it: the bundled models' code stays as it was).
constexpr std::int32_t softmax_divide(std::int32_t x, int exponent, int depth) noexcept {
    return depth >= 512 && exponent > 31 ? 0 : rounding_divide_by_pot(x, exponent);
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

template <class Out>
void softmax_s8_to(const softmax_params& p, const std::int8_t* input, Out* output) {
    constexpr int diff_bits = softmax_scaled_diff_integer_bits;
    constexpr int accumulation_bits = 12;
    for (int r = 0; r < p.rows; ++r) {
        const std::int8_t* x = input + r * p.depth;
        Out* y = output + r * p.depth;
        std::int32_t row_max = -128;
        for (int c = 0; c < p.depth; ++c) row_max = x[c] > row_max ? x[c] : row_max;

        auto scaled_exp = [&](int c) {
            const std::int32_t diff = std::int32_t{x[c]} - row_max;
            const std::int32_t rescaled = saturating_rounding_doubling_high_mul(
                static_cast<std::int32_t>(static_cast<std::uint32_t>(diff) << p.input_left_shift), p.input_multiplier);
            return fixed::exp_on_negative_values(rescaled, diff_bits);
        };

        // Differences below diff_min contribute nothing; they are masked, not skipped, so the
        // instruction count does not depend on the data.
        auto counts = [&](int c) { return std::int32_t{x[c]} - row_max >= p.diff_min; };
        std::int32_t sum_of_exps = 0;  // Q12.19
        for (int c = 0; c < p.depth; ++c) {
            const std::int32_t term = fixed::rescale(scaled_exp(c), 0, accumulation_bits);
            sum_of_exps = fixed::add(sum_of_exps, fixed::select(counts(c), term, 0));
        }
        const fixed::reciprocal inv = fixed::get_reciprocal(sum_of_exps, accumulation_bits);
        const int exponent = softmax_output_exponent<Out>(inv);
        for (int c = 0; c < p.depth; ++c) {
            const std::int32_t unsat = softmax_divide(fixed::mul(inv.scale, scaled_exp(c)), exponent, p.depth);
            if constexpr (std::is_same_v<Out, std::int8_t>)  // the code the bundled models were measured with
                y[c] = static_cast<std::int8_t>(fixed::select(counts(c), saturate_to_int8(unsat - 128), -128));
            else
                y[c] = static_cast<Out>(fixed::select(counts(c), softmax_output_value<Out>(unsat), std::numeric_limits<Out>::min()));
        }
    }
}
inline void softmax_s8(const softmax_params& p, const std::int8_t* input, std::int8_t* output) { softmax_s8_to(p, input, output); }

}  // namespace ctnn::kernels::reference

// The reference set's kernel (the portable set has its own: kernels/portable/softmax_s8.hpp).
namespace ctnn::kernels {
template <>
struct kernel<reference_set, op::softmax> : provided_kernel {
    template <softmax_params P, class Out>
    static void run(const std::int8_t* input, Out* output) { reference::softmax_s8_to(P, input, output); }
    template <softmax_params P>
    static constexpr linked_constants constants() { return {}; }
};
}  // namespace ctnn::kernels
