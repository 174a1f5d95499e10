// A 16x8 DEPTHWISE_CONV_2D (int16 input and output) with an int32 bias: TFLite's int16 depthwise
// kernel reads an int64 bias only. The twin's bias is int64.
#include "fail_support.hpp"

namespace {
struct a16 {
    using element = std::int16_t;
    static constexpr float scale = 0.001f;
    static constexpr std::int32_t zero_point = 0;
};
struct dw {
    using weight_shape = ctnn::shape<1, 3, 3, 2>;
    static constexpr std::int8_t weights[18] = {1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 15, -16, 17, -18};
    static constexpr float weight_scales[2] = {0.01f, 0.02f};
#ifdef CTNN_EXPECT_FAIL
    static constexpr std::int32_t bias[2] = {100, -100};
#else
    static constexpr std::int64_t bias[2] = {100, -100};
#endif
};
}  // namespace
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 5, 5, 2>, a16>,
                               ctnn::layers::depthwise_conv2d<dw, a16, ctnn::stride<1, 1>, ctnn::padding::same>>;
static_assert(model::output_size == 50);
