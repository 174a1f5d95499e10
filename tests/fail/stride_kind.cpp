// A dilation given where conv2d takes its stride is refused where the layer type is named: the
// stride must be a ctnn::stride<h, w>. The twin passes a stride.
#include "option_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using str = ctnn::dilation<2, 2>;
#else
using str = ctnn::stride<2, 2>;
#endif
using conv = ctnn::layers::conv2d<fail::conv3x3, fail::q, str, ctnn::padding::same>;
static_assert(ctnn::layer<conv>);
