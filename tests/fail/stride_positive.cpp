// A stride of 0 is refused where the layer type is named, before any input is bound, in our
// words with the numbers. The twin's stride is 1x1.
#include "option_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using str = ctnn::stride<0, 1>;
#else
using str = ctnn::stride<1, 1>;
#endif
using conv = ctnn::layers::conv2d<fail::conv3x3, fail::q, str, ctnn::padding::same>;
static_assert(ctnn::layer<conv>);  // named, never bound
