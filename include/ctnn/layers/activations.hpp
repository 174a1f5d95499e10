// The int8 activations and unary math operators that are a function of one value, each an
// elementwise_lut (layers/elementwise_lut.hpp) over its reference kernel:
//   relu<OutQ>, relu6<OutQ>, leaky_relu<OutQ, Alpha>, elu<OutQ>, logistic<OutQ>, tanh<OutQ>,
//   abs<OutQ>, rsqrt<OutQ>
// Alpha is a tag type like softmax's beta: `static constexpr float value`. RELU, RELU6 and
// LEAKY_RELU also take int16 tensors (16x8 mode; kernels/reference/relu_s16.hpp), and so do
// LOGISTIC and TANH (kernels/reference/logistic_tanh_s16.hpp: TFLM's 256-entry sigmoid table,
// linked once for every int16 LOGISTIC and TANH of a model).
#pragma once

#include <concepts>
#include <cstdint>

#include "ctnn/kernels/reference/abs_rsqrt_s8.hpp"
#include "ctnn/kernels/reference/elu_s8.hpp"
#include "ctnn/kernels/reference/logistic_tanh_s16.hpp"
#include "ctnn/kernels/reference/logistic_tanh_s8.hpp"
#include "ctnn/kernels/reference/relu_s16.hpp"
#include "ctnn/kernels/reference/relu_s8.hpp"
#include "ctnn/layers/elementwise_lut.hpp"

namespace ctnn::layers {

namespace unary {

struct relu {
    static constexpr bool output_ok(float, std::int32_t) noexcept { return true; }  // any output quantization
    static constexpr bool scales_ok(float s_in, float s_out) noexcept { return kernels::relu_scales_in_range(s_in, s_out); }
    static constexpr auto make(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out) noexcept {
        return kernels::make_relu_params(s_in, zp_in, s_out, zp_out);
    }
    static constexpr std::int8_t apply(const kernels::requantize_clamp_params& p, std::int8_t x) noexcept { return kernels::reference::relu_s8(p, x); }
    static constexpr auto make_s16(float s_in, float s_out) noexcept { return kernels::make_relu_s16_params(s_in, s_out); }
    static constexpr std::int16_t apply_s16(const kernels::requantize_clamp_params& p, std::int16_t x) noexcept {
        return kernels::reference::relu_s16(p, x);
    }
};

struct relu6 {
    static constexpr bool output_ok(float, std::int32_t) noexcept { return true; }  // any output quantization
    static constexpr bool scales_ok(float, float) noexcept { return true; }
    static constexpr auto make(float s_in, std::int32_t zp_in, float, std::int32_t) noexcept { return kernels::make_relu6_params(s_in, zp_in); }
    static constexpr std::int8_t apply(const kernels::relu6_params& p, std::int8_t x) noexcept { return kernels::reference::relu6_s8(p, x); }
    static constexpr auto make_s16(float s_in, float) noexcept { return kernels::make_relu6_s16_params(s_in); }
    static constexpr std::int16_t apply_s16(const kernels::relu6_params& p, std::int16_t x) noexcept { return kernels::reference::relu6_s16(p, x); }
};

template <class Alpha>
struct leaky_relu {
    static constexpr float alpha = Alpha::value;
    static constexpr bool output_ok(float, std::int32_t) noexcept { return true; }  // any output quantization
    static constexpr bool scales_ok(float s_in, float s_out) noexcept { return kernels::leaky_relu_scales_in_range(s_in, alpha, s_out); }
    static constexpr auto make(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out) noexcept {
        return kernels::make_leaky_relu_params(s_in, zp_in, s_out, zp_out, alpha);
    }
    static constexpr std::int8_t apply(const kernels::leaky_relu_params& p, std::int8_t x) noexcept { return kernels::reference::leaky_relu_s8(p, x); }
    static constexpr auto make_s16(float s_in, float s_out) noexcept { return kernels::make_leaky_relu_params(s_in, 0, s_out, 0, alpha); }
    static constexpr std::int16_t apply_s16(const kernels::leaky_relu_params& p, std::int16_t x) noexcept {
        return kernels::reference::leaky_relu_s16(p, x);
    }
};

struct elu {
    static constexpr bool output_ok(float, std::int32_t) noexcept { return true; }  // any output quantization
    static constexpr bool scales_ok(float s_in, float s_out) noexcept { return kernels::elu_scales_in_range(s_in, s_out); }
    static constexpr auto make(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out) noexcept {
        return kernels::make_elu_params(s_in, zp_in, s_out, zp_out);
    }
    static constexpr std::int8_t apply(const kernels::elu_params& p, std::int8_t x) noexcept { return kernels::reference::elu_s8(p, x); }
};

struct logistic {
    static constexpr bool output_ok(float s, std::int32_t zp) noexcept { return kernels::logistic_output_quantization_ok(s, zp); }
    static constexpr bool scales_ok(float s_in, float) noexcept { return kernels::sigmoid_input_scale_in_range(s_in); }
    static constexpr auto make(float s_in, std::int32_t zp_in, float, std::int32_t) noexcept { return kernels::make_sigmoid_params(s_in, zp_in); }
    static constexpr std::int8_t apply(const kernels::sigmoid_params& p, std::int8_t x) noexcept { return kernels::reference::logistic_s8(p, x); }
    // int16: the output scale 2^-15 (TFLite's tolerance), the input scale TFLM's Prepare takes.
    static constexpr bool output_ok_s16(float s) noexcept { return kernels::sigmoid_s16_output_scale_ok(s); }
    static constexpr bool scales_ok_s16(float s_in, float) noexcept { return kernels::sigmoid_s16_input_scale_in_range(s_in, false); }
    static constexpr auto make_s16(float s_in, float) noexcept { return kernels::make_sigmoid_s16_params(s_in, false); }
    static constexpr std::int16_t apply_s16(const kernels::sigmoid_s16_params& p, std::int16_t x) noexcept {
        return kernels::reference::logistic_s16(p, x);
    }
    static constexpr const kernels::sigmoid_s16_table_t& table_s16 = kernels::sigmoid_s16_table;
};

struct tanh {
    static constexpr bool output_ok(float s, std::int32_t zp) noexcept { return kernels::tanh_output_quantization_ok(s, zp); }
    static constexpr bool scales_ok(float s_in, float) noexcept { return kernels::sigmoid_input_scale_in_range(s_in); }
    static constexpr auto make(float s_in, std::int32_t zp_in, float, std::int32_t) noexcept { return kernels::make_sigmoid_params(s_in, zp_in); }
    static constexpr std::int8_t apply(const kernels::sigmoid_params& p, std::int8_t x) noexcept { return kernels::reference::tanh_s8(p, x); }
    // int16: the output scale 2^-15 (TFLite's tolerance), the input scale TFLM's Prepare takes.
    static constexpr bool output_ok_s16(float s) noexcept { return kernels::sigmoid_s16_output_scale_ok(s); }
    static constexpr bool scales_ok_s16(float s_in, float) noexcept { return kernels::sigmoid_s16_input_scale_in_range(s_in, true); }
    static constexpr auto make_s16(float s_in, float) noexcept { return kernels::make_sigmoid_s16_params(s_in, true); }
    static constexpr std::int16_t apply_s16(const kernels::sigmoid_s16_params& p, std::int16_t x) noexcept {
        return kernels::reference::tanh_s16(p, x);
    }
    static constexpr const kernels::sigmoid_s16_table_t& table_s16 = kernels::sigmoid_s16_table;
};

struct abs {
    static constexpr bool output_ok(float, std::int32_t) noexcept { return true; }  // any output quantization
    static constexpr bool scales_ok(float s_in, float s_out) noexcept { return kernels::abs_scales_in_range(s_in, s_out); }
    static constexpr auto make(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out) noexcept {
        return kernels::make_abs_params(s_in, zp_in, s_out, zp_out);
    }
    static constexpr std::int8_t apply(const kernels::abs_rsqrt_params& p, std::int8_t x) noexcept { return kernels::reference::abs_s8(p, x); }
};

struct rsqrt {
    static constexpr bool output_ok(float, std::int32_t) noexcept { return true; }  // any output quantization
    static constexpr bool scales_ok(float s_in, float s_out) noexcept { return kernels::rsqrt_scales_in_range(s_in, s_out); }
    static constexpr auto make(float s_in, std::int32_t zp_in, float s_out, std::int32_t zp_out) noexcept {
        return kernels::make_rsqrt_params(s_in, zp_in, s_out, zp_out);
    }
    static constexpr std::int8_t apply(const kernels::abs_rsqrt_params& p, std::int8_t x) noexcept { return kernels::reference::rsqrt_s8(p, x); }
};

}  // namespace unary

// LEAKY_RELU's alpha, as a tag type (any finite value; TFLite's converter writes 0.2 by default).
template <class A>
concept Alpha = requires {
    { A::value } -> std::convertible_to<float>;
};

template <QuantParams OutQ>
using relu = elementwise_lut<unary::relu, OutQ>;
template <QuantParams OutQ>
using relu6 = elementwise_lut<unary::relu6, OutQ>;
template <QuantParams OutQ, Alpha A>
using leaky_relu = elementwise_lut<unary::leaky_relu<A>, OutQ>;
template <QuantParams OutQ>
using elu = elementwise_lut<unary::elu, OutQ>;
template <QuantParams OutQ>
using logistic = elementwise_lut<unary::logistic, OutQ>;
template <QuantParams OutQ>
using tanh = elementwise_lut<unary::tanh, OutQ>;
template <QuantParams OutQ>
using abs = elementwise_lut<unary::abs, OutQ>;
template <QuantParams OutQ>
using rsqrt = elementwise_lut<unary::rsqrt, OutQ>;

}  // namespace ctnn::layers
