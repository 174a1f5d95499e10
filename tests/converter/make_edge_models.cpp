// Writes the accepted edge-case models of edge_models.hpp as .tflite files into a directory, so
// the build converts and compiles them like a user's model (the self_check.<name> tests).
#include <cstdio>
#include <fstream>
#include <string>

#include "edge_models.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_edge_models DIR\n");
        return 2;
    }
    for (const auto& [name, model] : test_tflite::edge_models()) {
        const auto bytes = test_tflite::build(model);
        const std::string path = std::string(argv[1]) + "/" + name + ".tflite";
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            std::fprintf(stderr, "make_edge_models: cannot write %s\n", path.c_str());
            return 2;
        }
    }
    return 0;
}
