// RESIZE_BILINEAR of 1 row to 95: TFLite's scale round(1024 / 95) = 11 puts row 94's source at
// 94 * 11 / 1024 = 1, past the input's one row.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
constexpr int rows = 95;
#else
constexpr int rows = 44;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 1, 2, 3>, fail::q>, ctnn::layers::resize_bilinear<rows, 4>>;
static_assert(model::output_size == rows * 4 * 3);
