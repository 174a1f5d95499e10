// Portable REDUCE_MAX / REDUCE_MIN and ARG_MAX / ARG_MIN, int8, specialised at compile time;
// bit-exact with kernels/reference/reduce_s8.hpp.
//
//   kernel<portable_set, op::reduce>::run<P>(const std::int8_t* input, std::int8_t* output)
//   kernel<portable_set, op::arg_reduce>::run<P>(const T* input, std::int32_t* output)  (int8 or float)
//
// A reduction whose reduced dimensions are contiguous (outer x reduced x inner, MEAN's layout_of)
// keeps a row of `inner` running values and folds each reduced row into it; other layouts run
// the reference walk with constant parameters. ARG_MAX walks its one axis per output value.
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/mean_s8.hpp"  // layout_of: the one reduction layout
#include "ctnn/kernels/reference/reduce_s8.hpp"

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::reduce> : provided_kernel {
    template <reduce_params P>
    static constexpr linked_constants constants() { return {}; }  // the parameters are the code's
    template <reduce_params P>
    [[gnu::noinline]] static void run(const std::int8_t* input, std::int8_t* output) {
        constexpr portable::mean_layout L = portable::layout_of(P.axes());
        if constexpr (L.contiguous) {
            for (int o = 0; o < L.outer; ++o) {
                const std::int8_t* base = input + o * L.reduced * L.inner;
                std::int8_t* out = output + o * L.inner;
                for (int c = 0; c < L.inner; ++c) out[c] = base[c];
                for (int r = 1; r < L.reduced; ++r) {
                    const std::int8_t* in = base + r * L.inner;
                    for (int c = 0; c < L.inner; ++c) {
                        if constexpr (P.max) out[c] = in[c] > out[c] ? in[c] : out[c];
                        else out[c] = in[c] < out[c] ? in[c] : out[c];
                    }
                }
            }
        } else {
            reference::reduce_s8(P, input, output);
        }
    }
};

template <>
struct kernel<portable_set, op::arg_reduce> : provided_kernel {
    template <arg_params P>
    static constexpr linked_constants constants() { return {}; }
    template <arg_params P, class T>  // T: std::int8_t or float
    static void run(const T* input, std::int32_t* output) {
        reference::arg_s8(P, input, output);  // constant bounds: the compiler specialises the loops
    }
};
}  // namespace ctnn::kernels
