// ARG_MAX and ARG_MIN of an int8 or float32 tensor over one axis (negative: from the end): the int32
// index of the first largest (smallest) value along it, TFLite's ArgMinMax. The output is the
// input's shape without the axis (a rank-1 input gives one value, shape<1>) and its type
// ctnn::int32: raw indices, no quantization.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/reduce_s8.hpp"
#include "ctnn/kernels/reference/reduce_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <int Rank, int Axis, bool Valid>
struct arg_axis_out_of_range {
    static_assert(Valid, "ctnn: arg_max/arg_min: the axis lies outside [-rank, rank) of the input (template arguments: rank, axis)");
};
template <class Input, bool IsInt8OrFloat>
struct arg_max_needs_an_int8_or_float32_tensor {
    static_assert(IsInt8OrFloat, "ctnn: arg_max/arg_min take an int8 or float32 tensor (template argument: the input)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits arg_max_traits = separate_output;
inline constexpr operator_traits arg_min_traits = separate_output;

template <bool Max, int Axis>
struct arg_extreme : layer {
    template <class In>
    struct bind {
        using s = typename In::shape;
        static_assert(sizeof(diag::arg_max_needs_an_int8_or_float32_tensor<In, Int8Tensor<In> || In::is_float>));
        using element = typename In::element;
        static constexpr bool axis_in_range = Axis >= -s::rank && Axis < s::rank;
        static_assert(sizeof(diag::arg_axis_out_of_range<s::rank, Axis, axis_in_range>));
        static constexpr int axis = !axis_in_range ? 0 : Axis < 0 ? Axis + s::rank : Axis;  // 0: no second error

        static constexpr kernels::arg_params params = [] {
            kernels::arg_params p;
            for (int d = 0; d < s::rank; ++d) {
                const int n = s::dims[static_cast<std::size_t>(d)];
                if (d < axis) p.outer *= n;
                else if (d == axis) p.axis = n;
                else p.inner *= n;
            }
            p.max = Max;
            return p;
        }();
        static constexpr auto output_dims = [] {
            std::array<int, (s::rank > 1 ? s::rank - 1 : 1)> out{};
            out[0] = 1;
            for (int d = 0, k = 0; d < s::rank; ++d)
                if (d != axis) out[static_cast<std::size_t>(k++)] = s::dims[static_cast<std::size_t>(d)];
            return out;
        }();
        using output = tensor_type<shape_from<output_dims>, ctnn::int32>;
        using kernel = kernels::kernel_for<kernels::op::arg_reduce>;
        static constexpr layer_facts facts = unweighted_facts(Max ? arg_max_traits : arg_min_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const element* input, std::int32_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const element* input, std::int32_t* out) {
            kernels::reference::arg_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};
template <int Axis>
struct arg_max : arg_extreme<true, Axis> {};
template <int Axis>
struct arg_min : arg_extreme<false, Axis> {};

}  // namespace layers
}  // namespace ctnn
