// A stride given where depthwise_conv2d takes its dilation is refused where the layer type is
// named: the dilation must be a ctnn::dilation<h, w>. The twin passes a dilation.
#include "option_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using dil = ctnn::stride<3, 3>;
#else
using dil = ctnn::dilation<3, 3>;
#endif
using depthwise = ctnn::layers::depthwise_conv2d<fail::depthwise3x3, fail::q, ctnn::stride<1, 1>, ctnn::padding::same,
                                                 ctnn::act::none, dil>;
static_assert(ctnn::layer<depthwise>);
