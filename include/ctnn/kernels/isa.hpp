// The instruction-set extensions ctnn's kernels use: the one place that reads the compiler's
// predefined macros. Each is a macro (for #if around an intrinsics header) and a constexpr bool
// (for if constexpr):
//
//   CTNN_KERNELS_ARM_DSP   SMLAD/SXTB16 cores without Helium (Cortex-M4, M7, M33): the kernel
//                          set in kernels/arm_dsp/ replaces conv, depthwise and fully connected
//   CTNN_KERNELS_ARM_MVE   Helium cores (Cortex-M55): the kernel set in kernels/arm_mve/
//                          replaces conv, depthwise and fully connected
//   CTNN_KERNELS_X86_VNNI  x86-64 hosts with AVX-512 F, BW and VNNI: the kernel set in
//                          kernels/x86_vnni/ replaces conv, fully connected and ADD
//
// The Arm sets need an optimised build (the DSP kernels' assembly loops take more registers
// than -O0 leaves free; Helium intrinsics are only worth it optimised). A build turns one off
// with -DCTNN_NO_ARM_DSP, -DCTNN_NO_ARM_MVE or -DCTNN_NO_X86_VNNI, or every one with
// -DCTNN_PORTABLE_KERNELS (plain C++ everywhere).
#pragma once

#if !defined(CTNN_PORTABLE_KERNELS) && !defined(CTNN_NO_ARM_MVE) && defined(__ARM_FEATURE_MVE) && __ARM_FEATURE_MVE && \
    defined(__OPTIMIZE__)
#define CTNN_KERNELS_ARM_MVE 1
#else
#define CTNN_KERNELS_ARM_MVE 0
#endif

#if !defined(CTNN_PORTABLE_KERNELS) && !defined(CTNN_NO_ARM_DSP) && defined(__ARM_FEATURE_DSP) && !CTNN_KERNELS_ARM_MVE && \
    defined(__OPTIMIZE__)
#define CTNN_KERNELS_ARM_DSP 1
#else
#define CTNN_KERNELS_ARM_DSP 0
#endif

#if !defined(CTNN_PORTABLE_KERNELS) && !defined(CTNN_NO_X86_VNNI) && defined(__x86_64__) && defined(__AVX512F__) && \
    defined(__AVX512BW__) && defined(__AVX512VNNI__)
#define CTNN_KERNELS_X86_VNNI 1
#else
#define CTNN_KERNELS_X86_VNNI 0
#endif

namespace ctnn::kernels::isa {

inline constexpr bool arm_dsp = CTNN_KERNELS_ARM_DSP != 0;
inline constexpr bool arm_mve = CTNN_KERNELS_ARM_MVE != 0;
inline constexpr bool x86_vnni = CTNN_KERNELS_X86_VNNI != 0;

}  // namespace ctnn::kernels::isa
