// Portable strided copy (STRIDED_SLICE, SLICE, BROADCAST_TO), specialised at compile time;
// same bytes as reference::strided_copy.
//
//   template <strided_copy_params P, class T> void run(const T* input, T* output);
//
// How: the copy is first folded (simplified_copy): dimensions of one element go, and a
// dimension whose step is the next one's extent joins it, so a slice of whole rows or a
// broadcast of a whole tensor becomes one long run. The innermost run is then one memcpy
// (step 1), one fill (step 0: a repeated element) or an element loop (any other step).
#pragma once

#include <array>
#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/strided_copy.hpp"

namespace ctnn::kernels {

// The same copy with as few dimensions as possible, still 5-D (leading 1s).
constexpr strided_copy_params simplified_copy(const strided_copy_params& p) noexcept {
    std::array<int, 5> count{}, step{};
    int n = 0;
    for (int d = 0; d < 5; ++d) {
        const auto k = static_cast<std::size_t>(d);
        if (p.count[k] == 1) continue;
        // The previous kept dimension steps exactly over this one's run: one dimension.
        if (n > 0 && step[static_cast<std::size_t>(n - 1)] == p.step[k] * p.count[k]) {
            count[static_cast<std::size_t>(n - 1)] *= p.count[k];
            step[static_cast<std::size_t>(n - 1)] = p.step[k];
            continue;
        }
        count[static_cast<std::size_t>(n)] = p.count[k];
        step[static_cast<std::size_t>(n)] = p.step[k];
        ++n;
    }
    strided_copy_params q;
    q.first = p.first;
    for (int d = 0; d < n; ++d) {
        q.count[static_cast<std::size_t>(5 - n + d)] = count[static_cast<std::size_t>(d)];
        q.step[static_cast<std::size_t>(5 - n + d)] = step[static_cast<std::size_t>(d)];
    }
    return q;
}

template <>
struct kernel<portable_set, op::strided_copy> : provided_kernel {
    template <strided_copy_params P>
    static constexpr linked_constants constants() { return {}; }  // runs of memcpy and fills
    template <strided_copy_params P, class T>
    static void run(const T* input, T* output) {
        constexpr strided_copy_params q = simplified_copy(P);
        constexpr int run_length = q.count[4], run_step = q.step[4];
        T* o = output;
        for (int i0 = 0; i0 < q.count[0]; ++i0) {
            for (int i1 = 0; i1 < q.count[1]; ++i1) {
                for (int i2 = 0; i2 < q.count[2]; ++i2) {
                    for (int i3 = 0; i3 < q.count[3]; ++i3) {
                        const T* x = input + q.first + i0 * q.step[0] + i1 * q.step[1] + i2 * q.step[2] + i3 * q.step[3];
                        if constexpr (run_step == 1) {
                            std::memcpy(o, x, sizeof(T) * run_length);
                        } else if constexpr (run_step == 0) {
                            const T v = *x;
                            for (int i = 0; i < run_length; ++i) o[i] = v;
                        } else {
                            for (int i = 0; i < run_length; ++i) o[i] = x[i * run_step];
                        }
                        o += run_length;
                    }
                }
            }
        }
    }
};

}  // namespace ctnn::kernels
