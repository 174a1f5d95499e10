// MEAN of 2^24 values into one: the int32 sum could overflow (at most 2^23 per output value).
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using in = ctnn::input<ctnn::shape<1, 4096, 4096, 1>, fail::q>;
#else
using in = ctnn::input<ctnn::shape<1, 2048, 4096, 1>, fail::q>;
#endif
using model = ctnn::sequential<in, ctnn::layers::mean<fail::q, false>>;
static_assert(model::output_size == 1);
