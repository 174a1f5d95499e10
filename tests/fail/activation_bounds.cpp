// RELU6 on an output scale of 1e-12: 6 / 1e-12 does not fit in int32 (TFLite rejects it too).
#include "fail_support.hpp"

struct out_q {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float scale = 1e-12f;
#else
    static constexpr float scale = 0.05f;
#endif
    static constexpr std::int32_t zero_point = -128;
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, fail::q>, ctnn::layers::fully_connected<fail::dense<4, 8>, out_q, ctnn::act::relu6>>;
static_assert(model::output_size == 4);
