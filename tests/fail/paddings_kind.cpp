// PAD takes its amounts as ctnn::paddings<...> with at least one (before, after) pair; an empty
// ctnn::paddings<> is refused where the layer type is named. The twin pads H and W by one.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using amounts = ctnn::paddings<>;
#else
using amounts = ctnn::paddings<0, 0, 1, 1, 1, 1, 0, 0>;
#endif
using pad = ctnn::layers::pad<amounts>;
static_assert(ctnn::layer<pad>);
