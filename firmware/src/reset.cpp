// Reset handler: make C++ work, then run main() and exit with its status.
#include <cstdint>

#include "ctnn_fw/icount.hpp"
#include "ctnn_fw/semihosting.hpp"
#include "ctnn_fw/stack.hpp"
#include "linker_symbols.hpp"

// main() under another C++ name: C++ forbids calling main, the linker does not.
extern "C" int ctnn_fw_main() __asm__("main");

namespace {

void enable_fpu() {
#if defined(__ARM_FP) || defined(__ARM_FEATURE_MVE)
    // CPACR: full access to CP10/CP11 (FPU, and Helium on v8.1-M). Must come
    // before any floating-point or vector instruction.
    auto* const cpacr = reinterpret_cast<volatile std::uint32_t*>(0xE000ED88u);
    *cpacr = *cpacr | (0xFu << 20);
    asm volatile("dsb\n\tisb" ::: "memory");
#endif
}

}  // namespace

extern "C" [[noreturn]] void ctnn_fw_reset() {
    enable_fpu();

    const std::uint32_t* src = ctnn_fw_data_load;
    for (std::uint32_t* dst = ctnn_fw_data_start; dst < ctnn_fw_data_end;) *dst++ = *src++;
    for (std::uint32_t* dst = ctnn_fw_bss_start; dst < ctnn_fw_bss_end;) *dst++ = 0;

    ctnn_fw::detail::paint_stack();
    ctnn_fw::detail::start_clock();

    for (auto* init = ctnn_fw_init_array_start; init < ctnn_fw_init_array_end; ++init) (*init)();

    ctnn_fw::exit(ctnn_fw_main());
}
