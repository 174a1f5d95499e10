// A convolution whose dilated kernel spans more than int can index ((3 - 1) * 2^30 + 1 taps).
// The twin's dilation is 2.
#include "fail_support.hpp"

struct conv_w {
    using weight_shape = ctnn::shape<2, 3, 3, 1>;
    static constexpr std::int8_t weights[18] = {1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -2, -3, -4, -5, -6, -7, -8, -9};
    static constexpr float weight_scales[1] = {0.01f};
    static constexpr std::int32_t bias[2] = {0, 0};
};
#ifdef CTNN_EXPECT_FAIL
using dil = ctnn::dilation<1073741824, 1>;
#else
using dil = ctnn::dilation<2, 1>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 6, 6, 1>, fail::q>,
                               ctnn::layers::conv2d<conv_w, fail::q, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::none, dil>>;
static_assert(model::output_size == 72);
