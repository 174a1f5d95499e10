// Node 1 cannot read tensor 2: node K produces tensor K, so a node reads only earlier tensors.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
constexpr int read = 2;
#else
constexpr int read = 1;
#endif
using r = ctnn::layers::reshape<ctnn::shape<1, 4>>;
using model = ctnn::graph<ctnn::input<ctnn::shape<1, 4>, fail::q>, ctnn::node<r, 0>, ctnn::node<r, read>>;
static_assert(model::output_size == 4);
