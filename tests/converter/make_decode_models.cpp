// Writes the TFLM compressed test models decode_lut.tflite and decode_tconv.tflite (weights and
// biases through TFLM_DECODE, decode_models.hpp) and <name>_plain.tflite (the same with plain
// constants) into a directory: the golden tests (tests/golden/decode_models.cmake) convert the
// DECODE ones, and
// tests/data/<name>/ holds TFLM's outputs for them (tests/golden/make_decode_golden.sh).
#include <cstdio>
#include <fstream>
#include <string>

#include "decode_models.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_decode_models DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    for (int k = 0; k < 4; ++k) {
        const bool plain = k % 2 == 1;
        const std::string name = std::string(k < 2 ? "decode_lut" : "decode_tconv") + (plain ? "_plain" : "");
        const auto bytes = test_tflite::build(k < 2 ? decode_models::decode_lut_model(plain) : decode_models::decode_tconv_model(plain));
        std::ofstream out(dir + "/" + name + ".tflite", std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            std::fprintf(stderr, "make_decode_models: cannot write %s/%s.tflite\n", dir.c_str(), name.c_str());
            return 2;
        }
    }
    return 0;
}
