// STRIDED_SLICE and SLICE: a box of the input, every stride-th element from a start along
// each dimension (a negative stride runs backwards), written out in order. The layer takes
// the slice in canonical form, one (begin, size, stride) per input dimension with every index
// inside the input: TFLite's masks, negative and clamped indices are the converter's to
// resolve (tools/ctnn-convert/op_strided_slice.cpp). The output shape is given, since
// shrink_axis_mask and new_axis_mask drop or add dimensions of 1: it must hold exactly the
// box's elements. Output quantization is the input's. Rank 1 to 5; int8 or int16.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/strided_copy.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/reference/strided_copy.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {

// The slice, per input dimension: the first index read, the count of indices, their spacing.
template <int... Begin>
struct slice_begin {
    static constexpr std::array<int, sizeof...(Begin)> values{Begin...};
};
template <int... Size>
struct slice_size {
    static constexpr std::array<int, sizeof...(Size)> values{Size...};
};
template <int... Stride>
struct slice_strides {
    static constexpr std::array<int, sizeof...(Stride)> values{Stride...};
};

namespace detail {
template <class T, template <int...> class Option>
inline constexpr bool is_index_list = false;
template <template <int...> class Option, int... V>
inline constexpr bool is_index_list<Option<V...>, Option> = true;
}  // namespace detail

// The slice's option types, each by its own name (a begin list cannot stand for the sizes).
template <class T>
concept SliceBegin = detail::is_index_list<T, slice_begin>;
template <class T>
concept SliceSize = detail::is_index_list<T, slice_size>;
template <class T>
concept SliceStrides = detail::is_index_list<T, slice_strides>;

namespace diag {
template <class InputShape, int BeginCount, int SizeCount, int StrideCount, bool Matches>
struct slice_needs_one_entry_per_input_dimension {
    static_assert(Matches, "ctnn: strided_slice needs one begin, size and stride per dimension of an input of rank 1 to 5 "
                           "(template arguments: the input shape, the counts of begins, sizes and strides)");
};
template <int Dimension, int Begin, int Size, int Stride, int Extent, bool Inside>
struct slice_reads_outside_the_input {
    static_assert(Inside, "ctnn: strided_slice: along a dimension the size must be at least 1, the stride nonzero, and begin and "
                          "begin + (size - 1) * stride inside [0, extent) (template arguments: dimension, begin, size, stride, extent)");
};
template <class OutputShape, long long SliceElements, bool Same>
struct slice_output_holds_other_count {
    static_assert(Same, "ctnn: strided_slice: the output shape must hold exactly the slice's elements "
                        "(template arguments: the output shape, the slice's element count)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits strided_slice_traits = separate_output;

namespace detail {
// The first dimension whose slice leaves the input, or -1.
template <std::size_t N>
constexpr int slice_outside(const std::array<int, N>& dims, const std::array<int, N>& begin, const std::array<int, N>& size,
                            const std::array<int, N>& stride) noexcept {
    for (std::size_t d = 0; d < N; ++d) {
        const long long last = begin[d] + static_cast<long long>(size[d] - 1) * stride[d];
        if (size[d] < 1 || stride[d] == 0 || begin[d] < 0 || begin[d] >= dims[d] || last < 0 || last >= dims[d]) return static_cast<int>(d);
    }
    return -1;
}

template <class In, class Begin, class Size, class Strides, class Out>
struct strided_slice_bind {
    using s = typename In::shape;
    static constexpr int rank = s::rank;
    static_assert(Int8Tensor<In> || Int16Tensor<In>, "ctnn: strided_slice takes an int8 or int16 tensor");
    using element = typename In::element;
    static constexpr bool counts_match = rank <= kernels::max_movement_rank && Begin::values.size() == s::dims.size() &&
                                         Size::values.size() == s::dims.size() && Strides::values.size() == s::dims.size();
    static_assert(sizeof(diag::slice_needs_one_entry_per_input_dimension<s, int(Begin::values.size()), int(Size::values.size()),
                                                                          int(Strides::values.size()), counts_match>));
    static constexpr int bad = [] {
        if constexpr (counts_match) return slice_outside(s::dims, Begin::values, Size::values, Strides::values);
        else return -1;
    }();
    static constexpr std::size_t b = bad < 0 ? 0 : static_cast<std::size_t>(bad);
    static_assert(sizeof(diag::slice_reads_outside_the_input<bad, Begin::values[b], Size::values[b], Strides::values[b], s::dims[b], bad < 0>));
    static constexpr long long elements = [] {
        long long n = 1;
        for (const int v : Size::values) n *= v;
        return n;
    }();
    static_assert(sizeof(diag::slice_output_holds_other_count<Out, elements, elements == static_cast<long long>(Out::size)>));

    static constexpr kernels::strided_copy_params params = [] {
        std::array<int, 5> dims{}, begin{}, size{}, stride{};
        for (int d = 0; d < rank; ++d) {
            const auto k = static_cast<std::size_t>(d);
            dims[k] = s::dims[k], begin[k] = Begin::values[k], size[k] = Size::values[k], stride[k] = Strides::values[k];
        }
        return kernels::slice_copy(rank, dims, begin, stride, size);
    }();
    using output = tensor_type<Out, typename In::quant>;
    using kernel = kernels::kernel_for<kernels::op::strided_copy>;
    static constexpr layer_facts facts = unweighted_facts(strided_slice_traits, 0);

    // The constant objects its kernel links (kernels/linked_constants.hpp).
    template <kernel_options>
    static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
    template <kernel_options>
    static void run(const element* input, element* out, std::byte*) {
        kernel::template run<params>(input, out);
    }
    static void run_reference(const element* input, element* out) {
        kernels::reference::strided_copy(kernels::reference::runtime_value(params), input, out);
    }
};

template <class Size>
struct unit_strides_of;
template <int... Size>
struct unit_strides_of<slice_size<Size...>> {
    using type = slice_strides<(static_cast<void>(Size), 1)...>;
};
}  // namespace detail

// STRIDED_SLICE, canonical: Begin, Size, Strides per input dimension; Out the output's shape.
template <SliceBegin Begin, SliceSize Size, SliceStrides Strides, Shape Out>
struct strided_slice : layer {
    template <class In>
    struct bind : detail::strided_slice_bind<In, Begin, Size, Strides, Out> {};
};

// SLICE: unit strides, and the output is the box itself.
template <SliceBegin Begin, SliceSize Size>
struct slice : layer {
    template <class In>
    struct bind : detail::strided_slice_bind<In, Begin, Size, typename detail::unit_strides_of<Size>::type, shape_from<Size::values>> {};
};

}  // namespace layers
}  // namespace ctnn
