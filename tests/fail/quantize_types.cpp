// QUANTIZE uint8 -> uint8: TFLite's QUANTIZE has no such requantization.
#include "fail_support.hpp"

namespace {
struct u_in { using element = std::uint8_t; static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = 128; };
#ifdef CTNN_EXPECT_FAIL
struct u_out { using element = std::uint8_t; static constexpr float scale = 0.25f; static constexpr std::int32_t zero_point = 100; };
#else
struct u_out { static constexpr float scale = 0.25f; static constexpr std::int32_t zero_point = 100; };
#endif
}  // namespace
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, u_in>, ctnn::layers::quantize<u_out>>;
static_assert(model::output_size == 8);
