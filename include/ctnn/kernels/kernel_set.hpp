// Kernel sets as data. A set is a tag type with its name and its tuning facts; an operation is a
// tag type (kernels/ops.hpp); a set implements an operation by specialising `kernel<Set, Op>` on
// `provided_kernel` with the entry points that operation's layer calls, and `constants<...>()`:
// the constant objects those entry points link for one layer (kernels/linked_constants.hpp). kernels/select.hpp
// picks, per operation, the first set in the build's list that provides it: the one selection
// point every layer goes through.
#pragma once

#include <cstddef>

#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/kernels/ops.hpp"
#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn::kernels {

// A set's tuning facts. residual_chunking: how residual fusion cuts the output of the set's
// convolution into chunks of rows (plan/residual_fusion.hpp).
template <plan::chunk_rule ResidualChunking>
struct set_facts {
    static constexpr plan::chunk_rule residual_chunking = ResidualChunking;
};
// Kernels that compute one output pixel at a time: any whole rows, 24 pixels or more.
inline constexpr plan::chunk_rule pixel_chunks{.pixel_multiple = 1, .min_pixels = 24};

// The readable oracles (kernels/reference/): every operation has one. The last set of every list.
struct reference_set : set_facts<pixel_chunks> {
    static constexpr const char* name = "reference";
};
// Plain C++ (kernels/portable/), compiled for any target.
struct portable_set : set_facts<pixel_chunks> {
    static constexpr const char* name = "portable";
};
// Helium cores, e.g. Cortex-M55 (kernels/arm_mve/): vector steps in the portable drivers.
struct arm_mve_set : set_facts<pixel_chunks> {
    static constexpr const char* name = "arm_mve";
};
// x86-64 hosts with AVX-512 VNNI (kernels/x86_vnni/): a matrix tile for conv and fully
// connected, a vector ADD.
struct x86_vnni_set : set_facts<pixel_chunks> {
    static constexpr const char* name = "x86_vnni";
};
// SMLAD/SXTB16 cores without Helium: Cortex-M4, M7, M33 (kernels/arm_dsp/). Its convolution
// computes three output pixels at a time, so its chunks hold a multiple of three.
struct arm_dsp_set : set_facts<plan::chunk_rule{.pixel_multiple = 3, .min_pixels = 24}> {
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
// A provided kernel of an operation with scratch (conv, fully connected) that needs none.
struct scratchless_kernel : provided_kernel {
    template <class Spec>
    static constexpr std::size_t scratch_bytes = 0;
};

// The kernel of a layer that does no work (RESHAPE: its output is its input's bytes).
struct no_kernel {
    using set = void;
    static constexpr const char* set_name = "view";  // its output is its input's bytes
};

}  // namespace ctnn::kernels
