// An int16 tensor with zero point 3: TFLite's int16 activations are symmetric, zero point 0 (or
// -32768, an int8 SOFTMAX's int16 output).
#include "fail_support.hpp"

namespace {
#ifdef CTNN_EXPECT_FAIL
struct a16 { using element = std::int16_t; static constexpr float scale = 1.0f / 4096; static constexpr std::int32_t zero_point = 3; };
#else
struct a16 { using element = std::int16_t; static constexpr float scale = 1.0f / 4096; static constexpr std::int32_t zero_point = 0; };
#endif
}  // namespace
static_assert(ctnn::valid_quantization<a16>);
using tensor = ctnn::tensor_type<ctnn::shape<1, 8>, a16>;
static_assert(std::is_same_v<tensor::element, std::int16_t> && tensor::bytes == 16);
