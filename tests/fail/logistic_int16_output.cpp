// An int16 LOGISTIC whose output scale is 1/256 (the int8 one): TFLite's int16 kernel needs 2^-15.
#include "fail_support.hpp"

namespace {
struct x16 { using element = std::int16_t; static constexpr float scale = 1.0f / 4096; static constexpr std::int32_t zero_point = 0; };
#ifdef CTNN_EXPECT_FAIL
struct y16 { using element = std::int16_t; static constexpr float scale = 1.0f / 256; static constexpr std::int32_t zero_point = 0; };
#else
struct y16 { using element = std::int16_t; static constexpr float scale = 1.0f / 32768; static constexpr std::int32_t zero_point = 0; };
#endif
}  // namespace
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, x16>, ctnn::layers::logistic<y16>>;
static_assert(model::output_size == 8);
