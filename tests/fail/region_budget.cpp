// A model whose two live tensors (4096 B float input, 1024 B int8) fit no split of a 4096-byte
// and a 512-byte region: the error names the region that overflows (the slow one, where the
// 1024 bytes spill) and its bytes. Split across 4096 + 2048 it fits.
#include "fail_support.hpp"

using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 1024>, ctnn::float32>, ctnn::layers::quantize<fail::q>>;

template <std::size_t SlowBytes>
struct part : ctnn::budget<4096 + SlowBytes, ctnn::kib(64)> {
    struct fast : ctnn::memory_region<4096, 0> { static constexpr const char* name = "fast"; };
    struct slow : ctnn::memory_region<SlowBytes, 1> { static constexpr const char* name = "slow"; };
    using regions = ctnn::regions<fast, slow>;
};

#ifdef CTNN_EXPECT_FAIL
static_assert(ctnn::fits<ctnn::placed<model, part<512>>, part<512>>);
#else
static_assert(ctnn::fits<ctnn::placed<model, part<2048>>, part<2048>>);
#endif
