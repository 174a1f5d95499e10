// Small console printing helpers over semihosting (no printf: it costs
// kilobytes of flash and pulls in the heap).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace ctnn_fw {

void print(const char* text);
void print_dec(std::int64_t value);
void print_udec(std::uint64_t value);
void print_hex(std::uint32_t value);                     // "0x0000abcd"
void print_hex_bytes(std::span<const std::byte> bytes);  // "00 7f 80 ff"

// print(label) then print_udec(value) then a newline: "label 1234\n".
void print_line(const char* label, std::uint64_t value);

}  // namespace ctnn_fw
