// Instruction counting under QEMU -icount shift=0 (one instruction = 1 ns of
// virtual time) with SysTick on the processor clock. The reset handler starts
// SysTick free-running (reload 0xFFFFFF); its interrupt counts the 24-bit
// wraps, so the count never wraps in practice (64 bits). Resolution is one
// SysTick tick: ns_per_tick instructions (40 on 25 MHz boards). On hardware
// the same numbers are processor clock ticks converted to nanoseconds.
#pragma once

#include <cstdint>

namespace ctnn_fw {

// Processor clock ticks since reset. Needs interrupts enabled to pass 2^24.
std::uint64_t clock_ticks();

// Ticks to instructions (ns) with the board's clock (see boards/<board>.ld).
std::uint64_t ticks_to_instructions(std::uint64_t ticks);

// Instructions per SysTick tick times 4 (160 at 25 MHz, 125 at 32 MHz).
std::uint32_t instructions_per_tick_x4();

// A stopwatch in instructions. start() first waits for the next SysTick edge
// (at most one tick), so every measurement starts at the same phase of the
// tick and equal work reads equal counts. Out of line on purpose: the
// overhead between the two clock reads does not depend on the caller's
// optimisation level.
class instruction_counter {
public:
    void start();
    // Instructions since start(), in whole ticks.
    std::uint64_t stop() const;

private:
    std::uint64_t start_ = 0;
};

// Instructions spent in f().
template <class F>
std::uint64_t measure_instructions(F&& f) {
    instruction_counter counter;
    counter.start();
    f();
    return counter.stop();
}

namespace detail {
void start_clock();  // called by the reset handler
}

}  // namespace ctnn_fw
