// A canonical strided slice must stay inside the input: 3 elements by -2 from index 2 of a
// dimension of 5 would read index -2.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
using size = ctnn::slice_size<3>;
#else
using size = ctnn::slice_size<2>;
#endif
using model = ctnn::sequential<ctnn::input<ctnn::shape<5>, fail::q>,
                               ctnn::layers::strided_slice<ctnn::slice_begin<2>, size, ctnn::slice_strides<-2>, ctnn::shape<size::values[0]>>>;
static_assert(model::output_size >= 2);
