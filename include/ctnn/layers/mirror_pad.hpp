// MIRROR_PAD: grows an int8 tensor of rank 1 to 5 by mirroring it at its borders, REFLECT
// (the border element not repeated; at most extent - 1 on a side) or SYMMETRIC (repeated; at
// most the extent), as TFLite's MirrorPad. Output quantization is the input's.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/mirror_pad.hpp"
#include "ctnn/kernels/reference/mirror_pad.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/reference/strided_copy.hpp"  // max_movement_rank
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/options.hpp"

namespace ctnn {

using kernels::mirror_mode;

namespace diag {
template <class InputShape, int Pairs, bool Matches>
struct mirror_pad_needs_a_pair_per_dimension {
    static_assert(Matches, "ctnn: mirror_pad needs one (before, after) pair per dimension of an input of rank 1 to 5 "
                           "(template arguments: the input shape, the pairs given)");
};
template <int Dimension, int Before, int After, int Extent, mirror_mode Mode, bool Fits>
struct mirror_padding_exceeds_the_extent {
    static_assert(Fits, "ctnn: mirror_pad: REFLECT pads at most extent - 1 and SYMMETRIC at most extent on each side "
                        "(template arguments: dimension, before, after, extent, mode)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits mirror_pad_traits = separate_output;

template <Paddings Amounts, mirror_mode Mode>
struct mirror_pad : layer {
    template <class In>
    struct bind {
        using s = typename In::shape;
        static constexpr int rank = s::rank;
        static_assert(Int8Tensor<In>, "ctnn: mirror_pad takes an int8 tensor");
        static constexpr bool pairs_match = Amounts::rank == rank && rank <= kernels::max_movement_rank;
        static_assert(sizeof(diag::mirror_pad_needs_a_pair_per_dimension<s, Amounts::rank, pairs_match>));
        static constexpr int bad = [] {
            if constexpr (pairs_match) {
                for (int d = 0; d < rank; ++d)
                    if (!kernels::mirror_padding_fits(Mode, s::dims[static_cast<std::size_t>(d)], Amounts::values[static_cast<std::size_t>(2 * d)],
                                                      Amounts::values[static_cast<std::size_t>(2 * d + 1)]))
                        return d;
            }
            return -1;
        }();
        static constexpr std::size_t b = bad < 0 ? 0 : static_cast<std::size_t>(bad);
        static_assert(sizeof(diag::mirror_padding_exceeds_the_extent<bad, Amounts::values[2 * b], Amounts::values[2 * b + 1], s::dims[b], Mode, bad < 0>));

        static constexpr kernels::mirror_pad_params params = [] {
            kernels::mirror_pad_params p;
            for (int d = 0; d < rank; ++d) {
                const auto i = static_cast<std::size_t>(5 - rank + d), k = static_cast<std::size_t>(d);
                p.in_shape[i] = s::dims[k];
                p.before[i] = Amounts::values[2 * k];
                p.after[i] = Amounts::values[2 * k + 1];
            }
            p.mode = Mode;
            return p;
        }();
        static constexpr auto output_dims = [] {
            std::array<int, rank> d{};
            for (int i = 0; i < rank; ++i) d[static_cast<std::size_t>(i)] = params.in_shape[static_cast<std::size_t>(5 - rank + i)] + params.before[static_cast<std::size_t>(5 - rank + i)] + params.after[static_cast<std::size_t>(5 - rank + i)];
            return d;
        }();
        using output = tensor_type<shape_from<output_dims>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::mirror_pad>;
        static constexpr layer_facts facts = unweighted_facts(mirror_pad_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::mirror_pad(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
