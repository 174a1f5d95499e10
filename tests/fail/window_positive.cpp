// A pooling window of height 0 is refused where the layer type is named, before any input is
// bound, in our words with the numbers. The twin's window is 2x3.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using win = ctnn::window<0, 3>;
#else
using win = ctnn::window<2, 3>;
#endif
using pool = ctnn::layers::average_pool2d<win, ctnn::stride<2, 2>, ctnn::padding::valid>;
static_assert(ctnn::layer<pool>);  // named, never bound
