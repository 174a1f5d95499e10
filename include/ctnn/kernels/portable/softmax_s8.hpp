// Portable SOFTMAX int8 -> int8 (or int16), bit-exact with reference/softmax_s8.hpp. A difference to the
// row's maximum is one of 256 values (0 down to -255), so its fixed-point exp is a table built
// at compile time from the reference arithmetic (1 KB of flash, keyed on the multiplier, shift
// and radius: layers with one input scale and beta share it), 0 where the difference is below
// the radius (the reference's masked terms, whose outputs are then -128 either way). A layer of
// fewer than 256 elements (a classifier's few scores) runs the reference arithmetic on its
// compile-time parameters instead: the table would cost more flash than it saves time, and that
// code is what the bundled models' instruction counts were measured with. Per row: the maximum, the sum of exps, one reciprocal, one
// multiply and shift per element. In place: a row is read whole before any of it is written.
#pragma once

#include <array>
#include <cstdint>
#include <type_traits>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/softmax_s8.hpp"
#include "ctnn/kernels/softmax_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_math.hpp"

namespace ctnn::kernels::portable {

using softmax_exp_table = std::array<std::int32_t, 256>;

// exp of the rescaled difference -d (Q0.31), or 0 when -d < diff_min (d = max - x, 0..255).
constexpr std::int32_t softmax_exp_entry(std::int32_t multiplier, int left_shift, std::int32_t diff_min, std::int32_t d) noexcept {
    const std::int32_t rescaled =
        saturating_rounding_doubling_high_mul(static_cast<std::int32_t>(static_cast<std::uint32_t>(-d) << left_shift), multiplier);
    // Masked, not skipped, as in the reference: the instruction count does not depend on the data.
    return fixed::select(-d >= diff_min, fixed::exp_on_negative_values(rescaled, softmax_scaled_diff_integer_bits), 0);
}
constexpr softmax_exp_table make_softmax_exp_table(std::int32_t multiplier, int left_shift, std::int32_t diff_min) noexcept {
    softmax_exp_table t{};
    for (int d = 0; d < 256; ++d) t[static_cast<std::size_t>(d)] = softmax_exp_entry(multiplier, left_shift, diff_min, d);
    return t;
}
template <std::int32_t Multiplier, int LeftShift, std::int32_t DiffMin>
inline constexpr softmax_exp_table softmax_exp = make_softmax_exp_table(Multiplier, LeftShift, DiffMin);

// At least as many elements as the table has entries: the table pays for itself.
constexpr bool softmax_uses_table(int rows, int depth) noexcept { return static_cast<long long>(rows) * depth >= 256; }

// The table's entry d, read from it or computed.
template <std::int32_t Multiplier, int LeftShift, std::int32_t DiffMin, bool Table>
constexpr std::int32_t softmax_exp_of(std::int32_t d) noexcept {
    if constexpr (Table) return softmax_exp<Multiplier, LeftShift, DiffMin>[static_cast<std::size_t>(d)];
    else return softmax_exp_entry(Multiplier, LeftShift, DiffMin, d);
}

template <softmax_params P, class Out>
void softmax_s8(const std::int8_t* input, Out* output) {
    if constexpr (!softmax_uses_table(P.rows, P.depth)) {
        reference::softmax_s8_to(P, input, output);
        return;
    }
    constexpr auto exp_of = softmax_exp_of<P.input_multiplier, P.input_left_shift, P.diff_min, softmax_uses_table(P.rows, P.depth)>;
    constexpr int accumulation_bits = 12;
    for (int r = 0; r < P.rows; ++r) {
        const std::int8_t* x = input + r * P.depth;
        Out* y = output + r * P.depth;
        std::int32_t row_max = -128;
        for (int c = 0; c < P.depth; ++c) row_max = x[c] > row_max ? x[c] : row_max;
        std::int32_t sum_of_exps = 0;  // Q12.19
        for (int c = 0; c < P.depth; ++c) {
            sum_of_exps = fixed::add(sum_of_exps, fixed::rescale(exp_of(row_max - x[c]), 0, accumulation_bits));
        }
        const fixed::reciprocal inv = fixed::get_reciprocal(sum_of_exps, accumulation_bits);
        const int exponent = softmax_output_exponent<Out>(inv);
        for (int c = 0; c < P.depth; ++c) {
            const std::int32_t unsat = softmax_divide(fixed::mul(inv.scale, exp_of(row_max - x[c])), exponent, P.depth);
            if constexpr (std::is_same_v<Out, std::int8_t>)
                y[c] = saturate_to_int8(unsat - 128);
            else
                y[c] = softmax_output_value<Out>(unsat);
        }
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::softmax> : provided_kernel {
    template <softmax_params P, class Out>
    static void run(const std::int8_t* input, Out* output) { portable::softmax_s8<P>(input, output); }
    // The exp table when the layer uses one, shared by every layer with the same input multiplier and radius.
    template <softmax_params P>
    static constexpr linked_constants constants() {
        if constexpr (!portable::softmax_uses_table(P.rows, P.depth)) return {};
        else return linked_constants{}.and_shared(portable::softmax_exp<P.input_multiplier, P.input_left_shift, P.diff_min>);
    }
};
}  // namespace ctnn::kernels
