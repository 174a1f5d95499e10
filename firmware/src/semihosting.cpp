// Arm semihosting calls (BKPT 0xAB on M-profile): operation in r0, argument in r1.
#include "ctnn_fw/semihosting.hpp"

#include <cstdint>

namespace {

constexpr std::uint32_t sys_write0 = 0x04;
constexpr std::uint32_t sys_exit_extended = 0x20;
constexpr std::uint32_t adp_stopped_application_exit = 0x20026;

std::uint32_t semihost(std::uint32_t operation, const void* argument) {
    register std::uint32_t r0 asm("r0") = operation;
    register const void* r1 asm("r1") = argument;
    asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

}  // namespace

namespace ctnn_fw {

void write0(const char* text) { semihost(sys_write0, text); }

void exit(int status) {
    // SYS_EXIT (0x18) on 32-bit Arm carries no status; the extended call does.
    const std::uint32_t block[2] = {adp_stopped_application_exit, static_cast<std::uint32_t>(status)};
    semihost(sys_exit_extended, block);
    for (;;) asm volatile("bkpt 0");  // without a debugger: stop here
}

}  // namespace ctnn_fw
