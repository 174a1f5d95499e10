// TRANSPOSE of a rank-4 tensor with a permutation of three entries.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using order = ctnn::permutation<2, 1, 0>;
#else
using order = ctnn::permutation<0, 2, 3, 1>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 3, 4, 5>, fail::q>, ctnn::layers::transpose<order>>;
static_assert(model::output_size == 60);
