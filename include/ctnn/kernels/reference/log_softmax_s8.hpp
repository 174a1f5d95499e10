// Reference LOG_SOFTMAX int8 -> int8 over the last dimension (TFLite's LogSoftmaxQuantized):
// per row, the differences to the row's maximum rescaled to Q5.26 (beta 1, the multiplier of
// SOFTMAX's Prepare), the sum of their fixed-point exps in Q12.19, its log in Q5.26, and each
// output (diff - log sum) rounded to Q4 plus 127 (output scale 16/256, zero point 127).
// Differences below a threshold (the input radius, or where the output would fall below the
// range) give -128.
#pragma once

#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/softmax_params.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/fixed_point_functions.hpp"
#include "ctnn/quant/fixed_point_math.hpp"

namespace ctnn::kernels {

struct log_softmax_params {
    int rows = 1;
    int depth = 1;
    std::int32_t input_multiplier = 0;
    int input_left_shift = 0;
    quantized_multiplier reverse_scaling{};  // 2^(31 - left shift) / input multiplier, shift <= 0
    std::int32_t diff_min = 0;

    friend constexpr bool operator==(const log_softmax_params&, const log_softmax_params&) = default;
};

// TFLite's fixed output quantization.
constexpr bool log_softmax_output_quantization_ok(float scale, std::int32_t zero_point) noexcept {
    return scale == 16.0f / 256.0f && zero_point == 127;
}
// The input multiplier is SOFTMAX's at beta 1: s_in * 2^26 must exceed 1.
constexpr bool log_softmax_input_scale_in_range(float input_scale) noexcept { return softmax_beta_in_range(1.0f, input_scale); }

// TFLite's PreprocessLogSoftmaxScalingExp and CalculateInputRadius.
constexpr log_softmax_params make_log_softmax_params(int rows, int depth, float input_scale) noexcept {
    const softmax_params s = make_softmax_params(rows, depth, 1.0f, input_scale);
    const double reverse_real = double(std::int64_t{1} << (31 - s.input_left_shift)) / static_cast<double>(s.input_multiplier);
    const quantized_multiplier reverse = s.input_multiplier != 0 ? quantize_multiplier(reverse_real) : quantized_multiplier{};
    return {rows, depth, s.input_multiplier, s.input_left_shift, reverse, s.diff_min};
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

inline void log_softmax_s8(const log_softmax_params& p, const std::int8_t* input, std::int8_t* output) {
    constexpr int input_bits = 5, accumulation_bits = 12, output_bits = 4;
    for (int r = 0; r < p.rows; ++r) {
        const std::int8_t* x = input + r * p.depth;
        std::int8_t* y = output + r * p.depth;
        std::int32_t row_max = -128;
        for (int c = 0; c < p.depth; ++c) row_max = x[c] > row_max ? x[c] : row_max;
        auto scaled_diff = [&](std::int32_t diff) { return multiply_by_quantized_multiplier(diff, p.input_multiplier, p.input_left_shift); };

        std::int32_t sum_of_exps = 0;  // Q12.19
        for (int c = 0; c < p.depth; ++c) {
            const std::int32_t diff = std::int32_t{x[c]} - row_max;
            if (diff >= p.diff_min) {
                sum_of_exps = fixed::add(sum_of_exps, fixed::rescale(fixed::exp_on_negative_values(scaled_diff(diff), input_bits), 0,
                                                                     accumulation_bits));
            }
        }
        const std::int32_t log_sum = fixed::log_x_for_x_at_least_1(sum_of_exps, accumulation_bits, input_bits);  // Q5.26
        // The smallest Q5.26 value plus the log sum, back on the input's scale.
        const std::int32_t shifted_log_sum = log_sum + std::numeric_limits<std::int32_t>::min();
        const std::int32_t reverse =
            multiply_by_quantized_multiplier(shifted_log_sum, p.reverse_scaling.multiplier, p.reverse_scaling.shift);
        const std::int32_t adjusted_diff_min = p.diff_min - 1 > reverse ? p.diff_min - 1 : reverse;
        for (int c = 0; c < p.depth; ++c) {
            const std::int32_t diff = std::int32_t{x[c]} - row_max;
            if (diff > adjusted_diff_min) {
                const std::int32_t out = rounding_divide_by_pot(scaled_diff(diff) - log_sum, 31 - input_bits - output_bits) + 127;
                y[c] = saturate_to_int8(out);
            } else {
                y[c] = -128;
            }
        }
    }
}

}  // namespace ctnn::kernels::reference

// The reference set's kernel (the portable set has its own: kernels/portable/log_softmax_s8.hpp).
namespace ctnn::kernels {
template <>
struct kernel<reference_set, op::log_softmax> : provided_kernel {
    template <log_softmax_params P>
    static void run(const std::int8_t* input, std::int8_t* output) { reference::log_softmax_s8(P, input, output); }
    template <log_softmax_params P>
    static constexpr linked_constants constants() { return {}; }
};
}  // namespace ctnn::kernels
