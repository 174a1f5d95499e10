// Portable ADD, SUB and MUL of int16 tensors with broadcasting, specialised at compile time;
// bit-exact with kernels::binary_element (kernels/reference/binary_s16.hpp). The int8
// operators' broadcast driver (portable::broadcast_s8 walks any element type) with each
// operator's element function on constant multipliers. No tables: an int16 input has 65536
// values, so each input's rescaling is computed (one 32x32->64 multiply each).
#pragma once

#include <cstdint>

#include "ctnn/core/broadcast.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/binary_s8.hpp"
#include "ctnn/kernels/reference/binary_s16.hpp"

namespace ctnn::kernels::portable {

template <add_s16_params P>
inline std::int16_t element(std::int16_t x, std::int16_t y) noexcept {
    return kernels::binary_element(P, x, y);
}
template <sub_s16_params P>
inline std::int16_t element(std::int16_t x, std::int16_t y) noexcept {
    return kernels::binary_element(P, x, y);
}
template <mul_s16_params P>
inline std::int16_t element(std::int16_t x, std::int16_t y) noexcept {
    return kernels::binary_element(P, x, y);
}

template <auto P, broadcast_geometry G>
void binary_s16(const std::int16_t* a, const std::int16_t* b, std::int16_t* out) {
    broadcast_s8<G>(a, b, out, [](std::int16_t x, std::int16_t y) { return element<P>(x, y); });
}

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::binary_s16> : provided_kernel {
    template <auto P, broadcast_geometry G>
    static void run(const std::int16_t* a, const std::int16_t* b, std::int16_t* out) { portable::binary_s16<P, G>(a, b, out); }
    template <auto P, broadcast_geometry G>
    static constexpr linked_constants constants() { return {}; }  // multipliers are immediates
};
}  // namespace ctnn::kernels
