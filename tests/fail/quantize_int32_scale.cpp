// QUANTIZE from an int32 tensor without the scale its values carry: int32 tensors are raw in
// ctnn's types, so quantize<OutQ, InScale> must name it.
#include "fail_support.hpp"

namespace {
struct in_scale { static constexpr float scale = 1.0f / 65536; static constexpr std::int32_t zero_point = 0; };
struct a16 { using element = std::int16_t; static constexpr float scale = 1.0f / 1024; static constexpr std::int32_t zero_point = 0; };
}  // namespace
#ifdef CTNN_EXPECT_FAIL
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, ctnn::int32>, ctnn::layers::quantize<a16>>;
#else
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, ctnn::int32>, ctnn::layers::quantize<a16, in_scale>>;
#endif
static_assert(model::output_size == 8);
