// SOFTMAX's beta is a tag type with `static constexpr float value`; one that names it `beta`
// instead is refused where the layer type is named. The twin's tag says `value`.
#include "fail_support.hpp"

struct beta_2 {
#ifdef CTNN_EXPECT_FAIL
    static constexpr float beta = 2.0f;
#else
    static constexpr float value = 2.0f;
#endif
};
struct softmax_q { static constexpr float scale = 1.0f / 256.0f; static constexpr std::int32_t zero_point = -128; };
using softmax = ctnn::layers::softmax<softmax_q, beta_2>;
static_assert(ctnn::layer<softmax>);
