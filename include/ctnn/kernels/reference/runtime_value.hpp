// The reference kernels stand for an interpreter's kernels: parameters known only at run time.
// Layers hand them their compile-time parameters through `runtime_value`, which hides the
// values from the optimiser, so the reference path measures what run-time parameters cost and
// the comparison with the specialised kernels is fair.
#pragma once

namespace ctnn::kernels::reference {

template <class T>
T runtime_value(const T& value) noexcept {
    T copy = value;
    asm volatile("" : : "r"(&copy) : "memory");  // the compiler must assume copy changed
    return copy;
}

template <class T>
const T* runtime_value(const T* pointer) noexcept {
    asm volatile("" : "+r"(pointer));
    return pointer;
}

}  // namespace ctnn::kernels::reference
