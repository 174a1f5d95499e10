// A 64 -> 64 fully connected layer keeps 64 * 64 weights and 64 int32 biases: 4352 bytes.
#include "fail_support.hpp"

using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 64>, fail::q>,
                               ctnn::layers::fully_connected<fail::dense<64, 64>, fail::q>>;
static_assert(model::flash_bytes == 4352);

#ifdef CTNN_EXPECT_FAIL
static_assert(ctnn::fits<model, ctnn::budget<ctnn::kib(64), 4096>>);
#else
static_assert(ctnn::fits<model, ctnn::budget<ctnn::kib(64), 4352>>);
#endif
