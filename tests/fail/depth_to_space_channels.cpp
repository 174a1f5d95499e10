// DEPTH_TO_SPACE with block 2 of a tensor with 6 channels: 6 is not a multiple of 2^2.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
constexpr int channels = 6;
#else
constexpr int channels = 8;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 3, 3, channels>, fail::q>, ctnn::layers::depth_to_space<2>>;
static_assert(model::output_size == 9 * channels);
