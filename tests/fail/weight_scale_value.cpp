// Every weight scale is positive and finite: channel 1's zero scale is named by its index.
#include "fail_support.hpp"

struct params {
    using weight_shape = ctnn::shape<2, 3>;
    static constexpr std::int8_t weights[6] = {1, 2, 3, 4, 5, 6};
#ifdef CTNN_EXPECT_FAIL
    static constexpr float weight_scales[2] = {0.5f, 0.0f};
#else
    static constexpr float weight_scales[2] = {0.5f, 0.25f};
#endif
    static constexpr std::int32_t bias[2] = {1, 2};
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 3>, fail::q>, ctnn::layers::fully_connected<params, fail::q>>;
static_assert(model::output_size == 2);
