// PAD and PADV2: grow a tensor (up to 4-D) by the given amounts, filling with its zero point
// (PAD: real 0) or with a given value (PADV2's constant, quantized as the input is). int8 or
// int16.
// Output quantization is the input's.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/pad_s8.hpp"
#include "ctnn/kernels/reference/pad_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/options.hpp"

namespace ctnn {

// What PAD fills with: the input's zero point, or (PADV2) a raw int8 value.
struct fill_zero_point {};
template <int Value>
struct fill_value {
    static_assert(Value >= -32768 && Value <= 32767, "ctnn: a pad fill value is an int8 or int16 value, in [-32768, 32767]");
    static constexpr int value = Value;
};

namespace diag {
template <int Value, int Min, int Max, bool Fits>
struct pad_fill_value_outside_the_element_range {
    static_assert(Fits, "ctnn: pad: the fill value lies outside the tensor's element range (template arguments: the value, "
                        "the element's min and max)");
};
}  // namespace diag

namespace detail {
template <class F>
inline constexpr bool is_fill = false;
template <>
inline constexpr bool is_fill<fill_zero_point> = true;
template <int V>
inline constexpr bool is_fill<fill_value<V>> = fill_value<V>::value == V;  // instantiates its check
}  // namespace detail

// PAD's fill: ctnn::fill_zero_point or ctnn::fill_value<v> (v checked where the layer is named,
// and against the tensor's element where it is bound).
template <class F>
concept Fill = detail::is_fill<F>;

}  // namespace ctnn

namespace ctnn::layers {

inline constexpr operator_traits pad_traits = separate_output;

template <Paddings Amounts, Fill With = fill_zero_point>
struct pad : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In> || Int16Tensor<In>, "ctnn: pad takes an int8 or int16 tensor");
        using element = typename In::element;
        static constexpr int fill = [] {
            if constexpr (std::is_same_v<With, fill_zero_point>) return 0;
            else return With::value;
        }();
        static constexpr int lowest = std::numeric_limits<element>::min(), highest = std::numeric_limits<element>::max();
        static_assert(sizeof(diag::pad_fill_value_outside_the_element_range<fill, lowest, highest, fill >= lowest && fill <= highest>));
        static_assert(Amounts::rank == In::shape::rank && In::shape::rank <= 4,
                      "ctnn: pad needs one (before, after) pair per input dimension, for tensors of rank <= 4");
        static constexpr int rank = In::shape::rank;
        static constexpr kernels::pad_params params = [] {
            kernels::pad_params p;
            for (int d = 0; d < rank; ++d) {
                p.in_shape[4 - rank + d] = In::shape::dims[d];
                p.before[4 - rank + d] = Amounts::values[2 * d];
                p.after[4 - rank + d] = Amounts::values[2 * d + 1];
            }
            if constexpr (std::is_same_v<With, fill_zero_point>) p.pad_value = In::quant::zero_point;
            else p.pad_value = With::value;
            return p;
        }();
        static constexpr auto output_dims = [] {
            std::array<int, rank> d{};
            for (int i = 0; i < rank; ++i) d[i] = In::shape::dims[i] + Amounts::values[2 * i] + Amounts::values[2 * i + 1];
            return d;
        }();
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::pad>;
        static constexpr layer_facts facts = unweighted_facts(pad_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const element* input, element* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const element* input, element* out) { kernels::reference::pad(kernels::reference::runtime_value(params), input, out); }
    };
};

}  // namespace ctnn::layers
