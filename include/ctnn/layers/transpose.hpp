// TRANSPOSE: output dimension i is input dimension Perm[i], for tensors of rank 1 to 6
// (kernels/reference/transpose_s8.hpp). The bytes are moved, not changed, so the output's
// quantization is the input's.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/transpose_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/reference/transpose_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {

// TRANSPOSE's order of the input's dimensions: permutation<0, 2, 3, 1> takes NCHW to NHWC.
template <int... Dims>
struct permutation {
    static constexpr int rank = sizeof...(Dims);
    static constexpr std::array<int, sizeof...(Dims)> values{Dims...};
};

namespace diag {
template <int Rank, bool Supported>
struct transpose_rank_unsupported {
    static_assert(Supported, "ctnn: transpose takes tensors of rank 1 to 6, as TFLite does (template argument: the input's rank)");
};
template <class Permutation, int InputRank, bool SameRank>
struct transpose_permutation_rank_mismatch {
    static_assert(SameRank, "ctnn: transpose needs one permutation entry per input dimension "
                            "(template arguments: the permutation, the input's rank)");
};
template <class Permutation, bool IsPermutation>
struct transpose_not_a_permutation {
    static_assert(IsPermutation, "ctnn: a transpose permutation must name each input dimension 0 .. rank-1 exactly once "
                                 "(template argument: the permutation)");
};
}  // namespace diag

namespace detail {
template <class T>
inline constexpr bool is_permutation_option = false;
template <int... D>
inline constexpr bool is_permutation_option<permutation<D...>> = true;
}  // namespace detail

template <class P>
concept Permutation = detail::is_permutation_option<P>;

namespace layers {

inline constexpr operator_traits transpose_traits = separate_output;

template <Permutation Perm>
struct transpose : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In> || Int16Tensor<In>, "ctnn: transpose takes an int8 or int16 tensor");
        using element = typename In::element;
        static constexpr int rank = In::shape::rank;
        static_assert(sizeof(diag::transpose_rank_unsupported<rank, kernels::transpose_rank_supported(rank)>));
        static_assert(sizeof(diag::transpose_permutation_rank_mismatch<Perm, rank, Perm::rank == rank>));
        static_assert(sizeof(diag::transpose_not_a_permutation<Perm, kernels::transpose_is_permutation(Perm::values, Perm::rank)>));

        static constexpr kernels::transpose_params params = [] {
            kernels::transpose_params p;
            p.rank = rank;
            for (int d = 0; d < rank; ++d) {
                p.in_shape[static_cast<std::size_t>(d)] = In::shape::dims[static_cast<std::size_t>(d)];
                p.perm[static_cast<std::size_t>(d)] = Perm::values[static_cast<std::size_t>(d)];
            }
            return p;
        }();
        static constexpr auto output_dims = [] {
            const auto all = kernels::transpose_output_shape(params);
            std::array<int, rank> d{};
            for (int i = 0; i < rank; ++i) d[static_cast<std::size_t>(i)] = all[static_cast<std::size_t>(i)];
            return d;
        }();
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::transpose>;
        static constexpr layer_facts facts = unweighted_facts(transpose_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const element* input, element* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const element* input, element* out) {
            kernels::reference::transpose(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
