// ADD broadcasts by TFLite's rule: 1x4x4x2 and 1x4x4x3 (2 against 3 channels) do not add.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using widen = ctnn::paddings<0, 0, 0, 0, 0, 0, 0, 1>;  // one more channel
#else
using widen = ctnn::paddings<0, 0, 0, 0, 0, 0, 0, 0>;
#endif
using model = ctnn::graph<ctnn::input<ctnn::shape<1, 4, 4, 2>, fail::q>,  //
                          ctnn::node<ctnn::layers::pad<widen>, 0>,       //
                          ctnn::node<ctnn::layers::add<fail::q>, 0, 1>>;
static_assert(model::output_size == 32);
