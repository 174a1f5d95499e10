// The runner (tools/runner/runner_main.cpp) on ctnn::with_sparsity<M, ctnn::sparsity::force>:
// every int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED in the weight form that stores the
// fewest bytes (sparse or 4-bit codes where either is smaller than dense), run against the same
// TFLM goldens as the dense build. Built with CTNN_MODEL_HEADER and CTNN_FORCED_NAMESPACE (the
// model's namespace).
#include <ctnn/ctnn.hpp>

#include CTNN_MODEL_HEADER

namespace forced_forms {
using model = ctnn::with_sparsity<CTNN_FORCED_NAMESPACE::model, ctnn::sparsity::force>;
}

#define CTNN_MODEL_NAMESPACE forced_forms
#include "runner_main.cpp"
