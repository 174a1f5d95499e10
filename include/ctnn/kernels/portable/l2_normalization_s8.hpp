// Portable L2_NORMALIZATION int8 -> int8, bit-exact with reference/l2_normalization_s8.hpp: the
// same arithmetic with the row length and zero point as template arguments (the compiler
// unrolls and folds them). Per row: the sum of squares, one inverse square root, one multiply
// per element. In place: a row's sum is taken before any of it is written.
#pragma once

#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/l2_normalization_s8.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_functions.hpp"

namespace ctnn::kernels::portable {

template <l2_normalization_params P>
void l2_normalization_s8(const std::int8_t* input, std::int8_t* output) {
    constexpr int output_shift = 7;
    for (int r = 0; r < P.rows; ++r) {
        const std::int8_t* x = input + r * P.depth;
        std::int8_t* y = output + r * P.depth;
        std::int32_t acc = 0;
        for (int c = 0; c < P.depth; ++c) {
            const std::int32_t v = std::int32_t{x[c]} - P.input_zero_point;
            acc += v * v;
        }
        const fixed::inv_sqrt_multiplier inv = fixed::inv_sqrt(acc);
        const int shift = inv.shift + output_shift;
        for (int c = 0; c < P.depth; ++c) {
            y[c] = saturate_to_int8(multiply_by_quantized_multiplier(std::int32_t{x[c]} - P.input_zero_point, inv.multiplier, shift));
        }
    }
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::l2_normalization> : provided_kernel {
    template <l2_normalization_params P>
    static void run(const std::int8_t* input, std::int8_t* output) { portable::l2_normalization_s8<P>(input, output); }
    template <l2_normalization_params P>
    static constexpr linked_constants constants() { return {}; }
};
}  // namespace ctnn::kernels
