// HARD_SWISH whose output scale is not above input scale / 128: TFLite's Prepare rejects it
// (the output multiplier's exponent would be positive). The twin's output scale is the input's.
#include "fail_support.hpp"

struct in_q { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = -20; };
struct out_q {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float scale = 0.05f / 200.0f;
#else
    static constexpr float scale = 0.05f;
#endif
    static constexpr std::int32_t zero_point = -100;
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, in_q>, ctnn::layers::hard_swish<out_q>>;
static_assert(model::output_size == 8);
