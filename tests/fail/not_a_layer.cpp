// A node holds a layer type: a plain struct (here the quantization tag) is refused in our words.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using first = fail::q;
#else
using first = ctnn::layers::reshape<ctnn::shape<2, 2>>;
#endif
using model = ctnn::graph<ctnn::input<ctnn::shape<1, 4>, fail::q>, ctnn::node<first, 0>>;
static_assert(model::layer_count == 1);
