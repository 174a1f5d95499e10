// SOFTMAX with beta x input scale below 2^-26: TFLite's input multiplier would not be greater
// than one. The twin's beta is 1.
#include "fail_support.hpp"

struct beta {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float value = 1e-9f;
#else
    static constexpr float value = 1.0f;
#endif
};
struct softmax_q { static constexpr float scale = 1.0f / 256.0f; static constexpr std::int32_t zero_point = -128; };
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, fail::q>, ctnn::layers::softmax<softmax_q, beta>>;
static_assert(model::output_size == 8);
