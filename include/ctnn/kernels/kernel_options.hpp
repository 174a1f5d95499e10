// Speed, flash and RAM choices a model makes for its kernels. A model carries them
// as a template argument (ctnn::basic_graph) and hands them to every weighted layer's kernel.
//
//   using fast_model = ctnn::with_int16_weights<kws::model>;   // see graph/with_options.hpp
#pragma once

namespace ctnn {

struct kernel_options {
    // Convolution and fully connected weights stored pre-widened to int16, in the order the
    // Arm DSP kernels feed them to SMLAD: no SXTB16 unpacking in the inner loops, for twice
    // the weight flash. The budget counts the doubled weights on every target (so a budget
    // answer does not change between the host and the firmware build); kernels without a DSP
    // path (portable: host, Cortex-M0+, M55) have no unpacking to save and keep int8 weights.
    bool int16_weights = false;

    // A CONV_2D whose output only feeds the ADD after it runs inside that ADD, a few rows at a
    // time (plan/residual_fusion.hpp): its output never exists whole, which shrinks the arena
    // of residual networks. On by default; off, every tensor exists (full intermediates).
    bool fuse_residual_add = true;

    friend constexpr bool operator==(const kernel_options&, const kernel_options&) = default;
};

}  // namespace ctnn
