// MEAN over axis 4 of a rank-4 tensor: the axis does not exist.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using reduced = ctnn::axes<1, 4>;
#else
using reduced = ctnn::axes<1, -2>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 3, 3, 4>, fail::q>, ctnn::layers::mean<fail::q, true, reduced>>;
static_assert(model::output_size == 4);
