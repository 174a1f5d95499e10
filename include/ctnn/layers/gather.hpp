// GATHER with batch_dims 0: along one axis of an int8 tensor, the slices at the given indices,
// in their order (TFLite's Gather). The input is [outer..., axis, inner...]; the output is
// [outer..., indices..., inner...], whose shape the layer is given (the indices' own shape is
// the converter's: the layer takes them flat). Axis may be negative (counted from the end);
// every index must lie in [0, axis extent). Output quantization is the input's.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/gather.hpp"
#include "ctnn/kernels/reference/gather.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {

// GATHER's indices, in order, along the gathered axis.
template <int... Index>
struct gather_indices {
    static_assert(sizeof...(Index) >= 1, "ctnn: gather needs at least one index");
    static constexpr std::array<int, sizeof...(Index)> values{Index...};
};

namespace detail {
template <class T>
inline constexpr bool is_gather_indices = false;
template <int... I>
inline constexpr bool is_gather_indices<gather_indices<I...>> = true;
}  // namespace detail

// GATHER's indices: ctnn::gather_indices<...>.
template <class T>
concept GatherIndices = detail::is_gather_indices<T>;

namespace diag {
template <int Rank, int Axis, bool Valid>
struct gather_axis_out_of_range {
    static_assert(Valid, "ctnn: gather: the axis lies outside [-rank, rank) of the input (template arguments: rank, axis)");
};
template <int Position, int Index, int AxisExtent, bool Valid>
struct gather_index_out_of_range {
    static_assert(Valid, "ctnn: gather: an index lies outside [0, extent of the axis) (template arguments: its position, the index, the extent)");
};
template <class OutputShape, long long Elements, bool Same>
struct gather_output_holds_other_count {
    static_assert(Same, "ctnn: gather: the output shape must hold outer x indices x inner elements "
                        "(template arguments: the output shape, that count)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits gather_traits = separate_output;

template <int Axis, GatherIndices Indices, Shape Out>
struct gather : layer {
    template <class In>
    struct bind {
        using s = typename In::shape;
        static_assert(Int8Tensor<In>, "ctnn: gather takes an int8 tensor");
        static_assert(sizeof(diag::gather_axis_out_of_range<s::rank, Axis, Axis >= -s::rank && Axis < s::rank>));
        static constexpr int axis = Axis < 0 ? Axis + s::rank : Axis;
        static constexpr int extent = s::dims[static_cast<std::size_t>(axis >= 0 && axis < s::rank ? axis : 0)];
        static constexpr int bad = [] {
            for (std::size_t k = 0; k < Indices::values.size(); ++k)
                if (Indices::values[k] < 0 || Indices::values[k] >= extent) return static_cast<int>(k);
            return -1;
        }();
        static_assert(sizeof(diag::gather_index_out_of_range<bad, Indices::values[bad < 0 ? 0 : static_cast<std::size_t>(bad)], extent, bad < 0>));

        static constexpr kernels::gather_params params = [] {
            kernels::gather_params p;
            for (int d = 0; d < s::rank; ++d) {
                const int n = s::dims[static_cast<std::size_t>(d)];
                if (d < axis) p.outer *= n;
                if (d > axis) p.inner *= n;
            }
            p.axis_size = extent;
            p.count = static_cast<int>(Indices::values.size());
            return p;
        }();
        static constexpr long long elements = static_cast<long long>(params.outer) * params.count * params.inner;
        static_assert(sizeof(diag::gather_output_holds_other_count<Out, elements, elements == static_cast<long long>(Out::size)>));
        static constexpr const auto& indices = Indices::values;

        using output = tensor_type<Out, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::gather>;
        // The indices are options, like PAD's amounts: no TFLite parameters (the kernel's copy
        // of them is in constants()).
        static constexpr layer_facts facts = unweighted_facts(gather_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params, Indices::values>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params, Indices::values>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::gather(kernels::reference::runtime_value(params), kernels::reference::runtime_value(Indices::values.data()), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
