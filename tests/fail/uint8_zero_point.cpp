// QUANTIZE int8 -> uint8 with output zero point -1: outside the uint8 range [0, 255].
#include "fail_support.hpp"

namespace {
#ifdef CTNN_EXPECT_FAIL
struct u_out { using element = std::uint8_t; static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = -1; };
#else
struct u_out { using element = std::uint8_t; static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = 0; };
#endif
}  // namespace
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, fail::q>, ctnn::layers::quantize<u_out>>;
static_assert(std::is_same_v<model::output_element, std::uint8_t>);
