// ARG_MAX over axis 2 of a rank-2 tensor: the axis does not exist.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
constexpr int axis = 2;
#else
constexpr int axis = -1;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<3, 10>, fail::q>, ctnn::layers::arg_max<axis>>;
static_assert(model::output_size == 3);
static_assert(std::is_same_v<model::output_element, std::int32_t>);
