// fw.icount_loop: the instruction counter against loops of known length.
// spin(n) runs n iterations of two instructions (subs; bne). The counter
// starts on a tick edge; from that edge to the clock read in stop() there are
// 2n instructions plus a fixed 32-36 (measured: 32-33 on M4/M7/M33, about 35
// on M55 and M0). With 2n a whole number of ticks the reading is therefore
// exactly 2n plus that overhead rounded down to whole ticks: 0 on boards with
// 40, 50 or 62.5 instructions per tick, one tick (31.25, read as 31) on
// mps3-an547. CTNN_FW_ICOUNT_OVERHEAD carries that per-board constant.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstdint>

namespace {

[[gnu::noinline]] void spin(std::uint32_t n) {
    asm volatile(
        ".syntax unified\n"  // GCC hands Thumb-1 inline asm over in divided syntax
        "1:\n\t"
        "subs %0, %0, #1\n\t"
        "bne 1b"
        : "+l"(n)
        :
        : "cc");
}

std::uint64_t measure_spin(std::uint32_t n) {
    ctnn_fw::instruction_counter counter;
    counter.start();
    spin(n);
    return counter.stop();
}

}  // namespace

int main() {
    // 2n is a whole number of ticks on every board (40, 50, 31.25 or 62.5
    // instructions per tick). 600 million iterations take 1.2e9 instructions:
    // more than 2^24 ticks on every board, so the SysTick wrap count is used.
    constexpr std::uint32_t lengths[] = {1000, 10000, 100000, 1000000, 600000000};
    int failures = 0;
    for (const std::uint32_t n : lengths) {
        // Past a SysTick wrap the wrap interrupt's own instructions are counted too: on ARMv6-M
        // (the M0+ build, measured on mps2-an385) they can tip the reading over one more tick,
        // depending on where the interrupt lands in the code.
        const std::uint64_t want = 2ull * n + CTNN_FW_ICOUNT_OVERHEAD;
        const std::uint64_t also_ok = n > 100000000u ? want + CTNN_FW_ICOUNT_WRAP_EXTRA : want;
        const std::uint64_t got = measure_spin(n);
        ctnn_fw::print("spin ");
        ctnn_fw::print_udec(n);
        ctnn_fw::print(": ");
        ctnn_fw::print_udec(got);
        ctnn_fw::print(" instructions");
        const bool ok = got == want || got == also_ok;
        ctnn_fw::print(ok ? "\n" : " (WRONG)\n");
        failures += ok ? 0 : 1;
    }
    return failures;
}
