// Number formatting into a small stack buffer, then one SYS_WRITE0 each.
#include "ctnn_fw/print.hpp"

#include "ctnn_fw/semihosting.hpp"

namespace ctnn_fw {

void print(const char* text) { write0(text); }

void print_udec(std::uint64_t value) {
    char buffer[21];  // 20 digits of 2^64-1 and the NUL
    char* p = buffer + sizeof buffer;
    *--p = '\0';
    do {
        *--p = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    write0(p);
}

void print_dec(std::int64_t value) {
    if (value < 0) {
        write0("-");
        print_udec(~static_cast<std::uint64_t>(value) + 1);  // also right for INT64_MIN
    } else {
        print_udec(static_cast<std::uint64_t>(value));
    }
}

namespace {
constexpr char hex_digits[] = "0123456789abcdef";
}

void print_hex(std::uint32_t value) {
    char buffer[11] = "0x";
    for (int i = 0; i < 8; ++i) buffer[2 + i] = hex_digits[(value >> (28 - 4 * i)) & 0xFu];
    buffer[10] = '\0';
    write0(buffer);
}

void print_hex_bytes(std::span<const std::byte> bytes) {
    // 16 bytes per semihosting call: "xx " each.
    char buffer[16 * 3 + 1];
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = std::to_integer<unsigned>(bytes[i]);
        if (i != 0) buffer[n++] = ' ';
        buffer[n++] = hex_digits[b >> 4];
        buffer[n++] = hex_digits[b & 0xFu];
        if (n >= 16 * 3 - 1) {
            buffer[n] = '\0';
            write0(buffer);
            n = 0;
        }
    }
    buffer[n] = '\0';
    write0(buffer);
}

void print_line(const char* label, std::uint64_t value) {
    write0(label);
    write0(" ");
    print_udec(value);
    write0("\n");
}

}  // namespace ctnn_fw
