// SPACE_TO_DEPTH: moves blocks of block x block pixels of an NHWC int8 tensor into its channels
// (TFLite's SpaceToDepth): N x H x W x C -> N x H/b x W/b x C*b^2. No arithmetic:
// the output's quantization is the input's.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/depth_space_s8.hpp"
#include "ctnn/kernels/reference/depth_space_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <int Height, int Width, int Block, bool Divides>
struct space_to_depth_size_not_a_multiple_of_block {
    static_assert(Divides, "ctnn: space_to_depth needs a block of at least 1 and the input's height and width multiples of it "
                           "(template arguments: height, width, block)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits space_to_depth_traits = separate_output;

template <int Block>
struct space_to_depth : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In> && In::shape::rank == 4, "ctnn: space_to_depth takes an int8 NHWC tensor (rank 4)");
        static_assert(sizeof(diag::space_to_depth_size_not_a_multiple_of_block<
                             In::shape::dims[1], In::shape::dims[2], Block,
                             kernels::space_to_depth_fits(In::shape::dims[1], In::shape::dims[2], Block)>));
        static constexpr kernels::depth_space_params params{
            .in = {In::shape::dims[0], In::shape::dims[1], In::shape::dims[2], In::shape::dims[3]}, .block = Block};
        static constexpr std::array<int, 4> output_dims = kernels::space_to_depth_output(params);
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::space_to_depth>;
        static constexpr layer_facts facts = unweighted_facts(space_to_depth_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::space_to_depth_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
