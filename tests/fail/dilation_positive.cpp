// A dilation of -2 is refused where the layer type is named, before any input is bound, in our
// words with the numbers. The twin's dilation is 2x2.
#include "option_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using dil = ctnn::dilation<2, -2>;
#else
using dil = ctnn::dilation<2, 2>;
#endif
using depthwise = ctnn::layers::depthwise_conv2d<fail::depthwise3x3, fail::q, ctnn::stride<1, 1>, ctnn::padding::same,
                                                 ctnn::act::none, dil>;
static_assert(ctnn::layer<depthwise>);  // named, never bound
