// REDUCE_MAX over axis -4 of a rank-3 tensor: the axis does not exist.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using reduced = ctnn::axes<0, -4>;
#else
using reduced = ctnn::axes<0, -3>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<2, 3, 4>, fail::q>, ctnn::layers::reduce_max<false, reduced>>;
static_assert(model::output_size == 12);
