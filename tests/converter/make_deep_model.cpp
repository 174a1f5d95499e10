// Writes the deep chain of tests/converter/deep_model.hpp with N operators as a .tflite file:
//   make_deep_model N FILE
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "deep_model.hpp"

int main(int argc, char** argv) {
    const int operators = argc == 3 ? std::atoi(argv[1]) : 0;
    if (operators < 1) {
        std::fprintf(stderr, "usage: make_deep_model OPERATORS FILE\n");
        return 2;
    }
    const auto bytes = test_tflite::build(test_tflite::deep_model(operators));
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "make_deep_model: cannot write %s\n", argv[2]);
        return 2;
    }
    return 0;
}
