// L2_NORMALIZATION over a last dimension whose int32 sum of squares could overflow. The twin's
// row is 33025 long, the most that cannot.
#include "fail_support.hpp"

struct in_q { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = -128; };
struct out_q { static constexpr float scale = 1.0f / 128.0f; static constexpr std::int32_t zero_point = 0; };
#ifdef CTNN_EXPECT_FAIL
inline constexpr int depth = 33026;
#else
inline constexpr int depth = 33025;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, depth>, in_q>, ctnn::layers::l2_normalization<out_q>>;
static_assert(model::output_size == depth);
