// Structurally valid models with wrong content, for the accept-implies-compiles campaign
// (tests/mutants/run_mutants.sh, `scripts/test.sh --full`):
//
//   make_mutants OUTDIR COUNT [FIRST_SEED]
//
// Each mutant is a random conformance-sweep model (tests/conformance/sweep_models.hpp) with one
// to three edits of the kind a broken exporter or a hand-edited file makes: a dimension, a
// scale, a zero point, a tensor type, an option value, an operand index, a bias value or a
// weight buffer set to something odd or extreme. OUTDIR/<seed>.tflite, and OUTDIR/<seed>.txt
// says what was edited.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "../conformance/sweep_models.hpp"

namespace {

using sweep::rng;
using namespace test_tflite;

std::int32_t odd_int(rng& r) {
    return r.pick<std::int32_t>({0, -1, 1, 2, 3, 7, 255, 256, 65535, 1 << 16, 1 << 20, 1 << 30, std::numeric_limits<std::int32_t>::max(),
                                 std::numeric_limits<std::int32_t>::min(), -2, -1000});
}
float odd_float(rng& r) {
    return r.pick<float>({0.0f, -1.0f, 1e-30f, 1e30f, 1e-42f /* denormal */, FLT_MAX, FLT_MIN, std::numeric_limits<float>::quiet_NaN(),
                          std::numeric_limits<float>::infinity(), 1e-12f, 1e12f, 1e-9f, 0.5f, 1.0f, 65536.0f});
}

// One edit; returns what it did.
std::string mutate(rng& r, model& m) {
    const int kind = r.uniform(0, 9);
    tensor& t = m.tensors[static_cast<std::size_t>(r.uniform(0, static_cast<int>(m.tensors.size()) - 1))];
    op& o = m.ops[static_cast<std::size_t>(r.uniform(0, static_cast<int>(m.ops.size()) - 1))];
    switch (kind) {
        case 0: {  // a dimension
            if (t.shape.empty()) return "none";
            const auto d = static_cast<std::size_t>(r.uniform(0, static_cast<int>(t.shape.size()) - 1));
            t.shape[d] = r.chance(0.5) ? odd_int(r) : t.shape[d] + r.uniform(-2, 2);
            return "tensor '" + t.name + "' dim " + std::to_string(d) + " = " + std::to_string(t.shape[d]);
        }
        case 1: {  // the rank
            if (r.chance(0.5) && !t.shape.empty()) t.shape.pop_back();
            else t.shape.insert(t.shape.begin(), r.pick<std::int32_t>({1, 2}));
            return "tensor '" + t.name + "' rank " + std::to_string(t.shape.size());
        }
        case 2: {  // a scale
            if (t.scale.empty()) return "none";
            const auto i = static_cast<std::size_t>(r.uniform(0, static_cast<int>(t.scale.size()) - 1));
            t.scale[i] = odd_float(r);
            return "tensor '" + t.name + "' scale[" + std::to_string(i) + "] = " + std::to_string(t.scale[i]);
        }
        case 3: {  // a zero point, or the quantization's length
            if (t.zero_point.empty()) return "none";
            if (r.chance(0.3)) {
                t.scale.push_back(0.5f);
                t.zero_point.push_back(0);
                return "tensor '" + t.name + "' one more scale and zero point";
            }
            t.zero_point[0] = r.pick<std::int64_t>({-129, 128, 255, -1000, 1LL << 40, 127, -128});
            return "tensor '" + t.name + "' zero point " + std::to_string(t.zero_point[0]);
        }
        case 4: {  // the type
            t.type = r.pick<std::int8_t>({FLOAT32, INT32, INT16, INT8, 3 /* UINT8 */, 4 /* INT64 */, 17 /* INT4 */});
            return "tensor '" + t.name + "' type " + std::to_string(t.type);
        }
        case 5: {  // an option value
            if (!o.has_options || o.options.fields.empty()) return "none";
            auto& f = o.options.fields[static_cast<std::size_t>(r.uniform(0, static_cast<int>(o.options.fields.size()) - 1))];
            if (f.k != test_fb::field::kind::scalar) return "none";
            if (f.bytes.size() == 4 && r.chance(0.3)) {  // a float option (beta) or an int one
                const float v = odd_float(r);
                std::memcpy(f.bytes.data(), &v, 4);
                return "option field " + std::to_string(f.id) + " = " + std::to_string(v) + "f";
            }
            const std::int32_t v = odd_int(r);
            std::memcpy(f.bytes.data(), &v, f.bytes.size() < 4 ? f.bytes.size() : 4);
            return "option field " + std::to_string(f.id) + " = " + std::to_string(v) + " (" + std::to_string(f.bytes.size()) + " bytes)";
        }
        case 6: {  // an operand index
            if (r.chance(0.2)) {
                o.inputs.push_back(0);
                return "one more input";
            }
            if (o.inputs.empty()) return "none";
            const auto i = static_cast<std::size_t>(r.uniform(0, static_cast<int>(o.inputs.size()) - 1));
            o.inputs[i] = r.pick<std::int32_t>({-1, -2, static_cast<std::int32_t>(m.tensors.size()), 1000, 0, o.outputs.empty() ? 0 : o.outputs[0]});
            return "input " + std::to_string(i) + " = tensor " + std::to_string(o.inputs[i]);
        }
        case 7: {  // a constant's values: bias extremes, weights truncated or extended
            if (t.buffer == 0 || t.buffer >= m.buffers.size()) return "none";
            auto& b = m.buffers[t.buffer];
            if (b.empty()) return "none";
            if (r.chance(0.4)) {
                b.resize(r.chance(0.5) ? b.size() / 2 : b.size() + 4);
                return "buffer of '" + t.name + "' resized to " + std::to_string(b.size());
            }
            const std::int32_t v = r.pick<std::int32_t>({std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::int32_t>::min(), -128, 127});
            if (b.size() >= 4) std::memcpy(b.data(), &v, 4);
            return "first word of '" + t.name + "' = " + std::to_string(v);
        }
        case 8: {  // the model's outputs
            m.outputs = {r.pick<std::int32_t>({0, -1, static_cast<std::int32_t>(m.tensors.size()), 1})};
            return "model output tensor " + std::to_string(m.outputs[0]);
        }
        default: {  // a dynamic shape
            t.shape_signature = t.shape;
            if (!t.shape_signature.empty()) t.shape_signature[static_cast<std::size_t>(r.uniform(0, static_cast<int>(t.shape.size()) - 1))] = -1;
            return "tensor '" + t.name + "' shape_signature with -1";
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_mutants OUTDIR COUNT [FIRST_SEED]\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const long count = std::atol(argv[2]);
    const std::uint64_t first = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
    std::filesystem::create_directories(dir);
    constexpr auto generators = std::size(sweep::generators);
    for (long k = 0; k < count; ++k) {
        const std::uint64_t seed = first + static_cast<std::uint64_t>(k);
        rng r(seed * 0x2545f4914f6cdd1dull);
        const auto& g = sweep::generators[r.next() % generators];
        sweep::drawn_model d = g.draw(r);
        std::string what = std::string(g.name) + ": " + d.text;
        const int edits = r.uniform(1, 3);
        for (int e = 0; e < edits; ++e) what += "\n  edit: " + mutate(r, d.m);
        const auto bytes = test_tflite::build(d.m);
        const std::string stem = (dir / std::to_string(seed)).string();
        std::ofstream(stem + ".tflite", std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        std::ofstream(stem + ".txt") << what << "\n";
    }
    return 0;
}
