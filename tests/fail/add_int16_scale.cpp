// An int16 ADD whose output scale is max(s1, s2) / 16384: TFLite's int16 path needs
// 2 max(s1, s2) / (2^15 s_out) below one, and this one is exactly one.
#include "fail_support.hpp"

namespace {
struct x16 { using element = std::int16_t; static constexpr float scale = 1.0f / 1024; static constexpr std::int32_t zero_point = 0; };
#ifdef CTNN_EXPECT_FAIL
struct y16 { using element = std::int16_t; static constexpr float scale = 1.0f / (1 << 24); static constexpr std::int32_t zero_point = 0; };
#else
struct y16 { using element = std::int16_t; static constexpr float scale = 1.0f / 512; static constexpr std::int32_t zero_point = 0; };
#endif
}  // namespace
using model = ctnn::graph<ctnn::input<ctnn::shape<1, 8>, x16>,  //
                          ctnn::node<ctnn::layers::add<y16>, 0, 0>>;
static_assert(model::output_size == 8);
