// The few C++ runtime hooks a bare-metal program needs, defined here so that
// nothing from libstdc++ pulls in stdio or the heap.
#include "ctnn_fw/print.hpp"
#include "ctnn_fw/semihosting.hpp"

extern "C" {

// Identifies this module to __cxa_atexit (normally from crtbegin; we use -nostartfiles).
void* __dso_handle = &__dso_handle;

// Static destructors never run: firmware leaves through semihosting exit or
// not at all. Registering nothing keeps newlib's atexit table (and its
// malloc fallback) out of the link.
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }

[[noreturn]] void __cxa_pure_virtual() {
    ctnn_fw::print("ctnn_fw: pure virtual function called\n");
    ctnn_fw::exit(134);
}

}
