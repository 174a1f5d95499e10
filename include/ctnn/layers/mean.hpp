// MEAN of an int8 tensor over any of its axes (rank <= 6), TFLite's QuantizedMeanOrSum:
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
}  // namespace diag

namespace layers {

inline constexpr operator_traits mean_traits = separate_output;

template <QuantParams OutQ, bool KeepDims = true, Axes Over = axes<1, 2>>
struct mean : layer {
    template <class In>
    struct bind {
        using s = typename In::shape;
        static_assert(Int8Tensor<In> && s::rank <= kernels::max_mean_rank, "ctnn: mean reduces an int8 tensor of rank 1 to 6");
        static_assert(valid_quantization<OutQ>);

        static constexpr int bad_axis = [] {
            for (const int a : Over::values)
                if (a < -s::rank || a >= s::rank) return a;
            return 0;
        }();
        static_assert(sizeof(diag::mean_axis_out_of_range<s::rank, bad_axis, bad_axis == 0 || (bad_axis >= -s::rank && bad_axis < s::rank)>));

        static constexpr kernels::mean_params params = [] {
            kernels::mean_params p;
            p.rank = s::rank;
            for (int d = 0; d < s::rank; ++d) p.dims[static_cast<std::size_t>(d)] = s::dims[static_cast<std::size_t>(d)];
            // Every element assigned, false ones too: GCC 12 mangles a class template argument
            // whose array was built sparsely without the gaps, so two MEANs over axes {0, 3} and
            // {2, 3} of one shape linked one kernel.
            for (auto& r : p.reduced) r = false;
            for (const int a : Over::values) p.reduced[static_cast<std::size_t>(a < 0 ? a + s::rank : a)] = true;
            p.input_zero_point = In::quant::zero_point;
            p.output_zero_point = OutQ::zero_point;
            p.multiplier = quantize_multiplier(static_cast<double>(In::quant::scale) / static_cast<double>(OutQ::scale));
            return p;
        }();
        static_assert(sizeof(diag::mean_reduces_too_many_elements<params.count(), params.count() <= kernels::max_mean_count>));

        static constexpr auto output_dims = [] {
            constexpr int kept = KeepDims ? s::rank : params.kept_rank();
            std::array<int, (kept > 0 ? kept : 1)> out{};
            out[0] = 1;  // a full reduction without keep_dims: one value
            for (int d = 0, k = 0; d < s::rank; ++d) {
                const bool r = params.reduced[static_cast<std::size_t>(d)];
                if (KeepDims) out[static_cast<std::size_t>(k++)] = r ? 1 : s::dims[static_cast<std::size_t>(d)];
                else if (!r) out[static_cast<std::size_t>(k++)] = s::dims[static_cast<std::size_t>(d)];
            }
            return out;
        }();
        using output = tensor_type<shape_from<output_dims>, OutQ>;
        using kernel = kernels::kernel_for<kernels::op::mean>;
        static constexpr layer_facts facts = unweighted_facts(mean_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::mean_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
