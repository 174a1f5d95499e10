// MEAN takes its axes as ctnn::axes<...>; a std::integer_sequence is refused where the layer type
// is named. The twin passes ctnn::axes<1, 2>.
#include <utility>

#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using reduced = std::integer_sequence<int, 1, 2>;
#else
using reduced = ctnn::axes<1, 2>;
#endif
using mean = ctnn::layers::mean<fail::q, true, reduced>;
static_assert(ctnn::layer<mean>);
