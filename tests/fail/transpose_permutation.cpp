// TRANSPOSE with a permutation that names dimension 1 twice: not a permutation.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using order = ctnn::permutation<0, 1, 1>;
#else
using order = ctnn::permutation<0, 2, 1>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<2, 3, 4>, fail::q>, ctnn::layers::transpose<order>>;
static_assert(model::output_size == 24);
