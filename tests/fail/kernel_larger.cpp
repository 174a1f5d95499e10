// With VALID padding a 3x3 kernel does not fit a 2x2 input.
#include "fail_support.hpp"

struct conv_params {
    using weight_shape = ctnn::shape<2, 3, 3, 1>;  // OHWI
    static constexpr std::int8_t weights[18] = {1, -1, 2, -2, 3, -3, 1, 0, 1, 0, 1, 0, 2, 1, 0, -1, -2, 1};
    static constexpr float weight_scales[1] = {0.02f};
    static constexpr std::int32_t bias[2] = {};
};
#ifdef CTNN_EXPECT_FAIL
using in = ctnn::input<ctnn::shape<1, 2, 2, 1>, fail::q>;
#else
using in = ctnn::input<ctnn::shape<1, 3, 3, 1>, fail::q>;
#endif
using model = ctnn::sequential<in, ctnn::layers::conv2d<conv_params, fail::q, ctnn::stride<1, 1>, ctnn::padding::valid>>;
static_assert(model::output_size == 2);
