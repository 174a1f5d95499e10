// SPACE_TO_BATCH_ND: pads the spatial dimensions of an NHWC (or NHC) int8 tensor and splits
// them into block-interleaved images stacked along the batch (TFLite's SpaceToBatchND):
// N x H x W x C -> N*bh*bw x (H+pt+pb)/bh x (W+pl+pr)/bw x C. No arithmetic: the output's
// quantization is the input's. The padding is raw 0, as TFLM fills it
// (kernels/reference/batch_space_s8.hpp).
#pragma once

#include <array>
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
#include "ctnn/layers/options.hpp"

namespace ctnn {
namespace diag {
template <int Rank, int BlockValues, int PaddingPairs, bool Fits>
struct batch_space_needs_rank_3_or_4_and_one_block_per_spatial_dimension {
    static_assert(Fits, "ctnn: space_to_batch_nd and batch_to_space_nd take an int8 tensor of rank 3 (NHC) or 4 (NHWC) and one "
                        "block value and one (before, after) pair per spatial dimension (template arguments: rank, block values, pairs)");
};
template <int Dimension, int Size, int Block, int Before, int After, bool Divides>
struct space_to_batch_padded_size_not_a_multiple_of_block {
    static_assert(Divides, "ctnn: space_to_batch_nd needs each padded spatial size (size + before + after) to be a multiple of "
                           "its block (template arguments: dimension, size, block, before, after)");
};
}  // namespace diag

namespace layers {

namespace detail {
// a[i], or 0 past its end: the checks below read the options before the rank rule has passed.
template <std::size_t N>
constexpr int value_at(const std::array<int, N>& a, int i) noexcept {
    return i >= 0 && static_cast<std::size_t>(i) < N ? a[static_cast<std::size_t>(i)] : 0;
}
// The batch_space_params of an input of rank 3 (N x H x C, seen as N x H x 1 x C) or 4, with
// its output dimensions (`out` as the layer's rank).
template <class In, class Block, class Amounts>
constexpr kernels::batch_space_params batch_space_geometry(bool to_batch) noexcept {
    constexpr int rank = In::shape::rank;
    const auto& d = In::shape::dims;
    kernels::batch_space_params p;
    p.in = {d[0], value_at(d, 1), rank == 4 ? value_at(d, 2) : 1, d[rank - 1]};
    p.block_h = Block::values[0];
    p.block_w = rank == 4 ? value_at(Block::values, 1) : 1;
    p.before_h = value_at(Amounts::values, 0);
    p.before_w = rank == 4 ? value_at(Amounts::values, 2) : 0;
    const int after_h = value_at(Amounts::values, 1), after_w = rank == 4 ? value_at(Amounts::values, 3) : 0;
    const int blocks = p.block_h * p.block_w;
    if (to_batch) {
        p.out = {p.in[0] * blocks, (p.in[1] + p.before_h + after_h) / p.block_h, (p.in[2] + p.before_w + after_w) / p.block_w, p.in[3]};
    } else {
        p.out = {p.in[0] / blocks, p.in[1] * p.block_h - p.before_h - after_h, p.in[2] * p.block_w - p.before_w - after_w, p.in[3]};
    }
    return p;
}
template <int Rank>
constexpr std::array<int, Rank> batch_space_output_dims(const kernels::batch_space_params& p) noexcept {
    if constexpr (Rank == 4) return {p.out[0], p.out[1], p.out[2], p.out[3]};
    else return {p.out[0], p.out[1], p.out[3]};
}
template <class In, int Blocks, int Pairs>
inline constexpr bool batch_space_ranks_fit = (In::shape::rank == 3 || In::shape::rank == 4) && Blocks == In::shape::rank - 2 &&
                                              Pairs == In::shape::rank - 2;
}  // namespace detail

inline constexpr operator_traits space_to_batch_nd_traits = separate_output;

template <BlockShape Block, Paddings Amounts>
struct space_to_batch_nd : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: space_to_batch_nd takes an int8 tensor");
        static_assert(sizeof(diag::batch_space_needs_rank_3_or_4_and_one_block_per_spatial_dimension<
                             In::shape::rank, Block::rank, Amounts::rank, detail::batch_space_ranks_fit<In, Block::rank, Amounts::rank>>));
        template <int D>  // spatial dimension D (1: height, 2: width) of the input
        using dim_check = diag::space_to_batch_padded_size_not_a_multiple_of_block<
            D, detail::value_at(In::shape::dims, D), detail::value_at(Block::values, D - 1), detail::value_at(Amounts::values, 2 * D - 2),
            detail::value_at(Amounts::values, 2 * D - 1),
            (D > Block::rank) || kernels::space_to_batch_dim_fits(detail::value_at(In::shape::dims, D), detail::value_at(Block::values, D - 1),
                                                                detail::value_at(Amounts::values, 2 * D - 2),
                                                                detail::value_at(Amounts::values, 2 * D - 1))>;
        static_assert(sizeof(dim_check<1>) && sizeof(dim_check<2>));
        static constexpr kernels::batch_space_params params = detail::batch_space_geometry<In, Block, Amounts>(true);
        static constexpr auto output_dims = detail::batch_space_output_dims<In::shape::rank>(params);
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::space_to_batch_nd>;
        static constexpr layer_facts facts = unweighted_facts(space_to_batch_nd_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::space_to_batch_nd_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
