// BATCH_TO_SPACE_ND: the inverse of SPACE_TO_BATCH_ND (TFLite's BatchToSpaceND): interleaves
// the block's images of an NHWC (or NHC) int8 tensor back into space and crops it:
// N*bh*bw x H x W x C -> N x H*bh-ct-cb x W*bw-cl-cr x C. No arithmetic: the output's
// quantization is the input's.
#pragma once

#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/batch_space_s8.hpp"
#include "ctnn/kernels/reference/batch_space_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/block_options.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/space_to_batch_nd.hpp"  // the shared geometry and rank rule

namespace ctnn {
namespace diag {
template <int Batch, int Blocks, bool Divides>
struct batch_to_space_batch_not_a_multiple_of_block {
    static_assert(Divides, "ctnn: batch_to_space_nd needs the input batch to be a multiple of the block's size (block_h * block_w) "
                           "(template arguments: batch, block size)");
};
template <int Dimension, int Size, int Block, int Before, int After, bool Positive>
struct batch_to_space_crops_leave_nothing {
    static_assert(Positive, "ctnn: batch_to_space_nd's crops must leave each spatial size (size * block - before - after) at "
                            "least 1 (template arguments: dimension, size, block, before, after)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits batch_to_space_nd_traits = separate_output;

template <BlockShape Block, Crops Amounts>
struct batch_to_space_nd : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: batch_to_space_nd takes an int8 tensor");
        static_assert(sizeof(diag::batch_space_needs_rank_3_or_4_and_one_block_per_spatial_dimension<
                             In::shape::rank, Block::rank, Amounts::rank, detail::batch_space_ranks_fit<In, Block::rank, Amounts::rank>>));
        static constexpr int blocks = [] {
            int n = 1;
            for (const int b : Block::values) n *= b;
            return n;
        }();
        static_assert(sizeof(diag::batch_to_space_batch_not_a_multiple_of_block<In::shape::dims[0], blocks, In::shape::dims[0] % blocks == 0>));
        template <int D>  // spatial dimension D (1: height, 2: width) of the input
        using dim_check = diag::batch_to_space_crops_leave_nothing<
            D, detail::value_at(In::shape::dims, D), detail::value_at(Block::values, D - 1), detail::value_at(Amounts::values, 2 * D - 2),
            detail::value_at(Amounts::values, 2 * D - 1),
            (D > Block::rank) || kernels::batch_to_space_dim_fits(detail::value_at(In::shape::dims, D), detail::value_at(Block::values, D - 1),
                                                                detail::value_at(Amounts::values, 2 * D - 2),
                                                                detail::value_at(Amounts::values, 2 * D - 1))>;
        static_assert(sizeof(dim_check<1>) && sizeof(dim_check<2>));
        static constexpr kernels::batch_space_params params = detail::batch_space_geometry<In, Block, Amounts>(false);
        static constexpr auto output_dims = detail::batch_space_output_dims<In::shape::rank>(params);
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::batch_to_space_nd>;
        static constexpr layer_facts facts = unweighted_facts(batch_to_space_nd_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::batch_to_space_nd_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
