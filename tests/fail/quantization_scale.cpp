// A quantization scale must be positive and finite.
#include "fail_support.hpp"

struct out_q {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float scale = -0.5f;
#else
    static constexpr float scale = 0.5f;
#endif
    static constexpr std::int32_t zero_point = 0;
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, fail::q>,
                               ctnn::layers::fully_connected<fail::dense<4, 8>, out_q>>;
static_assert(model::output_size == 4);
