// The 16x8 weighted layers (int16 activations, int8 weights): hand-worked values of TFLite's
// int64 requantization and of a tiny convolution and fully connected layer, fast kernels and
// reference alike. Derived from the formulas (kernels/reference/*_s16.hpp); the conformance
// sweep (tests/data/conformance/*_16x8) checks the same arithmetic against TFLM.
#include <doctest/doctest.h>

#include <cstdint>

#include "ctnn/layers/conv2d.hpp"
#include "ctnn/layers/fully_connected.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace {

struct in_q {
    using element = std::int16_t;
    static constexpr float scale = 0.001f;
    static constexpr std::int32_t zero_point = 0;
};
struct out_q {
    using element = std::int16_t;
    static constexpr float scale = 0.5f;
    static constexpr std::int32_t zero_point = 0;
};
template <class Bias>
struct two_taps {
    using weight_shape = ctnn::shape<1, 1, 1, 2>;
    static constexpr std::int8_t weights[2] = {100, 50};
    static constexpr float weight_scales[1] = {0.01f};
    static constexpr Bias bias[1] = {1000};
};
template <class Bias>
struct two_inputs {
    using weight_shape = ctnn::shape<1, 2>;
    static constexpr std::int8_t weights[2] = {100, 50};
    static constexpr float weight_scales[1] = {0.01f};
    static constexpr Bias bias[1] = {1000};
};

}  // namespace

TEST_CASE("16x8: TFLite's int64 MultiplyByQuantizedMultiplier rounds the multiplier to Q0.15 first") {
    // 0x7FFF8000 is at the top: Q0.15 0x7FFF, so 2^20 * 32767 / 2^15 = 1048544 (the int32 path: 1048560).
    CHECK(ctnn::multiply_by_quantized_multiplier_s64(std::int64_t{1} << 20, 0x7FFF8000, 0) == 1048544);
    CHECK(ctnn::multiply_by_quantized_multiplier(1 << 20, 0x7FFF8000, 0) == 1048560);
    // 0.5 * 2^-1 of -3 is -0.75: one rounding, half up, to -1; 1001 * 0.5 = 500.5 to 501.
    CHECK(ctnn::multiply_by_quantized_multiplier_s64(-3, 1 << 30, -1) == -1);
    CHECK(ctnn::multiply_by_quantized_multiplier_s64(1001, 1 << 30, 0) == 501);
    // The clamp is the int16 range or the activation's, never an int8 one; a result beyond int32
    // wraps before it, as TFLite's cast does (2^40 * 0.5 = 2^39 -> 0).
    CHECK(ctnn::requantize_16x8(std::int64_t{1} << 30, 1 << 30, 0, -32768, 32767) == 32767);
    CHECK(ctnn::requantize_16x8(std::int64_t{1} << 40, 1 << 30, 0, -32768, 32767) == 0);
    CHECK(ctnn::requantize_16x8(std::int32_t{-3000}, 1 << 30, 0, -1000, 1000) == -1000);
}

TEST_CASE("16x8 CONV_2D and FULLY_CONNECTED: int64 and int32 bias, one hand-worked value") {
    // acc = 30000 * 100 - 20000 * 50 + 1000 = 2001000; x 0.001 * 0.01 / 0.5 = 40.02 -> 40.
    const std::int16_t in[2] = {30000, -20000};
    using conv64 = ctnn::layers::conv2d<two_taps<std::int64_t>, out_q, ctnn::stride<1, 1>, ctnn::padding::valid>::bind<
        ctnn::tensor_type<ctnn::shape<1, 1, 1, 2>, in_q>>;
    using conv32 = ctnn::layers::conv2d<two_taps<std::int32_t>, out_q, ctnn::stride<1, 1>, ctnn::padding::valid>::bind<
        ctnn::tensor_type<ctnn::shape<1, 1, 1, 2>, in_q>>;
    using fc64 = ctnn::layers::fully_connected<two_inputs<std::int64_t>, out_q>::bind<ctnn::tensor_type<ctnn::shape<1, 2>, in_q>>;
    std::int16_t out[4] = {};
    conv64::run<ctnn::kernel_options{}>(in, out + 0, nullptr);
    conv32::run<ctnn::kernel_options{}>(in, out + 1, nullptr);
    fc64::run<ctnn::kernel_options{}>(in, out + 2, nullptr);
    conv64::run_reference(in, out + 3);
    CHECK(out[0] == 40);
    CHECK(out[1] == 40);
    CHECK(out[2] == 40);
    CHECK(out[3] == 40);
    CHECK(conv64::facts.param_bytes == 2 + 8 + 8);  // int8 weights, an int64 bias, one multiplier and shift
    CHECK(conv32::facts.param_bytes == 2 + 4 + 8);
}
