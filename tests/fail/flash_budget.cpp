// A 63 -> 64 fully connected layer on the host's portable kernel (63 inputs: no VNNI tile
// either) links its 63 * 64 weights, 64 folded int32 biases and its one-entry requantization
// table (40 bytes in the 64-bit form): 4328 bytes. It fits 4328 bytes of flash and not 4096.
#include "fail_support.hpp"

using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 63>, fail::q>,
                               ctnn::layers::fully_connected<fail::dense<64, 63>, fail::q>>;
static_assert(sizeof(ctnn::kernels::portable::detail::requant_table<1>) == 40);
static_assert(model::flash_bytes == 63 * 64 + 64 * 4 + 40);
static_assert(model::tflite_param_bytes == 63 * 64 + 64 * 4);

#ifdef CTNN_EXPECT_FAIL
static_assert(ctnn::fits<model, ctnn::budget<ctnn::kib(64), 4096>>);
#else
static_assert(ctnn::fits<model, ctnn::budget<ctnn::kib(64), 4328>>);
#endif
