// Reference L2_NORMALIZATION int8 -> int8 over the last dimension (TFLite's
// reference_integer_ops::L2Normalization): per row, the sum of squares of x - zp_in, its
// inverse square root as a fixed-point multiplier (fixed::inv_sqrt), and each output
// MBQM(x - zp_in, that multiplier, its shift + 7), clamped: output scale 1/128, zero point 0.
// The input scale does not enter.
#pragma once

#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_functions.hpp"

namespace ctnn::kernels {

struct l2_normalization_params {
    int rows = 1;
    int depth = 1;
    std::int32_t input_zero_point = 0;

    friend constexpr bool operator==(const l2_normalization_params&, const l2_normalization_params&) = default;
};

constexpr bool l2_normalization_output_quantization_ok(float scale, std::int32_t zero_point) noexcept {
    return scale == 1.0f / 128.0f && zero_point == 0;
}
// The int32 sum of squares cannot overflow: depth * 255^2 < 2^31.
constexpr bool l2_normalization_depth_in_range(long long depth) noexcept { return depth >= 1 && depth * 65025 <= 2147483647LL; }

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

inline void l2_normalization_s8(const l2_normalization_params& p, const std::int8_t* input, std::int8_t* output) {
    constexpr int output_shift = 7;
    for (int r = 0; r < p.rows; ++r) {
        const std::int8_t* x = input + r * p.depth;
        std::int8_t* y = output + r * p.depth;
        std::int32_t acc = 0;
        for (int c = 0; c < p.depth; ++c) {
            const std::int32_t v = std::int32_t{x[c]} - p.input_zero_point;
            acc += v * v;
        }
        const fixed::inv_sqrt_multiplier inv = fixed::inv_sqrt(acc);
        for (int c = 0; c < p.depth; ++c) {
            const std::int32_t v = std::int32_t{x[c]} - p.input_zero_point;
            y[c] = saturate_to_int8(multiply_by_quantized_multiplier(v, inv.multiplier, inv.shift + output_shift));
        }
    }
}

}  // namespace ctnn::kernels::reference

// The reference set's kernel (the portable set has its own: kernels/portable/l2_normalization_s8.hpp).
namespace ctnn::kernels {
template <>
struct kernel<reference_set, op::l2_normalization> : provided_kernel {
    template <l2_normalization_params P>
    static void run(const std::int8_t* input, std::int8_t* output) { reference::l2_normalization_s8(P, input, output); }
    template <l2_normalization_params P>
    static constexpr linked_constants constants() { return {}; }
};
}  // namespace ctnn::kernels
