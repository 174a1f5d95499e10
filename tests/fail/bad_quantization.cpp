// An int8 zero point must lie in [-128, 127].
#include "fail_support.hpp"

struct out_q {
    static constexpr float scale = 0.5f;
#ifdef CTNN_EXPECT_FAIL
    static constexpr std::int32_t zero_point = 200;
#else
    static constexpr std::int32_t zero_point = 100;
#endif
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, fail::q>,
                               ctnn::layers::fully_connected<fail::dense<4, 8>, out_q>>;
static_assert(model::output_size == 4);
