// A layer whose worst-case accumulator exceeds int32: a bias near INT32_MAX plus positive
// weights times the largest input. The twin's bias leaves room.
#include "fail_support.hpp"

struct risky {
    using weight_shape = ctnn::shape<1, 4>;
    static constexpr std::int8_t weights[4] = {127, 127, 127, 127};
    static constexpr float weight_scales[1] = {0.01f};
#ifdef CTNN_EXPECT_FAIL
    static constexpr std::int32_t bias[1] = {2147480000};
#else
    static constexpr std::int32_t bias[1] = {2000000000};
#endif
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 4>, fail::q>, ctnn::layers::fully_connected<risky, fail::q>>;
static_assert(model::output_size == 1);
