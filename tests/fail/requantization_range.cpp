// A layer whose effective requantization scale s_in * s_w / s_out is 2^30 or more (here from a
// denormal output scale): the kernels could not shift the accumulator that far. The twin's
// output scale is ordinary.
#include "fail_support.hpp"

struct tiny_out {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float scale = 1e-40f;
#else
    static constexpr float scale = 0.05f;
#endif
    static constexpr std::int32_t zero_point = 0;
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, fail::q>, ctnn::layers::fully_connected<fail::dense<4, 8>, tiny_out>>;
static_assert(model::output_size == 4);
