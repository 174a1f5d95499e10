// ctnn-random-inputs BYTES_PER_INPUT COUNT SEED {int8|float32} > inputs.bin
// Deterministic pseudo-random model inputs (xorshift32): int8 bytes, or float32 values spread
// over [-8, 8) so that a QUANTIZE at the model's edge sees in-range and saturating values.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: ctnn-random-inputs BYTES_PER_INPUT COUNT SEED {int8|float32}\n");
        return 2;
    }
    const std::size_t bytes = std::strtoul(argv[1], nullptr, 10);
    const std::size_t count = std::strtoul(argv[2], nullptr, 10);
    std::uint32_t state = static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10)) | 1u;
    const bool is_float = std::string(argv[4]) == "float32";
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    for (std::size_t i = 0; i < bytes * count; i += is_float ? 4 : 1) {
        if (is_float) {
            const float v = static_cast<float>(static_cast<std::int32_t>(next() >> 8) - (1 << 23)) / static_cast<float>(1 << 20);
            unsigned char raw[4];
            std::memcpy(raw, &v, 4);
            std::fwrite(raw, 1, 4, stdout);
        } else {
            std::fputc(static_cast<int>(next() & 0xff), stdout);
        }
    }
    return 0;
}
