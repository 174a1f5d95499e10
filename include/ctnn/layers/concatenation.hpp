// CONCATENATION along an axis, and PACK (stacking along a new axis), of any number of tensors
// with one quantization (TFLite requires the inputs' to equal the output's, so the bytes are
// copied: kernels/concatenation_params.hpp). Negative axes count from the end, as in TFLite.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/concatenation_params.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/concatenation.hpp"
#include "ctnn/kernels/reference/concatenation.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <int Axis, int Rank, bool InRange>
struct concatenation_axis_out_of_range {
    static_assert(InRange, "ctnn: concatenation/pack axis must lie in [-rank, rank) (template arguments: axis, rank of the result)");
};
template <int Input, class FirstShape, class Shape, bool Compatible>
struct concatenation_input_shape_differs {
    static_assert(Compatible, "ctnn: concatenation inputs must have the first input's rank and dimensions except on the axis; "
                              "pack inputs must have the first input's shape (template arguments: input index, the first input's "
                              "shape, this input's shape)");
};
template <int Input, bool SameQuantization>
struct concatenation_inputs_need_one_quantization {
    static_assert(SameQuantization, "ctnn: concatenation/pack inputs must all have the first input's quantization, as TFLite "
                                    "requires (template argument: the index of the input that differs)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits concatenation_traits = separate_output;

namespace detail {
// Axis A of a rank-R result as an index in [0, R).
constexpr int positive_axis(int axis, int rank) noexcept { return axis < 0 ? axis + rank : axis; }

template <class First, class Each>
constexpr bool same_quantization =
    std::is_same_v<typename First::quant, typename Each::quant> ||
    (!First::is_float && !Each::is_float &&
     requires { First::quant::scale; } && First::quant::scale == Each::quant::scale && First::quant::zero_point == Each::quant::zero_point);

template <bool Pack, int Axis, class First, class Each>
constexpr bool compatible_shape() noexcept {
    using a = typename First::shape;
    using b = typename Each::shape;
    if constexpr (a::rank != b::rank) {
        return false;
    } else {
        for (int d = 0; d < a::rank; ++d)
            if ((Pack || d != Axis) && a::dims[d] != b::dims[d]) return false;
        return true;
    }
}

// The copy plan: outer runs before the axis, each input's run from the axis on.
template <int Axis, class... In>
constexpr kernels::concatenation_params copy_plan(int in_rank) noexcept {
    kernels::concatenation_params p;
    p.count = int(sizeof...(In));
    using first = std::tuple_element_t<0, std::tuple<In...>>;
    for (int d = 0; d < Axis && d < in_rank; ++d) p.outer *= first::shape::dims[d];
    int i = 0;
    ((p.inner[i++] = int(In::size / std::size_t(p.outer))), ...);
    return p;
}
}  // namespace detail

// Pack = false: CONCATENATION, inputs of one rank, the result's dimension Axis their sum.
// Pack = true: PACK, inputs of one shape, the result has a new dimension Axis of size count.
template <int Axis, bool Pack = false>
struct concatenation : layer {
    template <class... In>
    struct bind {
        static_assert(sizeof...(In) >= 1 && sizeof...(In) <= kernels::max_concatenation_inputs,
                      "ctnn: concatenation/pack takes 1 to 16 tensors");
        using first = std::tuple_element_t<0, std::tuple<In...>>;
        static constexpr int in_rank = first::shape::rank;
        static constexpr int out_rank = in_rank + (Pack ? 1 : 0);
        static_assert(sizeof(diag::concatenation_axis_out_of_range<Axis, out_rank, Axis >= -out_rank && Axis < out_rank>));
        static constexpr int axis = detail::positive_axis(Axis, out_rank);
        // Each input against the first, the message naming its index.
        static constexpr bool checked = []<std::size_t... I>(std::index_sequence<I...>) {
            using all = std::tuple<In...>;
            return ((sizeof(diag::concatenation_input_shape_differs<int(I), typename first::shape,
                                                                    typename std::tuple_element_t<I, all>::shape,
                                                                    detail::compatible_shape<Pack, axis, first, std::tuple_element_t<I, all>>()>) &&
                     sizeof(diag::concatenation_inputs_need_one_quantization<
                            int(I), detail::same_quantization<first, std::tuple_element_t<I, all>>>)) &&
                    ...);
        }(std::index_sequence_for<In...>{});
        static constexpr auto output_dims = [] {
            std::array<int, out_rank> d{};
            if constexpr (Pack) {
                for (int k = 0, from = 0; k < out_rank; ++k) d[k] = k == axis ? int(sizeof...(In)) : first::shape::dims[from++];
            } else {
                for (int k = 0; k < out_rank; ++k) d[k] = first::shape::dims[k];
                d[axis] = (0 + ... + In::shape::dims[axis]);
            }
            return d;
        }();
        using output = tensor_type<shape_from<output_dims>, typename first::quant>;
        using element = typename first::element;
        static constexpr kernels::concatenation_params params = detail::copy_plan<axis, In...>(in_rank);
        // One run per input: the inputs may be written inside the output (plan/lifetimes.hpp).
        static constexpr bool joins_inputs = kernels::concatenation_is_one_run(params);

        using kernel = kernels::kernel_for<kernels::op::concatenation>;
        static constexpr layer_facts facts = unweighted_facts(concatenation_traits, 0);
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const typename In::element*... inputs, element* out, std::byte*) {
            const element* const all[] = {inputs...};
            kernel::template run<params>(all, out);
        }
        static void run_reference(const typename In::element*... inputs, element* out) {
            const element* const all[] = {inputs...};
            kernels::reference::concatenation(kernels::reference::runtime_value(params), all, out);
        }
    };
};

template <int Axis>
using pack = concatenation<Axis, true>;

}  // namespace layers
}  // namespace ctnn
