// BATCH_MATMUL of a 3x4 lhs needs an rhs of 4 rows: 5x6 does not multiply.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
#define RHS_ROWS 5
#else
#define RHS_ROWS 4
#endif

struct rhs {
    using shape = ctnn::shape<2, RHS_ROWS, 6>;
    using quant = fail::q;
    static constexpr std::int8_t values[2 * RHS_ROWS * 6] = {1, 2, 3};
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<2, 3, 4>, fail::q>, ctnn::layers::batch_matmul_constant<rhs, fail::q>>;
static_assert(model::output_size == 36);
