// A model whose arena is 5120 bytes: a 1x1024 float32 input (4096 B) live with its int8
// quantization (1024 B). It fits 5120 bytes of RAM and must not fit 4096.
#include "fail_support.hpp"

using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 1024>, ctnn::float32>, ctnn::layers::quantize<fail::q>>;
static_assert(model::arena_bytes == 5120);

#ifdef CTNN_EXPECT_FAIL
static_assert(ctnn::fits<model, ctnn::budget<4096, ctnn::kib(64)>>);
#else
static_assert(ctnn::fits<model, ctnn::budget<5120, ctnn::kib(64)>>);
#endif
