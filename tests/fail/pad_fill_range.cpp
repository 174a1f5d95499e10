// PADV2's fill value 300 on an int8 tensor: a fill value is checked against the tensor's element
// type where the layer is bound (fill_value itself takes the int16 range).
#include "fail_support.hpp"

namespace {
struct q8 { static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = 0; };
}  // namespace
#ifdef CTNN_EXPECT_FAIL
using fill = ctnn::fill_value<300>;
#else
using fill = ctnn::fill_value<-128>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 4>, q8>, ctnn::layers::pad<ctnn::paddings<0, 0, 1, 1>, fill>>;
static_assert(model::output_size == 6);
