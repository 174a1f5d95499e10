// Portable int16 -> int16 functions of one value (RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH),
// specialised at compile time: the operator's reference arithmetic on constant parameters.
// A 65536-entry table would cost 128 KiB of flash, so each element is computed.
//
//   template <class F, auto P> void unary_s16(const std::int16_t* in, std::int16_t* out, int n);
//
// F::apply_s16(P, x) is the operator (layers/activations.hpp). out may be in (in place).
#pragma once

#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/kernels/ops.hpp"

namespace ctnn::kernels::portable {

template <class F, auto P>
void unary_s16(const std::int16_t* in, std::int16_t* out, int n) {
    for (int i = 0; i < n; ++i) out[i] = F::apply_s16(P, in[i]);
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::unary_s16> : provided_kernel {
    template <class F, auto P>
    static void run(const std::int16_t* in, std::int16_t* out, int n) { portable::unary_s16<F, P>(in, out, n); }
    template <class F, auto P>
    static constexpr linked_constants constants() {
        // The parameters are immediates; a table the operator reads (F::table_s16) is shared.
        if constexpr (requires { F::table_s16; }) return linked_constants{}.and_shared(F::table_s16);
        else return {};
    }
};
}  // namespace ctnn::kernels
