// One part of a tensor along one axis: elements [Begin, Begin + Size) of dimension Axis, the
// other dimensions whole. TFLite's SPLIT and SPLIT_V are one such layer per output; UNPACK too,
// with Size 1 and the axis dropped (DropAxis). The output keeps the input's quantization and
// bytes (TFLite copies them). When the part is one contiguous run of the input (every dimension
// before the axis is 1) starting on an aligned byte, it is a view: no copy, no arena bytes of
// its own (plan/buffer.hpp: alias_offset).
#pragma once

#include <array>
#include <cstddef>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/split.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/reference/split.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/kernels/split_params.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <int Axis, int Begin, int Size, class InputShape, bool Inside>
struct split_part_outside_the_input {
    static_assert(Inside, "ctnn: split part [Begin, Begin + Size) of dimension Axis must lie inside the input (template "
                          "arguments: axis, begin, size, the input shape)");
};
}  // namespace diag

namespace layers {

// Separate or a view, depending on the part: each bound layer says (facts.is_view).
inline constexpr operator_traits split_traits = separate_output;

template <int Axis, int Begin, int Size, bool DropAxis = false>
struct split_part : layer {
    template <class In>
    struct bind {
        using in_shape = typename In::shape;
        static constexpr int rank = in_shape::rank;
        static_assert(sizeof(diag::split_part_outside_the_input<Axis, Begin, Size, in_shape,
                                                                Axis >= 0 && Axis < rank && Begin >= 0 && Size >= 1 &&
                                                                    Begin + Size <= in_shape::dims[Axis < 0 || Axis >= rank ? 0 : Axis] &&
                                                                    (!DropAxis || Size == 1)>));
        static constexpr kernels::split_params params = kernels::split_part_params(in_shape::dims.data(), rank, Axis, Begin, Size);
        static constexpr auto output_dims = [] {
            std::array<int, DropAxis ? (rank > 1 ? rank - 1 : 1) : rank> d{};
            for (int k = 0, at = 0; k < rank; ++k) {
                if (k == Axis && DropAxis) continue;
                d[std::size_t(at++)] = k == Axis ? Size : in_shape::dims[k];
            }
            if (DropAxis && rank == 1) d[0] = 1;
            return d;
        }();
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using element = typename In::element;

        static constexpr std::size_t view_offset = std::size_t(params.begin) * sizeof(element);
        static constexpr bool viewed = kernels::split_part_is_view(params, sizeof(element));
        using kernel = kernels::kernel_for<kernels::op::split>;
        static constexpr layer_facts facts = [] {
            layer_facts f = unweighted_facts(split_traits, 0);
            f.is_view = viewed;
            return f;
        }();
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const element* input, element* out, std::byte*) {
            if constexpr (!viewed) kernel::template run<params>(input, out);
        }
        static void run_reference(const element* input, element* out) {
            if constexpr (!viewed) kernels::reference::split_part(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
