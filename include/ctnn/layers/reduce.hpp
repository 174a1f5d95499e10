// SUM, REDUCE_MAX and REDUCE_MIN of an int8 tensor over any of its axes (rank <= 6), with
// MEAN's axis rules (layers/reduction_axes.hpp): negative axes count from the end, duplicates
// once, keep_dims leaves each reduced dimension as 1.
//   sum<OutQ, KeepDims, axes<...>>         TFLite's QuantizedMeanOrSum with compute_sum: the
//                                          int32 sum requantized by s_in / s_out (MEAN's kernel)
//   reduce_max<KeepDims, axes<...>>        the largest (smallest) value; the output keeps the
//   reduce_min<KeepDims, axes<...>>        input's quantization, as TFLite requires
#pragma once

#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/mean_s8.hpp"
#include "ctnn/kernels/portable/reduce_s8.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"
#include "ctnn/kernels/reference/reduce_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/options.hpp"
#include "ctnn/layers/reduction_axes.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn {
namespace diag {
template <int Rank, int BadAxis, bool Valid>
struct reduction_axis_out_of_range {
    static_assert(Valid, "ctnn: sum/reduce_max/reduce_min: an axis lies outside [-rank, rank) of the input (template arguments: "
                         "rank, axis)");
};
template <class Input, bool IsInt8>
struct reduction_needs_an_int8_tensor_of_rank_1_to_6 {
    static_assert(IsInt8, "ctnn: sum/reduce_max/reduce_min reduce an int8 tensor of rank 1 to 6 (template argument: the input)");
};
template <class InputQuant, class OutputQuant, bool InRange>
struct sum_scale_ratio_out_of_range {
    static_assert(InRange, "ctnn: sum: input scale / output scale must be below 2^30 (a left shift of at most 30 bits) "
                           "(template arguments: the input's and the output's quantization)");
};
template <long long Count, bool Fits>
struct sum_reduces_too_many_elements {
    static_assert(Fits, "ctnn: sum: more than 2^23 elements per output value could overflow the int32 sum (template argument: the count)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits sum_traits = separate_output;
inline constexpr operator_traits reduce_max_traits = separate_output;
inline constexpr operator_traits reduce_min_traits = separate_output;

namespace detail {
// The checks and the reduction every one of the three shares.
template <class In, Axes Over>
struct reduction_input {
    using s = typename In::shape;
    static_assert(sizeof(diag::reduction_needs_an_int8_tensor_of_rank_1_to_6<In, Int8Tensor<In> && s::rank <= kernels::max_reduction_rank>));
    static constexpr int bad = bad_axis<s::rank, Over>();
    static_assert(sizeof(diag::reduction_axis_out_of_range<s::rank, bad, axis_in_range<s::rank, bad>>));
    static constexpr kernels::reduction value = reduction_of<s, Over>();
};
}  // namespace detail

template <QuantParams OutQ, bool KeepDims = true, Axes Over = axes<1, 2>>
struct sum : layer {
    template <class In>
    struct bind {
        static_assert(valid_quantization<OutQ>);
        static_assert(sizeof(diag::sum_scale_ratio_out_of_range<
                             typename In::quant, OutQ, multiplier_in_range(static_cast<double>(In::quant::scale) / static_cast<double>(OutQ::scale))>));
        static constexpr kernels::mean_params params = [] {
            kernels::mean_params p;
            p.set_axes(detail::reduction_input<In, Over>::value);
            p.input_zero_point = In::quant::zero_point;
            p.output_zero_point = OutQ::zero_point;
            p.multiplier = quantize_multiplier(static_cast<double>(In::quant::scale) / static_cast<double>(OutQ::scale));
            p.sum = true;
            return p;
        }();
        static_assert(sizeof(diag::sum_reduces_too_many_elements<params.count(), params.count() <= kernels::max_mean_count>));

        static constexpr detail::reduced_dims_result reduced = detail::reduced_dims(KeepDims, params.axes());
        static constexpr auto output_dims = detail::first_dims<reduced.rank>(reduced.dims);
        using output = tensor_type<shape_from<output_dims>, OutQ>;
        using kernel = kernels::kernel_for<kernels::op::mean>;  // MEAN's kernel: one sum, one requantization
        static constexpr layer_facts facts = unweighted_facts(sum_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::mean(kernels::reference::runtime_value(params), input, out);
        }
    };
};

template <bool Max, bool KeepDims, Axes Over>
struct reduce_extreme : layer {
    template <class In>
    struct bind {
        static constexpr kernels::reduce_params params = [] {
            kernels::reduce_params p;
            p.set_axes(detail::reduction_input<In, Over>::value);
            p.max = Max;
            return p;
        }();
        static constexpr detail::reduced_dims_result reduced = detail::reduced_dims(KeepDims, params.axes());
        static constexpr auto output_dims = detail::first_dims<reduced.rank>(reduced.dims);
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::reduce>;
        static constexpr layer_facts facts = unweighted_facts(Max ? reduce_max_traits : reduce_min_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::reduce_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};
template <bool KeepDims = true, Axes Over = axes<1, 2>>
struct reduce_max : reduce_extreme<true, KeepDims, Over> {};
template <bool KeepDims = true, Axes Over = axes<1, 2>>
struct reduce_min : reduce_extreme<false, KeepDims, Over> {};

}  // namespace layers
}  // namespace ctnn
