// TRANSPOSE_CONV weights for 2 input channels cannot read a 3-channel input.
#include "fail_support.hpp"

struct tconv_params {
    using weight_shape = ctnn::shape<4, 2, 2, 2>;  // OHWI
    static constexpr std::int8_t weights[32] = {1, -2, 3, -4, 5, -6, 7, -8};
    static constexpr float weight_scales[1] = {0.02f};
    static constexpr std::int32_t bias[4] = {};
};
#ifdef CTNN_EXPECT_FAIL
using in = ctnn::input<ctnn::shape<1, 3, 3, 3>, fail::q>;
#else
using in = ctnn::input<ctnn::shape<1, 3, 3, 2>, fail::q>;
#endif
using model = ctnn::sequential<in, ctnn::layers::transpose_conv2d<tconv_params, fail::q, ctnn::shape<1, 6, 6, 4>, ctnn::stride<2, 2>,
                                                                   ctnn::padding::same>>;
static_assert(model::output_size == 144);
