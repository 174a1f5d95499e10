// Portable int8 -> int8 lookup table: out[i] = Table[in[i] + 128], for any element-wise
// operator whose output depends on one input value only (HARD_SWISH, and RELU, RELU6,
// LEAKY_RELU, ELU, LOGISTIC, TANH, ABS, RSQRT through layers/elementwise_lut.hpp). The layer builds the table at compile time by running its reference
// kernel on all 256 inputs, so the table is the operator, bit for bit, and lives in flash.
//
//   template <const lut_s8_table& Table> void lut_s8(const std::int8_t* in, std::int8_t* out, int n);
//
// Entry i of a table is the output for input i - 128. in == out is allowed (in place): each
// group of elements is read before any of it is written. No alignment needed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/kernel_set.hpp"

namespace ctnn::kernels {

using lut_s8_table = std::array<std::int8_t, 256>;

// The table of f: entry i = f(i - 128). f is a constexpr callable int8 -> int8.
template <class F>
constexpr lut_s8_table make_lut_s8(F f) {
    lut_s8_table t{};
    for (int i = 0; i < 256; ++i) t[static_cast<std::size_t>(i)] = f(static_cast<std::int8_t>(i - 128));
    return t;
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::portable {

template <const lut_s8_table& Table>
void lut_s8(const std::int8_t* in, std::int8_t* out, int n) {
    const std::int8_t* t = Table.data() + 128;  // t[x] for x in [-128, 127]
    int i = 0;
    // Four loads before four stores: in place stays correct, and the compiler need not reload
    // the input after each store (in and out may alias).
    for (; i + 4 <= n; i += 4) {
        const std::int8_t a = t[in[i]], b = t[in[i + 1]], c = t[in[i + 2]], d = t[in[i + 3]];
        out[i] = a;
        out[i + 1] = b;
        out[i + 2] = c;
        out[i + 3] = d;
    }
    for (; i < n; ++i) out[i] = t[in[i]];
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::lut_s8> : provided_kernel {
    template <const lut_s8_table& Table>
    static void run(const std::int8_t* in, std::int8_t* out, int n) { portable::lut_s8<Table>(in, out, n); }
    // The layer's table, read at the input values (shared: it is the layer's, not a plan's).
    template <const lut_s8_table& Table>
    static constexpr linked_constants constants() { return linked_constants{}.and_shared(Table); }
};
}  // namespace ctnn::kernels
