// Writes the example's model: input int8 [1, 8] -> CUSTOM "ADD_OFFSET" (option byte: +5) ->
// RESHAPE [2, 4]. Built by the project's own .tflite builder (tests/converter/tflite_builder.hpp).
#include <cstdio>
#include <fstream>

#include "../../tests/converter/tflite_builder.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_model OUT.tflite\n");
        return 2;
    }
    using namespace test_tflite;
    model m;
    m.add_tensor({"x", {1, 8}, INT8, 0, {0.5f}, {-3}, 0, {}});
    m.add_tensor({"shifted", {1, 8}, INT8, 0, {0.5f}, {-3}, 0, {}});
    m.add_tensor({"y", {2, 4}, INT8, 0, {0.5f}, {-3}, 0, {}});
    m.add_tensor({"shape", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{2, 4}), {}, {}, 0, {}});
    m.opcodes.push_back({CUSTOM, -1, "ADD_OFFSET"});
    op custom{0, {0}, {1}, 0, false, {}};
    custom.custom_options = {5};
    m.ops.push_back(custom);
    m.ops.push_back(op{m.code(RESHAPE), {1, 3}, {2}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {2};
    const auto bytes = build(m);
    std::ofstream out(argv[1], std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return out ? 0 : 2;
}
