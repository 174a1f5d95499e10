// Portable SOFTMAX int8 -> int8, bit-exact with reference/softmax_s8.hpp. A difference to the
// row's maximum is one of 256 values (0 down to -255), so its fixed-point exp is a table built
// at compile time from the reference arithmetic (1 KB of flash, keyed on the multiplier, shift
// and radius: layers with one input scale and beta share it), 0 where the difference is below
// the radius (the reference's masked terms, whose outputs are then -128 either way). Per row:
// the maximum, the sum of table entries, one reciprocal, one multiply and shift per element.
// In place: a row is read whole before any of it is written.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/softmax_s8.hpp"
#include "ctnn/kernels/softmax_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_math.hpp"

namespace ctnn::kernels::portable {

using softmax_exp_table = std::array<std::int32_t, 256>;

// Entry d: exp of the rescaled difference -d (Q0.31), or 0 when -d < diff_min.
constexpr softmax_exp_table make_softmax_exp_table(std::int32_t multiplier, int left_shift, std::int32_t diff_min) noexcept {
    softmax_exp_table t{};
    for (int d = 0; d < 256; ++d) {
        const std::int32_t rescaled = saturating_rounding_doubling_high_mul(
            static_cast<std::int32_t>(static_cast<std::uint32_t>(-d) << left_shift), multiplier);
        t[static_cast<std::size_t>(d)] = -d >= diff_min ? fixed::exp_on_negative_values(rescaled, softmax_scaled_diff_integer_bits) : 0;
    }
    return t;
}
template <std::int32_t Multiplier, int LeftShift, std::int32_t DiffMin>
inline constexpr softmax_exp_table softmax_exp = make_softmax_exp_table(Multiplier, LeftShift, DiffMin);

template <softmax_params P>
void softmax_s8(const std::int8_t* input, std::int8_t* output) {
    constexpr const softmax_exp_table& table = softmax_exp<P.input_multiplier, P.input_left_shift, P.diff_min>;
    constexpr int accumulation_bits = 12;
    for (int r = 0; r < P.rows; ++r) {
        const std::int8_t* x = input + r * P.depth;
        std::int8_t* y = output + r * P.depth;
        std::int32_t row_max = -128;
        for (int c = 0; c < P.depth; ++c) row_max = x[c] > row_max ? x[c] : row_max;
        std::int32_t sum_of_exps = 0;  // Q12.19
        for (int c = 0; c < P.depth; ++c) {
            const std::int32_t e = table[static_cast<std::size_t>(row_max - x[c])];
            sum_of_exps = fixed::add(sum_of_exps, fixed::rescale(e, 0, accumulation_bits));
        }
        const fixed::reciprocal inv = fixed::get_reciprocal(sum_of_exps, accumulation_bits);
        const int exponent = softmax_output_exponent(inv);
        for (int c = 0; c < P.depth; ++c) {
            const std::int32_t e = table[static_cast<std::size_t>(row_max - x[c])];
            y[c] = saturate_to_int8(softmax_divide(fixed::mul(inv.scale, e), exponent) - 128);
        }
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::softmax> : provided_kernel {
    template <softmax_params P>
    static void run(const std::int8_t* input, std::int8_t* output) { portable::softmax_s8<P>(input, output); }
    // The exp table, shared by every layer with the same input multiplier and radius.
    template <softmax_params P>
    static constexpr linked_constants constants() {
        return linked_constants{}.and_shared(portable::softmax_exp<P.input_multiplier, P.input_left_shift, P.diff_min>);
    }
};
}  // namespace ctnn::kernels
