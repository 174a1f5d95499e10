// BROADCAST_TO: repeats an int8 tensor along its dimensions of 1 to the given shape (rank up
// to 5). The input's dimensions align with the output's last ones, as in TFLite; each equals
// the output's or is 1. Output quantization is the input's.
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
namespace diag {
template <class InputShape, class OutputShape, bool Broadcastable>
struct broadcast_to_shape_not_reachable {
    static_assert(Broadcastable, "ctnn: broadcast_to: the output may have rank up to 5, at least the input's, and each input "
                                 "dimension (aligned with the output's last ones) must equal the output's or be 1 "
                                 "(template arguments: the input shape, the output shape)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits broadcast_to_traits = separate_output;

// Whether a tensor of shape `in` broadcasts to `out` as TFLite's BROADCAST_TO allows.
template <std::size_t N, std::size_t M>
constexpr bool broadcastable(const std::array<int, N>& in, const std::array<int, M>& out) noexcept {
    if (N > M || M > static_cast<std::size_t>(kernels::max_movement_rank)) return false;
    for (std::size_t d = 0; d < N; ++d) {
        const int i = in[d], o = out[M - N + d];
        if (i != o && i != 1) return false;
    }
    return true;
}

template <Shape Out>
struct broadcast_to : layer {
    template <class In>
    struct bind {
        using s = typename In::shape;
        static_assert(Int8Tensor<In>, "ctnn: broadcast_to takes an int8 tensor");
        static_assert(sizeof(diag::broadcast_to_shape_not_reachable<s, Out, broadcastable(s::dims, Out::dims)>));
        static constexpr kernels::strided_copy_params params = [] {
            std::array<int, 5> in{}, out{};
            for (int d = 0; d < s::rank && d < 5; ++d) in[static_cast<std::size_t>(d)] = s::dims[static_cast<std::size_t>(d)];
            for (int d = 0; d < Out::rank && d < 5; ++d) out[static_cast<std::size_t>(d)] = Out::dims[static_cast<std::size_t>(d)];
            return kernels::broadcast_copy(s::rank, in, Out::rank, out);
        }();
        using output = tensor_type<Out, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::strided_copy>;
        static constexpr layer_facts facts = unweighted_facts(broadcast_to_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::strided_copy(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
