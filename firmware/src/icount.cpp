// SysTick as a free-running 24-bit down-counter on the processor clock; its
// interrupt counts wraps so clock_ticks() is a 64-bit count.
#include "ctnn_fw/icount.hpp"

#include "linker_symbols.hpp"

namespace {

struct systick_registers {
    std::uint32_t ctrl;   // 0xE000E010 CSR
    std::uint32_t load;   // 0xE000E014 RVR
    std::uint32_t value;  // 0xE000E018 CVR
};
volatile systick_registers& systick() { return *reinterpret_cast<volatile systick_registers*>(0xE000E010u); }
volatile std::uint32_t& icsr() { return *reinterpret_cast<volatile std::uint32_t*>(0xE000ED04u); }

constexpr std::uint32_t ctrl_enable = 1u << 0;
constexpr std::uint32_t ctrl_tickint = 1u << 1;
constexpr std::uint32_t ctrl_processor_clock = 1u << 2;
constexpr std::uint32_t icsr_pendstset = 1u << 26;
constexpr std::uint32_t reload = 0xFFFFFFu;  // longest period: 2^24 ticks

volatile std::uint32_t wraps = 0;

}  // namespace

extern "C" void ctnn_fw_systick() { wraps = wraps + 1; }

namespace ctnn_fw {

void detail::start_clock() {
    systick().ctrl = 0;
    systick().load = reload;
    systick().value = 0;  // any write clears the counter; it reloads on the next tick
    systick().ctrl = ctrl_enable | ctrl_tickint | ctrl_processor_clock;
}

std::uint64_t clock_ticks() {
    std::uint32_t w = 0;
    std::uint32_t v = 0;
    bool pending = false;
    do {  // retry if the interrupt ran in between
        w = wraps;
        v = systick().value;
        pending = (icsr() & icsr_pendstset) != 0;
    } while (w != wraps);
    // Wrapped but the interrupt has not run (interrupts masked): the value read
    // is from after the wrap if it is still high.
    if (pending && v > reload / 2) ++w;
    return (static_cast<std::uint64_t>(w) << 24) + (reload - v);
}

std::uint32_t instructions_per_tick_x4() {
    return static_cast<std::uint32_t>(detail::linker_value(ctnn_fw_ns_per_tick_x4));
}

std::uint64_t ticks_to_instructions(std::uint64_t ticks) { return ticks * instructions_per_tick_x4() / 4; }

void instruction_counter::start() {
    const std::uint32_t before = systick().value;
    while (systick().value == before) {
    }
    start_ = clock_ticks();
}

std::uint64_t instruction_counter::stop() const { return ticks_to_instructions(clock_ticks() - start_); }

}  // namespace ctnn_fw
