// The options of SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND: the block over the spatial dimensions
// and BATCH_TO_SPACE_ND's crops (SPACE_TO_BATCH_ND pads with ctnn::paddings, layers/options.hpp).
// One value, or one (before, after) pair, per spatial dimension: two for NHWC, one for NHC.
#pragma once

#include <array>

namespace ctnn {

namespace diag {
template <bool Positive>
struct block_shape_must_be_positive {
    static_assert(Positive, "ctnn: a block shape must be at least 1 in each dimension");
};
template <bool NotNegative>
struct crops_must_not_be_negative {
    static_assert(NotNegative, "ctnn: crops must not be negative");
};
}  // namespace diag

// block_shape<block_h, block_w> (NHWC) or block_shape<block_h> (NHC).
template <int... Block>
struct block_shape {
    static_assert(sizeof...(Block) >= 1, "ctnn: a block shape needs one value per spatial dimension");
    static_assert(sizeof(diag::block_shape_must_be_positive<((Block >= 1) && ...)>));
    static constexpr int rank = sizeof...(Block);
    static constexpr std::array<int, sizeof...(Block)> values{Block...};
};

// crops<top, bottom, left, right> (NHWC) or crops<top, bottom> (NHC).
template <int... BeforeAfter>
struct crops {
    static_assert(sizeof...(BeforeAfter) % 2 == 0, "ctnn: crops take a (before, after) pair per spatial dimension");
    static_assert(sizeof(diag::crops_must_not_be_negative<((BeforeAfter >= 0) && ...)>));
    static constexpr int rank = sizeof...(BeforeAfter) / 2;
    static constexpr std::array<int, sizeof...(BeforeAfter)> values{BeforeAfter...};
};

namespace detail {
template <class T>
inline constexpr bool is_block_shape = false;
template <int... B>
inline constexpr bool is_block_shape<block_shape<B...>> = true;
template <class T>
inline constexpr bool is_crops = false;
template <int... C>
inline constexpr bool is_crops<crops<C...>> = true;
}  // namespace detail

template <class B>
concept BlockShape = detail::is_block_shape<B> && (B::rank >= 1);
template <class C>
concept Crops = detail::is_crops<C> && (C::rank >= 1);

}  // namespace ctnn
