// A 3x3 VALID pooling window does not fit a 2x2 input.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using in = ctnn::input<ctnn::shape<1, 2, 2, 4>, fail::q>;
#else
using in = ctnn::input<ctnn::shape<1, 3, 3, 4>, fail::q>;
#endif
using model = ctnn::sequential<in, ctnn::layers::max_pool2d<ctnn::window<3, 3>, ctnn::stride<1, 1>, ctnn::padding::valid>>;
static_assert(model::output_size == 4);
