// The activations and unary math operators: hand-worked values of the reference kernels (from
// the real formula, quantized), the rules of their Prepare, the element-wise layer's table
// against its reference on every int8 value, and the portable SOFTMAX kernel against the
// reference on long rows (TFLM's own outputs are the conformance sweep's: tests/data/conformance).
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/portable/l2_normalization_s8.hpp"
#include "ctnn/kernels/portable/log_softmax_s8.hpp"
#include "ctnn/kernels/portable/softmax_s8.hpp"
#include "ctnn/kernels/reference/softmax_s8.hpp"
#include "ctnn/layers/activations.hpp"
#include "ctnn/layers/l2_normalization.hpp"
#include "ctnn/layers/log_softmax.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using bytes = std::vector<std::int8_t>;

struct q_in { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = -20; };
struct q_out { static constexpr float scale = 0.1f; static constexpr std::int32_t zero_point = 10; };
struct q_logistic { static constexpr float scale = 1.0f / 256.0f; static constexpr std::int32_t zero_point = -128; };
struct q_unit { static constexpr float scale = 1.0f / 128.0f; static constexpr std::int32_t zero_point = 0; };
struct q_log_softmax { static constexpr float scale = 16.0f / 256.0f; static constexpr std::int32_t zero_point = 127; };
struct alpha_half { static constexpr float value = 0.5f; };

// Every entry of a bound element-wise layer's table is its reference kernel's output.
template <class Layer>
void check_table() {
    using B = typename Layer::template bind<tensor_type<shape<256>, q_in>>;
    bytes in(256), ref(256), fast(256);
    for (int i = 0; i < 256; ++i) in[static_cast<std::size_t>(i)] = static_cast<std::int8_t>(i - 128);
    B::run_reference(in.data(), ref.data());
    B::template run<kernel_options{}>(in.data(), fast.data(), nullptr);
    CHECK(ref == fast);
    for (int i = 0; i < 256; ++i) CHECK(B::table[static_cast<std::size_t>(i)] == ref[static_cast<std::size_t>(i)]);
}

}  // namespace

// s_in 0.05 zp -20 -> s_out 0.1 zp 10: a real multiplier of 1/2.
TEST_CASE("relu, relu6, leaky_relu: hand-worked values") {
    constexpr requantize_clamp_params relu = make_relu_params(0.05f, -20, 0.1f, 10);
    static_assert(relu.low == 10 && relu.high == 127 && relu.multiplier.multiplier == (1 << 30) && relu.multiplier.shift == 0);
    CHECK(reference::relu_s8(relu, -20) == 10);   // 0
    CHECK(reference::relu_s8(relu, 0) == 20);     // 1.0 = 10 steps of 0.1
    CHECK(reference::relu_s8(relu, -1) == 20);    // 0.95: 9.5 rounds away from zero
    CHECK(reference::relu_s8(relu, -60) == 10);   // -2.0 clamps at the output zero point
    CHECK(reference::relu_s8(relu, 127) == 84);   // 7.35: 73.5 -> 74
    // TFLM takes s_in / s_out in float: 0.0453130938 / 0.0288848411 rounds down there, and -48
    // maps to -2 (TFLM's output; the quotient in double gives -3).
    constexpr requantize_clamp_params tight = make_relu_params(0.045313093811273575f, -128, 0.02888484112918377f, -128);
    CHECK(reference::relu_s8(tight, -48) == -2);
    // int16 (zero points 0, clamp to [0, 32767]): TFLM's 29410 -> 21531 at s_in 0.00914908387, s_out 0.0124967862.
    constexpr requantize_clamp_params relu16 = make_relu_s16_params(0.00914908387f, 0.0124967862f);
    static_assert(relu16.low == 0 && relu16.high == 32767);
    CHECK(reference::relu_s16(relu16, 29410) == 21531);
    CHECK(reference::relu_s16(relu16, -5) == 0);
    // RELU6 clamps on the input's scale: 6.0 is 120 steps of 0.05 above zp -20, clamped to 127.
    static_assert(make_relu6_params(0.05f, -20).six == 100);
    constexpr relu6_params six = make_relu6_params(0.1f, -20);  // 6 / 0.1 = 60 -> 40
    static_assert(six.zero == -20 && six.six == 40);
    CHECK(reference::relu6_s8(six, 41) == 40);
    CHECK(reference::relu6_s8(six, -21) == -20);
    CHECK(reference::relu6_s8(six, 7) == 7);
    // LEAKY_RELU, alpha 1/2 on equal scales: negative values halve.
    constexpr leaky_relu_params leaky = make_leaky_relu_params(0.05f, 0, 0.05f, 0, 0.5f);
    CHECK(reference::leaky_relu_s8(leaky, 10) == 10);
    CHECK(reference::leaky_relu_s8(leaky, -10) == -5);
    CHECK(reference::leaky_relu_s8(leaky, -11) == -5);  // -5.5: the doubling high multiply rounds halves up
    // A negative alpha keeps its sign in the multiplier.
    constexpr leaky_relu_params negative = make_leaky_relu_params(0.05f, 0, 0.05f, 0, -0.5f);
    static_assert(negative.alpha.multiplier == -(1 << 30) && negative.alpha.shift == 0);
    CHECK(reference::leaky_relu_s8(negative, -10) == 5);
}

TEST_CASE("abs, rsqrt, elu: hand-worked values") {
    constexpr abs_rsqrt_params same = make_abs_params(0.05f, -20, 0.05f, -128);
    static_assert(!same.rescale);
    CHECK(reference::abs_s8(same, -30) == -118);  // |-10| = 10 steps
    CHECK(reference::abs_s8(same, -10) == -118);
    constexpr abs_rsqrt_params half = make_abs_params(0.05f, -20, 0.1f, 10);
    CHECK(reference::abs_s8(half, -30) == 15);  // |-0.5| = 5 steps of 0.1
    // RSQRT: s_in 1/4 zp -128, s_out 1/64: 1 / sqrt(4 x 1/4) = 1 = 64 steps.
    constexpr abs_rsqrt_params rsqrt = make_rsqrt_params(0.25f, -128, 1.0f / 64.0f, 0);
    static_assert(rsqrt.multiplier.multiplier == (1 << 30) && rsqrt.multiplier.shift == 8);  // 128
    CHECK(reference::rsqrt_s8(rsqrt, -124) == 64);
    CHECK(reference::rsqrt_s8(rsqrt, -128) == 127);  // 1 / sqrt(0): the largest output
    CHECK(reference::rsqrt_s8(rsqrt, -112) == 32);   // 1 / sqrt(4) = 0.5
    static_assert(constexpr_sqrt(2.0) == 1.4142135623730951);
    static_assert(constexpr_sqrt(0.25) == 0.5 && constexpr_sqrt(1e-300) == 1e-150 && constexpr_sqrt(3.0) == 1.7320508075688772);
    // ELU: d = 0.05 x (x - zp); e^d - 1 below zero, d above; on s_out 0.1 zp 10.
    constexpr elu_params elu = make_elu_params(0.05f, -20, 0.1f, 10);
    CHECK(reference::elu_s8(elu, 0) == 20);                                                         // 1.0
    CHECK(reference::elu_s8(elu, -40) == 10 + static_cast<int>(std::lround((std::exp(-1.0) - 1) / 0.1)));  // -6.32 -> -6
    CHECK(reference::elu_s8(elu, -128) == 0);                                                       // e^-5.4 - 1 = -0.995 -> -10
    for (float x : {-0.001f, -0.5f, -1.0f, -3.7f, -10.25f, -87.0f}) CHECK(constexpr_expf_negative(x) == std::exp(x));
}

TEST_CASE("logistic, tanh: Prepare's parameters and the centre") {
    // s_in 1/16: 2^-4 x 2^27 = 2^23 = 0.5 x 2^24, so multiplier 2^30 and left shift 24; the
    // radius is floor(15 x 2^27 / 2^24) = 120.
    constexpr sigmoid_params p = make_sigmoid_params(1.0f / 16.0f, 0);
    static_assert(p.input_multiplier == (1 << 30) && p.input_left_shift == 24 && p.input_range_radius == 120);
    CHECK(reference::logistic_s8(p, 0) == 0);   // 0.5 = 128 / 256 above -128
    CHECK(reference::tanh_s8(p, 0) == 0);
    CHECK(reference::logistic_s8(p, 127) == 127);
    CHECK(reference::logistic_s8(p, -128) == -128);
    CHECK(reference::tanh_s8(p, 16) == static_cast<int>(std::lround(std::tanh(1.0) * 128)));     // 97
    CHECK(reference::logistic_s8(p, 16) == static_cast<int>(std::lround(256 / (1 + std::exp(-1.0)))) - 128);  // 187 - 128
    static_assert(sigmoid_input_scale_in_range(0x1.0p-28f) && !sigmoid_input_scale_in_range(0x1.fffffep-29f));
    static_assert(sigmoid_input_scale_in_range(0x1.fffffep34f) && !sigmoid_input_scale_in_range(0x1.0p35f));
    // From a scale of 8 the radius is 0: the zero point gives -128 (v <= -0), every other input saturates.
    constexpr sigmoid_params big = make_sigmoid_params(8.0f, 3);
    static_assert(big.input_left_shift == 31 && big.input_range_radius == 0);
    CHECK(reference::tanh_s8(big, 3) == -128);
    CHECK(reference::tanh_s8(big, 4) == 127);
    static_assert(logistic_output_quantization_ok(1.0f / 256.0f, -128) && !logistic_output_quantization_ok(1.0f / 256.0f, 0));
    static_assert(tanh_output_quantization_ok(1.0f / 128.0f, 0) && !tanh_output_quantization_ok(1.0f / 256.0f, 0));
}

TEST_CASE("logistic, tanh int16: the sigmoid table, Prepare's two cases, TFLM's outputs") {
    // Entries checked against TFLM's outputs: sigmoid(0) = 0.5, sigmoid(1/24), the capped end.
    static_assert(sigmoid_s16_table[0] == 32768 && sigmoid_s16_table[1] == 33451 && sigmoid_s16_table[255] == 65535);
    static_assert(sigmoid_s16_table[24] == 47911 && sigmoid_s16_table[128] == 65221);
    // 2^-12 is the power-of-two case of both (the kernel multiplies by 3), 2^-11 of TANH only
    // (by 6): LOGISTIC takes the general multiplier, 2^-11 x 12288 x 2^12 = 24576.
    static_assert(make_sigmoid_s16_params(1.0f / 4096, false) == sigmoid_s16_params{0, 0});
    static_assert(make_sigmoid_s16_params(1.0f / 2048, true) == sigmoid_s16_params{0, 1});
    static_assert(make_sigmoid_s16_params(1.0f / 2048, false) == sigmoid_s16_params{24576, 12});
    // Within CheckedLog2's 0.001 in log2 a scale is still the power of two; just past it, not.
    static_assert(make_sigmoid_s16_params(0.00024430858f, false) == sigmoid_s16_params{0, 0});
    static_assert(make_sigmoid_s16_params(0.000244310f, false) == sigmoid_s16_params{24593, 13});
    // 0.001 x 12288 = 12.288, doubled 11 times to 25165.824: truncated.
    static_assert(make_sigmoid_s16_params(0.001f, true) == sigmoid_s16_params{25165, 11});
    static_assert(sigmoid_s16_input_scale_in_range(2.6f, false) && !sigmoid_s16_input_scale_in_range(2.7f, true));
    static_assert(sigmoid_s16_output_scale_ok(1.0f / 32768) && sigmoid_s16_output_scale_ok(1.0004f / 32768) &&
                  !sigmoid_s16_output_scale_ok(1.0f / 16384));
    // TFLM's outputs (its reference kernels on these inputs).
    constexpr sigmoid_s16_params pot = make_sigmoid_s16_params(1.0f / 4096, false);
    CHECK(reference::logistic_s16(pot, 0) == 16384);
    CHECK(reference::logistic_s16(pot, 1000) == 18374);
    CHECK(reference::logistic_s16(pot, -1000) == 14394);
    CHECK(reference::logistic_s16(pot, 32767) == 32757);
    CHECK(reference::logistic_s16(pot, -32768) == 11);
    CHECK(reference::tanh_s16(pot, 1000) == 7845);
    CHECK(reference::tanh_s16(pot, -1) == -8);
    CHECK(reference::tanh_s16(pot, 5000) == 27520);
    constexpr sigmoid_s16_params general = make_sigmoid_s16_params(0.001f, false);
    CHECK(reference::logistic_s16(general, -1000) == 8812);
    CHECK(reference::logistic_s16(general, -32768) == 1);
    CHECK(reference::logistic_s16(general, 5000) == 32548);
    CHECK(reference::tanh_s16(general, -1000) == -24956);
    CHECK(reference::tanh_s16(general, -32768) == -32767);
    CHECK(reference::tanh_s16(general, 5000) == 32765);
}

TEST_CASE("element-wise layers: the table is the reference kernel on every int8 value") {
    check_table<layers::relu<q_out>>();
    check_table<layers::relu6<q_out>>();
    check_table<layers::leaky_relu<q_out, alpha_half>>();
    check_table<layers::elu<q_out>>();
    check_table<layers::logistic<q_logistic>>();
    check_table<layers::tanh<q_unit>>();
    check_table<layers::abs<q_out>>();
    check_table<layers::rsqrt<q_out>>();
}

TEST_CASE("log_softmax, l2_normalization: hand-worked rows") {
    // Four equal values: log(1/4) = -1.386 = -22.2 steps of 1/16 below 127.
    using ls = layers::log_softmax<q_log_softmax>::bind<tensor_type<shape<1, 4>, q_in>>;
    bytes x{5, 5, 5, 5}, y(4);
    ls::run_reference(x.data(), y.data());
    CHECK(y == bytes{105, 105, 105, 105});
    // (3, 4) / 5 on 1/128: 76.8 and 102.4.
    using l2 = layers::l2_normalization<q_unit>::bind<tensor_type<shape<2, 2>, q_in>>;
    bytes a{-17, -16, -20, -20}, b(4);
    l2::run_reference(a.data(), b.data());
    CHECK(b == bytes{77, 102, 0, 0});
    // 1 / sqrt(x) in fixed point: x = 16 -> 1/4.
    constexpr fixed::inv_sqrt_multiplier inv = fixed::inv_sqrt(16);
    CHECK(std::ldexp(static_cast<double>(inv.multiplier), inv.shift - 31) == doctest::Approx(0.25).epsilon(1e-6));
}

TEST_CASE("softmax: the portable kernel is the reference, any row length") {
    constexpr softmax_params long_row = make_softmax_params(2, 3000, 1.0f, 0.1f);
    bytes in(2 * 3000), ref(in.size()), fast(in.size());
    std::uint32_t s = 12345;
    for (auto& v : in) {
        s = s * 1664525u + 1013904223u;
        v = static_cast<std::int8_t>(s >> 24);
    }
    reference::softmax_s8(long_row, in.data(), ref.data());
    portable::softmax_s8<long_row>(in.data(), fast.data());
    CHECK(ref == fast);
    // 600 equal values: the sum of exps is 600 >= 512, where TFLite stops; ctnn gives -128,
    // 1/600 rounded on the 1/256 grid.
    constexpr softmax_params equal = make_softmax_params(1, 600, 1.0f, 0.1f);
    bytes e(600, 7), e_ref(600), e_fast(600);
    reference::softmax_s8(equal, e.data(), e_ref.data());
    portable::softmax_s8<equal>(e.data(), e_fast.data());
    CHECK(e_ref == bytes(600, -128));
    CHECK(e_fast == e_ref);
    // 200 equal values: 256 / 200 = 1.28 -> 1, -127.
    constexpr softmax_params two_hundred = make_softmax_params(1, 200, 1.0f, 0.1f);
    bytes t(200, -3), t_fast(200);
    portable::softmax_s8<two_hundred>(t.data(), t_fast.data());
    CHECK(t_fast == bytes(200, -127));
}

TEST_CASE("log_softmax: the portable kernel is the reference, on SOFTMAX's exp table") {
    constexpr log_softmax_params p = make_log_softmax_params(3, 700, 0.02f);
    bytes in(3 * 700), ref(in.size()), fast(in.size());
    std::uint32_t s = 777;
    for (auto& v : in) {
        s = s * 1664525u + 1013904223u;
        v = static_cast<std::int8_t>(s >> 24);
    }
    for (int c = 0; c < 700; ++c) in[static_cast<std::size_t>(700 + c)] = 9;  // a row of equal values
    reference::log_softmax_s8(p, in.data(), ref.data());
    portable::log_softmax_s8<p>(in.data(), fast.data());
    CHECK(ref == fast);
}

TEST_CASE("l2_normalization: the portable kernel is the reference") {
    constexpr l2_normalization_params p{4, 97, -7};
    bytes in(4 * 97), ref(in.size()), fast(in.size());
    std::uint32_t s = 4242;
    for (auto& v : in) {
        s = s * 1664525u + 1013904223u;
        v = static_cast<std::int8_t>(s >> 24);
    }
    for (int c = 0; c < 97; ++c) in[static_cast<std::size_t>(97 + c)] = -7;  // a row at the zero point: the sum is 0
    reference::l2_normalization_s8(p, in.data(), ref.data());
    portable::l2_normalization_s8<p>(in.data(), fast.data());
    CHECK(ref == fast);
}

TEST_CASE("softmax, log_softmax: small layers compute their exps, large ones read the table") {
    static_assert(!portable::softmax_uses_table(1, 12) && portable::softmax_uses_table(2, 128));
    constexpr softmax_params small = make_softmax_params(1, 12, 1.0f, 0.1f);
    static_assert(kernel<portable_set, op::softmax>::constants<small>().shared_count == 0);
    constexpr softmax_params large = make_softmax_params(1, 256, 1.0f, 0.1f);
    static_assert(kernel<portable_set, op::softmax>::constants<large>().shared_count == 1);
    bytes in{-3, 7, 7, 100, -128, 127, 0, 1, 2, 3, 4, 5}, ref(12), fast(12);
    reference::softmax_s8(small, in.data(), ref.data());
    portable::softmax_s8<small>(in.data(), fast.data());
    CHECK(ref == fast);
    constexpr log_softmax_params log_small = make_log_softmax_params(1, 12, 0.1f);
    reference::log_softmax_s8(log_small, in.data(), ref.data());
    portable::log_softmax_s8<log_small>(in.data(), fast.data());
    CHECK(ref == fast);
}
