// Writes the TFLM compressed test model decode_lut.tflite (weights and a bias through
// TFLM_DECODE, decode_models.hpp) and decode_lut_plain.tflite (the same with plain constants)
// into a directory: the golden test (tests/golden/decode_models.cmake) converts the first, and
// tests/data/decode_lut/ holds TFLM's outputs for it (tests/golden/make_decode_golden.sh).
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
    for (const bool plain : {false, true}) {
        const std::string name = plain ? "decode_lut_plain" : "decode_lut";
        const auto bytes = test_tflite::build(decode_models::decode_lut_model(plain));
        std::ofstream out(dir + "/" + name + ".tflite", std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            std::fprintf(stderr, "make_decode_models: cannot write %s/%s.tflite\n", dir.c_str(), name.c_str());
            return 2;
        }
    }
    return 0;
}
