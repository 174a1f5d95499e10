// MUL broadcasts by TFLite's rule: 2x3 and 2 (aligned on the last axis: 3 against 2) do not;
// 2x3 and 2x1 (MEAN keeping its axis) do.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
constexpr bool keep = false;  // the mean is 2
#else
constexpr bool keep = true;  // the mean is 2x1
#endif
using model = ctnn::graph<ctnn::input<ctnn::shape<2, 3>, fail::q>,                       //
                          ctnn::node<ctnn::layers::mean<fail::q, keep, ctnn::axes<1>>, 0>,  //
                          ctnn::node<ctnn::layers::mul<fail::q>, 0, 1>>;
static_assert(model::output_size == 6);
