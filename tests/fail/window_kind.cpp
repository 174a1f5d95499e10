// A stride given where max_pool2d takes its window is refused where the layer type is named: the
// window must be a ctnn::window<h, w>. The twin passes a window.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using win = ctnn::stride<4, 5>;
#else
using win = ctnn::window<4, 5>;
#endif
using pool = ctnn::layers::max_pool2d<win, ctnn::stride<1, 1>, ctnn::padding::same>;
static_assert(ctnn::layer<pool>);
