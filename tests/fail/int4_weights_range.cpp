// Weights declared int4 (weight_bits = 4) must each lie in [-8, 7]; the fourth does not.
#include "fail_support.hpp"

struct params {
    using weight_shape = ctnn::shape<2, 3>;
    static constexpr int weight_bits = 4;
#ifdef CTNN_EXPECT_FAIL
    static constexpr std::int8_t weights[6] = {1, -8, 7, 9, 5, 6};
#else
    static constexpr std::int8_t weights[6] = {1, -8, 7, -3, 5, 6};
#endif
    static constexpr float weight_scales[1] = {0.5f};
    static constexpr std::int32_t bias[2] = {1, 2};
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 3>, fail::q>, ctnn::layers::fully_connected<params, fail::q>>;
static_assert(model::output_size == 2);
