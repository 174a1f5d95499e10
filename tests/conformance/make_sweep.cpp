// Writes the conformance sweep's models and inputs (tests/data/conformance/README.md):
//
//   make_sweep OUTDIR [--per-op N] [--seed S]
//
// For every operator in sweep::generators, N models OUTDIR/<op>/<NN>.tflite, each with
// OUTDIR/<op>/<NN>.in.bin (4 input records: int8 (uint8, int16) uniform, mostly at the extremes, two
// more uniform; for float32 inputs, values on and between the quantization grid, ties and
// out-of-range values included), and OUTDIR/<op>/cases.txt (one line per model: seed and what
// was drawn). Model NN of operator op comes from seed S + 1000 * (op's slot in sweep::generators) + NN, so a model
// can be regenerated alone. sweep::regressions adds fixed models (<op>/r_<name>.tflite). The
// reference outputs (<NN>.out.bin) are TFLM's: regenerate.sh.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "sweep_models.hpp"

namespace {


bool write_file(const std::filesystem::path& path, const void* data, std::size_t n) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
    return static_cast<bool>(out);
}

std::size_t elements(const test_tflite::tensor& t) {
    std::size_t n = 1;
    for (const auto d : t.shape) n *= static_cast<std::size_t>(d);
    return n;
}

// One input tensor's n values of record `record`, appended to `bytes`; int16 tensors take
// little-endian int16 values (uniform, mostly at the extremes in record 1).
void append_values(sweep::rng& r, const sweep::drawn_model& d, std::size_t n, int record, std::vector<std::uint8_t>& bytes,
                   bool int16 = false) {
    for (std::size_t i = 0; i < n; ++i) {
        if (int16) {
            int v = r.uniform(-32768, 32767);
            if (record == 1 && r.chance(0.8)) v = r.chance(0.5) ? -32768 : 32767;
            const auto u = static_cast<std::uint16_t>(static_cast<std::int16_t>(v));
            bytes.push_back(static_cast<std::uint8_t>(u & 0xff));
            bytes.push_back(static_cast<std::uint8_t>(u >> 8));
        } else if (d.float_input) {
            // k * scale/2 around the zero point: exact ties, grid points, saturation.
            const int half_steps = r.uniform(-600, 600);
            float v = static_cast<float>((half_steps / 2.0 - d.input_zero_point) * d.input_scale);
            if (record >= 2) v = static_cast<float>((r.unit() * 400.0 - 200.0 - d.input_zero_point) * d.input_scale);
            std::uint8_t raw[4];
            std::memcpy(raw, &v, 4);
            bytes.insert(bytes.end(), raw, raw + 4);
        } else if (d.uint8_input) {
            int v = r.uniform(0, 255);
            if (record == 1 && r.chance(0.8)) v = r.chance(0.5) ? 0 : 255;
            bytes.push_back(static_cast<std::uint8_t>(v));
        } else {
            int v = r.uniform(-128, 127);
            if (record == 1 && r.chance(0.8)) v = r.chance(0.5) ? -128 : 127;
            bytes.push_back(static_cast<std::uint8_t>(static_cast<std::int8_t>(v)));
        }
    }
}

// A record: every model input's bytes, concatenated in input order (the runner's format).
std::vector<std::uint8_t> input_records(sweep::rng& r, const sweep::drawn_model& d, int records = 4) {
    std::vector<std::uint8_t> bytes;
    for (int record = 0; record < records; ++record)
        for (const int input : d.m.inputs) {
            const test_tflite::tensor& t = d.m.tensors[static_cast<std::size_t>(input)];
            append_values(r, d, elements(t), record, bytes, t.type == test_tflite::INT16);
        }
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_sweep OUTDIR [--per-op N] [--seed S]\n");
        return 2;
    }
    const std::filesystem::path root = argv[1];
    int per_op = 32;
    std::uint64_t seed = 20261202;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--per-op") == 0) per_op = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--seed") == 0) seed = std::strtoull(argv[i + 1], nullptr, 10);
        else {
            std::fprintf(stderr, "make_sweep: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    for (const auto& g : sweep::generators) {
        const std::filesystem::path dir = root / g.name;
        std::filesystem::create_directories(dir);
        std::ofstream cases(dir / "cases.txt", std::ios::trunc);
        for (int k = 0; k < per_op; ++k) {
            const std::uint64_t s = seed + 1000 * static_cast<std::uint64_t>(g.slot) + static_cast<std::uint64_t>(k);
            sweep::rng r(s);
            const sweep::drawn_model d = g.draw(r);
            char stem[16];
            std::snprintf(stem, sizeof stem, "%02d", k);
            const auto model = test_tflite::build(d.m);
            const auto inputs = input_records(r, d);
            if (!write_file(dir / (std::string(stem) + ".tflite"), model.data(), model.size()) ||
                !write_file(dir / (std::string(stem) + ".in.bin"), inputs.data(), inputs.size())) {
                std::fprintf(stderr, "make_sweep: cannot write %s/%s\n", dir.c_str(), stem);
                return 2;
            }
            cases << stem << " seed " << s << ": " << d.text << "\n";
        }
        for (const auto& fixed : sweep::regressions) {
            if (std::string(fixed.op) != g.name) continue;
            sweep::rng r(seed);
            const sweep::drawn_model d = fixed.draw(r);
            const auto model = test_tflite::build(d.m);
            const auto inputs = input_records(r, d, fixed.records);
            if (!write_file(dir / (std::string(fixed.stem) + ".tflite"), model.data(), model.size()) ||
                !write_file(dir / (std::string(fixed.stem) + ".in.bin"), inputs.data(), inputs.size())) {
                std::fprintf(stderr, "make_sweep: cannot write %s/%s\n", dir.c_str(), fixed.stem);
                return 2;
            }
            cases << fixed.stem << " seed " << seed << ": " << d.text << "\n";
        }
    }
    return 0;
}
