// Convolution weights for 2 input channels cannot read a 3-channel input.
#include "fail_support.hpp"

struct conv_params {
    using weight_shape = ctnn::shape<4, 1, 1, 2>;  // OHWI
    static constexpr std::int8_t weights[8] = {1, -2, 3, -4, 5, -6, 7, -8};
    static constexpr float weight_scales[1] = {0.02f};
    static constexpr std::int32_t bias[4] = {};
};
#ifdef CTNN_EXPECT_FAIL
using in = ctnn::input<ctnn::shape<1, 5, 5, 3>, fail::q>;
#else
using in = ctnn::input<ctnn::shape<1, 5, 5, 2>, fail::q>;
#endif
using model = ctnn::sequential<in, ctnn::layers::conv2d<conv_params, fail::q, ctnn::stride<1, 1>, ctnn::padding::valid>>;
static_assert(model::output_size == 100);
