// fastest_within<M, Bytes> takes the fastest schedule whose arena fits: a 6x4x8 depthwise
// convolution needs 384 bytes (input and output) in the default schedule and 256 in place by
// rows (the input + a 2-row band of 64): a budget of 200 fits neither.
#include "fail_support.hpp"

namespace {
struct dw {
    using weight_shape = ctnn::shape<1, 3, 3, 8>;
    static constexpr std::array<std::int8_t, 72> weights = [] {
        std::array<std::int8_t, 72> w{};
        for (int i = 0; i < 72; ++i) w[i] = static_cast<std::int8_t>(i % 5 - 2);
        return w;
    }();
    static constexpr std::array<float, 1> weight_scales{0.01f};
    static constexpr std::array<std::int32_t, 8> bias{};
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 6, 4, 8>, fail::q>,
                               ctnn::layers::depthwise_conv2d<dw, fail::q, ctnn::stride<1, 1>, ctnn::padding::same>>;
}  // namespace

static_assert(model::arena_bytes == 384 && ctnn::optimize_for<model, ctnn::smallest_ram>::arena_bytes == 256);
#ifdef CTNN_EXPECT_FAIL
using chosen = ctnn::fastest_within<model, 200>;
#else
using chosen = ctnn::fastest_within<model, 300>;
static_assert(chosen::in_place_rows == ctnn::optimize_for<model, ctnn::smallest_ram>::in_place_rows &&
              chosen::options.ram_budget == 300);
#endif
static_assert(chosen::arena_bytes <= 300);
