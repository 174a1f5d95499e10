// Kernel sets as data. A set is a tag type; an operation is a tag type declared with its
// portable kernel (kernels/portable/<op>_s8.hpp); a set implements an operation by
// specialising `kernel<Set, Op>` on `provided_kernel` with the entry points that operation's
// layer calls. kernels/select.hpp picks, per operation, the first set in the build's list that
// provides it: the one selection point every layer goes through.
#pragma once

namespace ctnn::kernels {

// The readable oracles (kernels/reference/): every operation has one. The last set of every list.
struct reference_set {
    static constexpr const char* name = "reference";
};
// Plain C++ (kernels/portable/), compiled for any target; Helium and AVX-512 VNNI inner loops
// plug into it (kernels/arm_mve/, kernels/x86_vnni/) where kernels/isa.hpp enables them.
struct portable_set {
    static constexpr const char* name = "portable";
};
// SMLAD/SXTB16 cores without Helium: Cortex-M4, M7, M33 (kernels/arm_dsp/).
struct arm_dsp_set {
    static constexpr const char* name = "arm_dsp";
};

// Not provided unless a set says so, by specialising kernel<Set, Op> on provided_kernel.
template <class Set, class Op>
struct kernel {
    static constexpr bool provided = false;
};
struct provided_kernel {
    static constexpr bool provided = true;
};

// The kernel of a layer that does no work (RESHAPE: its output is its input's bytes).
struct no_kernel {
    using set = void;
    static constexpr const char* set_name = "view";  // its output is its input's bytes
};

}  // namespace ctnn::kernels
