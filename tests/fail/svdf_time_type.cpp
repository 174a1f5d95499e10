// SVDF whose time weights are int8 while its state is int16: TFLM reads both as one type. The
// twin's state is int8 too.
#include "fail_support.hpp"

namespace {
struct params {
    static constexpr int rank = 1;
    using feature_shape = ctnn::shape<2, 3>;
    static constexpr std::int8_t weights_feature[6] = {1, -2, 3, -4, 5, -6};
    static constexpr float feature_scale = 0.01f;
    using time_shape = ctnn::shape<2, 4>;
    static constexpr std::int8_t weights_time[8] = {1, 2, 3, 4, -1, -2, -3, -4};
    static constexpr float time_scale = 0.01f;
    static constexpr std::int32_t bias[2] = {0, 0};
    static constexpr float bias_scale = 0.1f * 0.01f;
    struct state_quant {
#ifdef CTNN_EXPECT_FAIL
        using element = std::int16_t;
#else
        using element = std::int8_t;
#endif
        static constexpr float scale = 0.1f;
        static constexpr std::int32_t zero_point = 0;
    };
};
}  // namespace

using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 3>, fail::q>, ctnn::layers::svdf<params, fail::q>>;
static_assert(model::output_size == 2 && model::state_bytes == 16);
