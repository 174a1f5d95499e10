// Portable MEAN (and SUM) over any axes, int8 or int16, specialised at compile time; bit-exact
// with reference::mean.
//
//   kernel<portable_set, op::mean>::run<P>(const T* input, T* output)   (T: std::int8_t or std::int16_t)
//
// How: size-1 dimensions are dropped and neighbours of the same kind merged. When what is left
// is (outer kept) x (reduced) x (inner kept) — global average pooling, a reduction over the
// last axes or the first ones, i.e. what models export — the sums are channel-contiguous int32
// rows (vectorised) over the reduced extent; any other layout runs the reference loop with
// constant parameters. Both end in reference::mean_output with 1/count folded into a
// constexpr multiplier (SUM: none) and zp_in * count into one constant.
#pragma once

#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"  // mean_multiplier, mean_output: the one rule

namespace ctnn::kernels::portable {

// The tensor as outer x reduced x inner, when its reduced dimensions are contiguous (every
// reduction's fast path: MEAN, SUM, REDUCE_MAX, REDUCE_MIN).
struct mean_layout {
    int outer = 1, reduced = 1, inner = 1;
    bool contiguous = true;
};

constexpr mean_layout layout_of(const reduction& p) noexcept {
    mean_layout l;
    int phase = 0;  // 0: before the reduced run, 1: in it, 2: after it
    for (int d = 0; d < p.rank; ++d) {
        const int n = p.dims[static_cast<std::size_t>(d)];
        if (n == 1) continue;
        if (p.reduced[static_cast<std::size_t>(d)]) {
            if (phase == 2) l.contiguous = false;
            phase = 1;
            l.reduced *= n;
        } else if (phase == 0) {
            l.outer *= n;
        } else {
            phase = 2;
            l.inner *= n;
        }
    }
    return l;
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::mean> : provided_kernel {
    template <mean_params P>
    static constexpr linked_constants constants() { return {}; }  // the parameters are the code's
    template <mean_params P, class T>
    // Not inlined: its accumulator row stays in its own frame instead of the step function's,
    // where it would sit under every deeper kernel call (the firmware's stack peak).
    [[gnu::noinline]] static void run(const T* input, T* output) {
        constexpr int count = P.count();
        static_assert(count > 0 && P.output_count() > 0, "ctnn: mean_s8 needs a non-empty input");
        constexpr quantized_multiplier folded = reference::sum_multiplier(P);
        constexpr std::int32_t offset = P.input_zero_point * count;
        constexpr portable::mean_layout L = portable::layout_of(P.axes());
        if constexpr (L.contiguous) {
            for (int o = 0; o < L.outer; ++o) {
                alignas(16) std::int32_t sum[L.inner] = {};
                const T* base = input + o * L.reduced * L.inner;
                for (int r = 0; r < L.reduced; ++r) {
                    const T* in = base + r * L.inner;
                    for (int c = 0; c < L.inner; ++c) sum[c] += in[c];
                }
                T* out = output + o * L.inner;
                for (int c = 0; c < L.inner; ++c) out[c] = reference::mean_output<T>(sum[c], offset, folded, P.output_zero_point);
            }
        } else {
            reference::mean(P, input, output);
        }
    }
};
}  // namespace ctnn::kernels
