// RELU whose input / output scale needs a left shift past 30 bits. The twin's scales are equal.
#include "fail_support.hpp"

struct in_q { static constexpr float scale = 4.0f; static constexpr std::int32_t zero_point = 0; };
struct out_q {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float scale = 1e-9f;
#else
    static constexpr float scale = 4.0f;
#endif
    static constexpr std::int32_t zero_point = 0;
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, in_q>, ctnn::layers::relu<out_q>>;
static_assert(model::output_size == 8);
