// The vector table: initial stack pointer, then exception handlers. Only the
// 16 system exceptions: ctnn firmware uses no peripheral interrupts.
#include <cstdint>

#include "ctnn_fw/print.hpp"
#include "ctnn_fw/semihosting.hpp"
#include "linker_symbols.hpp"

extern "C" [[noreturn]] void ctnn_fw_reset();
extern "C" void ctnn_fw_systick();

namespace {

// Any unexpected exception: say which and exit with 128 + its number, so a
// fault shows up as a failed test rather than a hang.
[[noreturn]] void unexpected_exception() {
    std::uint32_t ipsr = 0;
    asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    const std::uint32_t number = ipsr & 0x1FFu;
    ctnn_fw::print("ctnn_fw: unexpected exception ");
    ctnn_fw::print_udec(number);
    ctnn_fw::print(number == 3 ? " (HardFault)\n" : "\n");
    ctnn_fw::exit(128 + static_cast<int>(number));
}

using handler = void (*)();

// The table proper: the initial stack pointer, then 15 handlers.
struct vector_table {
    void* initial_sp;
    handler exceptions[15];
};

}  // namespace

// At the start of FLASH (sections.ld keeps and places .ctnn_fw_vectors).
[[gnu::section(".ctnn_fw_vectors"), gnu::used]] constinit const vector_table ctnn_fw_vector_table = {
    ctnn_fw_stack_top,
    {
        ctnn_fw_reset,         // 1: Reset
        unexpected_exception,  // 2: NMI
        unexpected_exception,  // 3: HardFault
        unexpected_exception,  // 4: MemManage
        unexpected_exception,  // 5: BusFault
        unexpected_exception,  // 6: UsageFault
        unexpected_exception,  // 7: SecureFault (v8-M)
        nullptr,               // 8: reserved
        nullptr,               // 9: reserved
        nullptr,               // 10: reserved
        unexpected_exception,  // 11: SVCall
        unexpected_exception,  // 12: DebugMonitor
        nullptr,               // 13: reserved
        unexpected_exception,  // 14: PendSV
        ctnn_fw_systick,       // 15: SysTick
    },
};
