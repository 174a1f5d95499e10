// HARD_SWISH with an input scale so large that its reluish multiplier needs a left shift of
// more than 30 bits. The twin's scales are ordinary.
#include "fail_support.hpp"

struct in_q {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float scale = 1e8f;
#else
    static constexpr float scale = 0.05f;
#endif
    static constexpr std::int32_t zero_point = 0;
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, in_q>, ctnn::layers::hard_swish<in_q>>;
static_assert(model::output_size == 8);
