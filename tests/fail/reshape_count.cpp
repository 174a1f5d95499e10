// A reshape must keep the element count: 1x12 cannot become 1x13.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using target = ctnn::shape<1, 13>;
#else
using target = ctnn::shape<3, 4>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 12>, fail::q>, ctnn::layers::reshape<target>>;
static_assert(model::output_size == 12);
