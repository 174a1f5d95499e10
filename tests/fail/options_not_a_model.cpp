// Kernel options apply to models; anything else is refused in our words.
#include "fail_support.hpp"

using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, fail::q>,
                               ctnn::layers::fully_connected<fail::dense<4, 8>, fail::q>>;

#ifdef CTNN_EXPECT_FAIL
using fast = ctnn::with_int16_weights<fail::dense<4, 8>>;
#else
using fast = ctnn::with_int16_weights<model>;
#endif
static_assert(fast::layer_count == 1);
