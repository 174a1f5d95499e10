// The smallest ctnn firmware: print, measure a loop in instructions, report
// memory, exit 0. Runs in QEMU: see ctnn_add_firmware_test in firmware/CMakeLists.txt.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstdint>

namespace {

// Something to measure: a checksum over a small table, kept from being folded away.
std::uint32_t checksum(const std::uint8_t* data, std::uint32_t size) {
    std::uint32_t sum = 0;
    for (std::uint32_t i = 0; i < size; ++i) {
        sum = (sum << 1 | sum >> 31) ^ data[i];
        asm volatile("" : "+r"(sum));
    }
    return sum;
}

constexpr std::uint8_t table[64] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};

}  // namespace

int main() {
    ctnn_fw::print("hello from ctnn firmware\n");

    std::uint32_t sum = 0;
    const std::uint64_t instructions = ctnn_fw::measure_instructions([&] { sum = checksum(table, sizeof table); });
    ctnn_fw::print("checksum ");
    ctnn_fw::print_hex(sum);
    ctnn_fw::print("\n");
    ctnn_fw::print_line("checksum instructions", instructions);
    ctnn_fw::print("first bytes ");
    ctnn_fw::print_hex_bytes(std::as_bytes(std::span(table).first(8)));
    ctnn_fw::print("\n");

    // Floating point works (the reset handler enabled the FPU on cores that have one).
    volatile float x = 1.5f;
    ctnn_fw::print_line("float 1.5^2*100 =", static_cast<std::uint64_t>(x * x * 100.0f));

    ctnn_fw::print_line("flash bytes", ctnn_fw::flash_used_bytes());
    ctnn_fw::print_line("ram bytes", ctnn_fw::ram_used_bytes());
    ctnn_fw::print_line("stack peak bytes", ctnn_fw::stack_peak_bytes());
    return 0;
}
