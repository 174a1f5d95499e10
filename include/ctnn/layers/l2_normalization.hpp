// L2_NORMALIZATION int8 -> int8 over the last dimension (kernels/reference/l2_normalization_s8.hpp):
// output scale 1/128, zero point 0, as TFLite requires. In place: a row's sum of squares is
// taken before any output of it is written.
#pragma once

#include <cstdint>

#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/l2_normalization_s8.hpp"
#include "ctnn/kernels/reference/l2_normalization_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <int Depth, bool InRange>
struct l2_normalization_row_too_long {
    static_assert(InRange, "ctnn: l2_normalization's sum of squares is an int32: the last dimension may hold at most "
                           "33025 elements (33025 x 255^2 < 2^31) (template argument: the last dimension)");
};
}  // namespace diag
}  // namespace ctnn

namespace ctnn::layers {

inline constexpr operator_traits l2_normalization_traits = in_place_elementwise;

template <QuantParams OutQ>
struct l2_normalization : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: l2_normalization takes an int8 tensor");
        static_assert(kernels::l2_normalization_output_quantization_ok(OutQ::scale, OutQ::zero_point),
                      "ctnn: l2_normalization int8 output must have scale 1/128 and zero point 0 (as TFLite requires)");
        static constexpr int depth = In::shape::inner;
        static_assert(sizeof(diag::l2_normalization_row_too_long<depth, kernels::l2_normalization_depth_in_range(depth)>));
        using output = tensor_type<typename In::shape, OutQ>;
        static constexpr kernels::l2_normalization_params params{static_cast<int>(In::size / depth), depth, In::quant::zero_point};

        using kernel = kernels::kernel_for<kernels::op::l2_normalization>;
        static constexpr layer_facts facts = unweighted_facts(l2_normalization_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) { kernel::run<params>(input, out); }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::l2_normalization_s8(params, input, out);
        }
    };
};

}  // namespace ctnn::layers
