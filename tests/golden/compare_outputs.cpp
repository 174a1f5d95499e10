// ctnn-compare GOT WANT RECORD_BYTES {int8|float32}
// Bit-exact comparison of two files of concatenated records. On a difference it prints the
// first mismatches (record, element, got, want) and how many elements differ, and exits 1.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {
std::vector<unsigned char> read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "ctnn-compare: cannot read %s\n", path);
        std::exit(2);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: ctnn-compare GOT WANT RECORD_BYTES {int8|float32}\n");
        return 2;
    }
    const auto got = read_file(argv[1]);
    const auto want = read_file(argv[2]);
    const std::size_t record = std::strtoul(argv[3], nullptr, 10);
    const bool is_float = std::string(argv[4]) == "float32";
    const std::size_t element = is_float ? 4 : 1;
    if (got.size() != want.size()) {
        std::printf("size differs: got %zu bytes, want %zu bytes\n", got.size(), want.size());
        return 1;
    }
    std::size_t differing = 0;
    for (std::size_t i = 0; i + element <= got.size(); i += element) {
        if (std::memcmp(&got[i], &want[i], element) == 0) continue;
        if (++differing <= 10) {
            if (is_float) {
                float g = 0, w = 0;
                std::memcpy(&g, &got[i], 4);
                std::memcpy(&w, &want[i], 4);
                std::printf("record %zu element %zu: got %.9g want %.9g\n", i / record, (i % record) / 4, g, w);
            } else {
                std::printf("record %zu element %zu: got %d want %d\n", i / record, i % record,
                            static_cast<std::int8_t>(got[i]), static_cast<std::int8_t>(want[i]));
            }
        }
    }
    if (differing != 0) {
        std::printf("%zu of %zu elements differ\n", differing, got.size() / element);
        return 1;
    }
    std::printf("bit-exact: %zu records of %zu bytes\n", got.size() / record, record);
    return 0;
}
