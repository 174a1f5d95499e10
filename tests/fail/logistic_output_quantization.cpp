// LOGISTIC whose output is not TFLite's fixed 1/256, -128: TFLite's kernel assumes it. The
// twin's output is 1/256, -128.
#include "fail_support.hpp"

struct in_q { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = -20; };
struct out_q {
    static constexpr float scale = 1.0f / 256.0f;
#ifdef CTNN_EXPECT_FAIL
    static constexpr std::int32_t zero_point = 0;
#else
    static constexpr std::int32_t zero_point = -128;
#endif
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, in_q>, ctnn::layers::logistic<out_q>>;
static_assert(model::output_size == 8);
