// The int16-weights option counts in the flash budget: a 64 -> 64 fully connected layer keeps
// 4352 bytes (64 * 64 weights, 64 int32 biases) and 4096 more with its weights as int16.
#include "fail_support.hpp"

using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 64>, fail::q>,
                               ctnn::layers::fully_connected<fail::dense<64, 64>, fail::q>>;
using fast = ctnn::with_int16_weights<model>;
static_assert(ctnn::fits<model, ctnn::budget<ctnn::kib(64), 4352>>);
static_assert(fast::flash_bytes == 8448);

#ifdef CTNN_EXPECT_FAIL
static_assert(ctnn::fits<fast, ctnn::budget<ctnn::kib(64), 4352>>);
#else
static_assert(ctnn::fits<fast, ctnn::budget<ctnn::kib(64), 8448>>);
#endif
