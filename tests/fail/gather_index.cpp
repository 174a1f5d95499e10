// GATHER's indices must lie in [0, extent of the axis): index 4 of a dimension of 4 is refused.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using indices = ctnn::gather_indices<0, 4>;
#else
using indices = ctnn::gather_indices<0, 3>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<2, 4>, fail::q>, ctnn::layers::gather<1, indices, ctnn::shape<2, 2>>>;
static_assert(model::output_size == 4);
