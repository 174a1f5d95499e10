// The .tflite reader on structurally broken files: every case exits with status 2 and a
// message that says what is wrong and where, never a crash (these also run under ASan+UBSan).
#include <doctest/doctest.h>

#include <cstring>

#include "run_converter.hpp"
#include "test_models.hpp"

using namespace test_tflite;
using test_run::convert;

namespace {

void expect_error(const test_run::result& r, const std::string& needle) {
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    INFO("stderr: " << r.err);
    CHECK(r.err.find("ctnn-convert: error: ") == 0);
    CHECK(r.err.find(needle) != std::string::npos);
}

void put32(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint32_t v) { std::memcpy(bytes.data() + at, &v, 4); }

}  // namespace

TEST_CASE("reader: the tiny test model converts") {
    const auto r = convert(build(tiny_model()));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

TEST_CASE("reader: a file that is not a flatbuffer") {
    const std::string text = "hello, this is not a model at all";
    expect_error(convert(std::vector<std::uint8_t>(text.begin(), text.end())), "not a TensorFlow Lite model: file identifier is 'o, t', expected 'TFL3'");
    expect_error(convert({}), "not a flatbuffer: file is 0 bytes");
    expect_error(convert({1, 2, 3}), "too short");
}

TEST_CASE("reader: wrong file identifier") {
    expect_error(convert(build(tiny_model(), "TFL2")), "file identifier is 'TFL2', expected 'TFL3'");
}

TEST_CASE("reader: unsupported schema version") {
    auto m = tiny_model();
    m.version = 2;
    expect_error(convert(build(m)), "unsupported schema version 2");
}

TEST_CASE("reader: every truncation of a valid file is an error naming an offset") {
    const auto bytes = build(tiny_model());
    for (std::size_t size = 0; size < bytes.size(); size += (size < 64 ? 1 : 13)) {
        const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size));
        const auto r = convert(cut);
        CAPTURE(size);
        CHECK(r.status == 2);
        CHECK(r.err.find("ctnn-convert: error: ") == 0);
    }
    const std::vector<std::uint8_t> half(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() / 2));
    expect_error(convert(half), "out of range (file is " + std::to_string(half.size()) + " bytes)");
}

TEST_CASE("reader: root offset out of range") {
    auto bytes = build(tiny_model());
    put32(bytes, 0, 123456);
    expect_error(convert(bytes), "offset 123456 out of range (file is " + std::to_string(bytes.size()) + " bytes) reading model");
}

TEST_CASE("reader: a tensor offset out of range names the tensor") {
    auto bytes = build(tiny_model());
    // Find tensor #3's table through the real structure, then break the offset that points to it:
    // root -> subgraphs[0] -> tensors vector. Walk it with the same arithmetic a reader uses.
    const auto u32 = [&](std::size_t at) { std::uint32_t v; std::memcpy(&v, bytes.data() + at, 4); return v; };
    const auto u16 = [&](std::size_t at) { std::uint16_t v; std::memcpy(&v, bytes.data() + at, 2); return v; };
    const auto field = [&](std::size_t table, int id) {
        std::int32_t back; std::memcpy(&back, bytes.data() + table, 4);
        const std::size_t vt = table - static_cast<std::size_t>(back);
        return table + u16(vt + 4 + 2 * static_cast<std::size_t>(id));
    };
    const std::size_t root = u32(0);
    const std::size_t subgraphs_field = field(root, 2);
    const std::size_t subgraphs = subgraphs_field + u32(subgraphs_field);
    const std::size_t sg = subgraphs + 4 + u32(subgraphs + 4);
    const std::size_t tensors_field = field(sg, 0);
    const std::size_t tensors = tensors_field + u32(tensors_field);
    put32(bytes, tensors + 4 + 3 * 4, 0x7fff0000u);
    const std::size_t bad = tensors + 4 + 3 * 4 + 0x7fff0000u;
    expect_error(convert(bytes), "offset " + std::to_string(bad) + " out of range (file is " + std::to_string(bytes.size()) + " bytes) reading tensor #3");
}

TEST_CASE("reader: several subgraphs") {
    auto m = tiny_model();
    m.extra_subgraphs = 1;
    expect_error(convert(build(m)), "model has 2 subgraphs; only 1 is supported");
}

TEST_CASE("reader: operator code index out of range") {
    auto m = tiny_model();
    m.ops[2].opcode_index = 42;
    expect_error(convert(build(m)), "operator #2: uses operator code #42");
}

TEST_CASE("reader: tensor index out of range") {
    auto m = tiny_model();
    m.ops[1].inputs[0] = 99;
    expect_error(convert(build(m)), "operator #1 DEPTHWISE_CONV_2D: refers to tensor #99");
}

TEST_CASE("reader: buffer index out of range") {
    auto m = tiny_model();
    m.tensors[tiny::fc_w].buffer = 77;
    expect_error(convert(build(m)), "tensor #11 'fc/w' refers to buffer #77");
}

TEST_CASE("reader: builtin code is the larger of the two opcode fields") {
    // New files store large codes in builtin_code with the byte field at the placeholder (127).
    auto m = tiny_model();
    m.opcodes[m.ops[6].opcode_index] = {CUMSUM, 127, ""};
    expect_error(convert(build(m)), "operator #6 CUMSUM: unsupported operator");
    // Old files have only the byte field: builtin_code reads as 0 (ADD) and must lose to it.
    auto old = tiny_model();
    constexpr int LSH_PROJECTION = 15;  // a builtin below 127 that ctnn does not run
    old.opcodes[old.ops[6].opcode_index] = {0, LSH_PROJECTION, ""};
    expect_error(convert(build(old)), "operator #6 LSH_PROJECTION: unsupported operator");
}

TEST_CASE("reader: random corruption never crashes") {
    const auto clean = build(tiny_model());
    std::uint32_t x = 12345;
    const auto next = [&] { x ^= x << 13; x ^= x >> 17; x ^= x << 5; return x; };
    int errors = 0;
    for (int trial = 0; trial < 400; ++trial) {
        auto bytes = clean;
        for (int flips = 1 + static_cast<int>(next() % 4); flips > 0; --flips) bytes[next() % bytes.size()] = static_cast<std::uint8_t>(next());
        const auto r = convert(bytes);
        CHECK((r.status == 0 || r.status == 2));
        if (r.status == 2) {
            ++errors;
            CHECK(r.err.find("ctnn-convert: error: ") == 0);
        }
    }
    CHECK(errors > 0);
}
