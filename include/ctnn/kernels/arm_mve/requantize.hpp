// Requantization four channels at a time on Helium (MVE) cores, bit-exact with
// requantize() (portable/detail/requantize.hpp) and so with TFLite:
//   x = acc << left                          VSHL (wrapping, like the scalar uint32 shift)
//   x = SRDHM(x, multiplier)                 VQRDMULH: (2 x m + 2^31) >> 32 saturated, which is
//                                            TFLite's nudge-and-truncate (see fixed_point.hpp)
//   x = RoundingDivideByPOT(x, right)        VRSHL by -right rounds half up; subtracting 1 from
//                                            negative x first (only when right > 0) turns that
//                                            into TFLite's half away from zero
//   out = clamp(x + zp_out, lo, hi)          VADD, VMAX, VMIN, narrowing byte store
// The per-channel constants come from a table built at compile time.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/linked_constants.hpp"
#if CTNN_KERNELS_ARM_MVE
#include <arm_mve.h>
#endif
#include "ctnn/quant/quantize_multiplier.hpp"

#if CTNN_KERNELS_ARM_MVE
namespace ctnn::kernels::arm_mve {

// Channels padded to whole vectors (the padding lanes are never stored).
template <int N>
struct mve_requant_table {
    alignas(16) std::array<std::int32_t, (N + 3) / 4 * 4> multiplier{};
    alignas(16) std::array<std::int32_t, (N + 3) / 4 * 4> left{};   // left shift, >= 0
    alignas(16) std::array<std::int32_t, (N + 3) / 4 * 4> right{};  // minus the right shift, <= 0
};

// q: `count` multipliers, one per channel, or one for all (count == 1).
template <int N, class Multipliers>
constexpr mve_requant_table<N> make_mve_requant_table(const Multipliers& q, int count) noexcept {
    mve_requant_table<N> t{};
    for (int c = 0; c < N; ++c) {
        const quantized_multiplier& m = q[count == 1 ? 0 : c];
        t.multiplier[c] = m.multiplier;
        t.left[c] = m.shift > 0 ? m.shift : 0;
        t.right[c] = m.shift > 0 ? 0 : m.shift;
    }
    return t;
}

// The table of a convolution's Spec (geometry.out_c channels, one multiplier each).
template <class Spec>
inline constexpr auto channel_requant = make_mve_requant_table<Spec::geometry.out_c>(Spec::requant, Spec::geometry.out_c);

// GCC 12 does not order the predicated narrowing store of requantize4 (VSTRB.32 under a
// predicate) before later loads of the same bytes once a kernel is inlined into the step that
// reads its output (fw.conformance.add found a depthwise output read back stale by the ADD
// after it). Every Helium kernel entry point ends with this compiler barrier, so its stores
// come before whatever follows it; inside a kernel nothing reads back what it wrote.
inline void stores_complete() noexcept { asm volatile("" ::: "memory"); }

// Accumulators of channels c..c+3 to int8 at out + c, lanes outside the predicate not stored.
template <const auto& Table, std::int32_t ZeroPoint, std::int32_t Lo, std::int32_t Hi>
inline void requantize4(int32x4_t acc, int c, std::int8_t* out, mve_pred16_t active) noexcept {
    int32x4_t x = vshlq_s32(acc, vld1q_s32(Table.left.data() + c));
    x = vqrdmulhq_s32(x, vld1q_s32(Table.multiplier.data() + c));
    const int32x4_t right = vld1q_s32(Table.right.data() + c);
    // -1 where x < 0 and the shift is a right shift: the sign bit of (x & right).
    x = vqaddq_s32(x, vshrq_n_s32(vandq_s32(x, right), 31));
    x = vrshlq_s32(x, right);
    x = vaddq_n_s32(x, ZeroPoint);
    x = vminq_s32(vmaxq_s32(x, vdupq_n_s32(Lo)), vdupq_n_s32(Hi));
    vstrbq_p_s32(out + c, x, active);
}

}  // namespace ctnn::kernels::arm_mve
#endif
