// Writes the synthetic test models as .tflite files into a directory, so the build can convert
// and compile them like any user model (the end-to-end self-check in tests/converter).
#include <cstdio>
#include <fstream>
#include <string>

#include "options_model.hpp"
#include "residual_model.hpp"
#include "shrink_models.hpp"
#include "test_models.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_test_models DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    const struct {
        const char* name;
        test_tflite::model model;
    } models[] = {{"tiny", test_tflite::tiny_model()},
                  {"edges", test_tflite::edges_model()},
                  {"options", test_tflite::options_model()},
                  {"residual", test_tflite::residual_model()},
                  {"int4", test_tflite::int4_model()},
                  {"clustered", test_tflite::clustered_model()},
                  {"structured", test_tflite::structured_model()}};
    for (const auto& [name, model] : models) {
        const auto bytes = test_tflite::build(model);
        std::ofstream out(dir + "/" + name + ".tflite", std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            std::fprintf(stderr, "make_test_models: cannot write %s/%s.tflite\n", dir.c_str(), name);
            return 2;
        }
    }
    return 0;
}
