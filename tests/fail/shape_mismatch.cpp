// A fully connected layer with 64 input features cannot read a 1x100 tensor.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using in = ctnn::input<ctnn::shape<1, 100>, fail::q>;
#else
using in = ctnn::input<ctnn::shape<1, 64>, fail::q>;
#endif
using model = ctnn::sequential<in, ctnn::layers::fully_connected<fail::dense<16, 64>, fail::q>>;
static_assert(model::output_size == 16);
