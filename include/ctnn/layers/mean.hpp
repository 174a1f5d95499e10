// MEAN of an int8 or int16 tensor over any of its axes (rank <= 6), TFLite's QuantizedMeanOrSum:
// requantized to the output's quantization, equal or not. keep_dims leaves each reduced
// dimension as 1; without it the reduced dimensions go (a full reduction gives one value,
// shape<1>). The default, axes 1 and 2 of NHWC, is global average pooling.
#pragma once

#include <array>
#include <cstdint>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/mean_s8.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/options.hpp"
#include "ctnn/layers/reduction_axes.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn {
namespace diag {
template <int Rank, int BadAxis, bool Valid>
struct mean_axis_out_of_range {
    static_assert(Valid, "ctnn: mean: an axis lies outside [-rank, rank) of the input (template arguments: rank, axis)");
};
template <long long Count, bool Fits>
struct mean_reduces_too_many_elements {
    static_assert(Fits, "ctnn: mean: more than 2^23 elements per output value could overflow the int32 sum (template argument: the count)");
};
template <long long Count, bool Fits>
struct mean_reduces_too_many_int16_elements {
    static_assert(Fits, "ctnn: mean: more than 2^16 int16 elements per output value could overflow the int32 sum (template "
                        "argument: the count)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits mean_traits = separate_output;

template <QuantParams OutQ, bool KeepDims = true, Axes Over = axes<1, 2>>
struct mean : layer {
    template <class In>
    struct bind {
        using s = typename In::shape;
        static_assert((Int8Tensor<In> || Int16Tensor<In>) && s::rank <= kernels::max_mean_rank,
                      "ctnn: mean reduces an int8 or int16 tensor of rank 1 to 6");
        using element = typename In::element;
        static_assert(std::is_same_v<quant_element_t<OutQ>, element>, "ctnn: mean's output has the input's element type");
        static_assert(valid_quantization<OutQ>);

        static constexpr int bad_axis = detail::bad_axis<s::rank, Over>();
        static_assert(sizeof(diag::mean_axis_out_of_range<s::rank, bad_axis, detail::axis_in_range<s::rank, bad_axis>>));

        static constexpr kernels::mean_params params = [] {
            kernels::mean_params p;
            p.set_axes(detail::reduction_of<s, Over>());
            p.input_zero_point = In::quant::zero_point;
            p.output_zero_point = OutQ::zero_point;
            p.multiplier = quantize_multiplier(static_cast<double>(In::quant::scale) / static_cast<double>(OutQ::scale));
            return p;
        }();
        static_assert(sizeof(diag::mean_reduces_too_many_elements<params.count(), params.count() <= kernels::max_mean_count>));
        static_assert(sizeof(diag::mean_reduces_too_many_int16_elements<params.count(), !Int16Tensor<In> || params.count() <= kernels::max_mean_count_int16>));

        static constexpr detail::reduced_dims_result reduced = detail::reduced_dims(KeepDims, params.axes());
        static constexpr auto output_dims = detail::first_dims<reduced.rank>(reduced.dims);
        using output = tensor_type<shape_from<output_dims>, OutQ>;
        using kernel = kernels::kernel_for<kernels::op::mean>;
        static constexpr layer_facts facts = unweighted_facts(mean_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const element* input, element* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const element* input, element* out) {
            kernels::reference::mean(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
