// Arm semihosting: console output and exit with a status, through the debugger
// (QEMU with -semihosting-config enable=on,target=native).
#pragma once

namespace ctnn_fw {

// SYS_WRITE0: writes a NUL-terminated string to the host console
// (QEMU: to its stderr when run with -serial none -monitor none).
void write0(const char* text);

// SYS_EXIT_EXTENDED: QEMU exits with `status` as its own exit status.
[[noreturn]] void exit(int status);

}  // namespace ctnn_fw
