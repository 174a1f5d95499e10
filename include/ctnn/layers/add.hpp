// ADD of two int8 tensors, each requantized TFLite's way (left shift 20, both inputs scaled
// against twice the larger input scale), with fused activation. Two tensors of one shape take
// the residual path (op::add: a 1x1 convolution feeding it may run inside it, chunk by chunk);
// shapes that differ broadcast (layers/binary.hpp, op::add_broadcast, up to 6-D as TFLM). The
// output may be written over an input that dies here (the planner decides). Two int16 tensors
// (16x8 mode) take TFLM's int16 path (int16_bind).
#pragma once

#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/add_s8.hpp"
#include "ctnn/kernels/reference/add_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/binary.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn {

namespace layers {

// The output may overwrite the first operand; a convolution feeding it may run inside it.
inline constexpr operator_traits add_traits{
    .widenable_weights = false, .in_place_input = 0, .is_view = false, .fusion = fusion_role::residual_add};

inline constexpr int add_max_broadcast_rank = 6;

template <QuantParams OutQ, Activation Act = act::none>
struct add : layer {
    // Two tensors of one shape (up to leading 1s): the residual ADD.
    template <class In1, class In2>
    struct same_shape_bind {
        static_assert(sizeof(diag::binary_operator_takes_int8_tensors<kernels::op::add, Int8Tensor<In1> && Int8Tensor<In2>>));
        static_assert(valid_quantization<OutQ>);
        using output = tensor_type<typename broadcast_of<typename In1::shape, typename In2::shape>::shape, OutQ>;
        static constexpr add_reals reals = add_multiplier_reals(In1::quant::scale, In2::quant::scale, OutQ::scale);
        static_assert(sizeof(diag::requantization_out_of_range<OutQ, multiplier_in_range(reals.output)>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));

        static constexpr kernels::add_params params = [] {
            const activation_range r = Act::range(OutQ::scale, OutQ::zero_point);
            kernels::add_params p;
            p.size = static_cast<int>(In1::size);
            p.input1_zero_point = In1::quant::zero_point;
            p.input2_zero_point = In2::quant::zero_point;
            p.output_zero_point = OutQ::zero_point;
            p.left_shift = add_left_shift;
            p.input1 = quantize_multiplier(reals.input1);
            p.input2 = quantize_multiplier(reals.input2);
            p.output = quantize_multiplier(reals.output);
            p.act_min = r.min;
            p.act_max = r.max;
            return p;
        }();
        using kernel = kernels::kernel_for<kernels::op::add>;
        // Element-wise: either input may be overwritten; the graph offers the first.
        static constexpr layer_facts facts = unweighted_facts(add_traits, 0);

        static void run_reference(const std::int8_t* a, const std::int8_t* b, std::int8_t* out) {
            run_reference_range(a, b, out, params.size);
        }
        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* a, const std::int8_t* b, std::int8_t* out, std::byte*) {
            run_range(a, b, out, params.size);
        }

        // The first n elements only (residual fusion hands it a chunk of rows at a time).
        static void run_range(const std::int8_t* a, const std::int8_t* b, std::int8_t* out, int n) {
            kernel::run<params>(a, b, out, n);
        }
        static void run_reference_range(const std::int8_t* a, const std::int8_t* b, std::int8_t* out, int n) {
            kernels::add_params p = kernels::reference::runtime_value(params);
            p.size = n;
            kernels::reference::add_s8(p, a, b, out);
        }
    };

    // Shapes that differ: a broadcast, no residual fusion.
    template <class In1, class In2>
    struct broadcast_bind
        : binary_bound<kernels::op::add_broadcast, In1, In2, OutQ,
                       kernels::make_add_params(In1::quant::scale, In1::quant::zero_point, In2::quant::scale, In2::quant::zero_point,
                                                OutQ::scale, OutQ::zero_point, Act::range(OutQ::scale, OutQ::zero_point)),
                       add_max_broadcast_rank> {
        static constexpr add_reals reals = add_multiplier_reals(In1::quant::scale, In2::quant::scale, OutQ::scale);
        static_assert(sizeof(diag::requantization_out_of_range<OutQ, multiplier_in_range(reals.output)>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
    };

    // int16 tensors (16x8 mode), any shapes: TFLM's general int16 path (left shift 15, every
    // multiplier below one; kernels/reference/binary_s16.hpp), through the broadcast walk (no
    // residual fusion: that is int8 only).
    template <class In1, class In2>
    struct int16_bind
        : binary_bound<kernels::op::binary_s16, In1, In2, OutQ,
                       kernels::make_add_s16_params(In1::quant::scale, In2::quant::scale, OutQ::scale,
                                                    activation_range_of<Act, std::int16_t>(OutQ::scale, OutQ::zero_point)),
                       add_max_broadcast_rank> {
        static constexpr add_reals reals = kernels::add_s16_reals(In1::quant::scale, In2::quant::scale, OutQ::scale);
        static_assert(sizeof(diag::int16_binary_multiplier_not_below_one<kernels::op::add, typename In1::quant, typename In2::quant, OutQ,
                                                                         kernels::add_s16_multipliers_ok(reals)>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, OutQ, activation_range_representable<Act>(OutQ::scale)>));
    };

    template <class In1, class In2>
    static constexpr bool same_elements = [] {
        constexpr broadcast_geometry g = broadcast_of<typename In1::shape, typename In2::shape>::geometry;
        return g.valid && g.size1 == g.size && g.size2 == g.size;
    }();
    template <class In1, class In2>
    struct bind : std::conditional_t<checked_int16_binary<kernels::op::add, In1, In2, OutQ>::value, int16_bind<In1, In2>,
                                     std::conditional_t<same_elements<In1, In2>, same_shape_bind<In1, In2>, broadcast_bind<In1, In2>>> {};
};

}  // namespace layers
}  // namespace ctnn
