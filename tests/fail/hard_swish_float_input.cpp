// HARD_SWISH on a float32 tensor: ctnn runs it on int8 only. The twin's input is int8.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using input_q = ctnn::float32;
#else
using input_q = fail::q;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, input_q>, ctnn::layers::hard_swish<fail::q>>;
static_assert(model::output_size == 8);
