// TFLM compressed models: TFLM_DECODE with look-up tables, evaluated by the converter
// (op_decode.cpp). The decoder against values worked out here by hand and by the test's own
// encoder (decode_models.hpp); a DECODE model against the same model with plain constants; and
// each rule that makes the converter refuse a DECODE.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "convert_error.hpp"
#include "decode_models.hpp"
#include "expect_rejected.hpp"
#include "op_decode.hpp"
#include "run_converter.hpp"

using namespace test_tflite;
using decode_models::lut_tensor;
using test_run::convert;
using test_run::expect_rejected;

namespace {

std::vector<std::uint8_t> header(int bits, int stride) {
    std::vector<std::uint8_t> h(16, 0);
    h[1] = 1;
    h[4] = 1;
    h[5] = static_cast<std::uint8_t>(bits);
    h[6] = static_cast<std::uint8_t>(stride);
    return h;
}

std::vector<std::uint8_t> decode(const std::vector<std::uint8_t>& enc, const std::vector<std::uint8_t>& anc, std::size_t count,
                                 std::size_t channels = 1, bool last = false, std::size_t bytes = 1) {
    return ctnn_convert::decode_lut(enc, anc, count, channels, last, bytes);
}

int tensor_named(const model& m, const std::string& name) {
    for (std::size_t i = 0; i < m.tensors.size(); ++i)
        if (m.tensors[i].name == name) return static_cast<int>(i);
    FAIL("no tensor " << name);
    return -1;
}

std::vector<std::uint8_t>& buffer_of(model& m, const std::string& name) { return m.buffers[m.tensors[static_cast<std::size_t>(tensor_named(m, name))].buffer]; }

// The header's constant parameters (namespace w), without the comments that name operators by
// number (a DECODE model numbers them differently).
std::string weights_section(const std::string& hpp) {
    const auto begin = hpp.find("namespace w {"), end = hpp.find("}  // namespace w");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::string out, line;
    for (const char c : hpp.substr(begin, end - begin)) {
        if (c != '\n') {
            line += c;
            continue;
        }
        if (line.rfind("// operator #", 0) != 0) out += line + "\n";
        line.clear();
    }
    return out;
}

std::string converted(const model& m) {
    const auto r = convert(build(m));
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return r.out;
}

}  // namespace

TEST_CASE("decode: LUT indices are a big-endian bit stream, worked by hand") {
    // 3 bits: 000 001 010 011 100 101 110 111 -> 00000101 00111001 01110111.
    auto anc = header(3, 8);
    for (int v = 0; v < 8; ++v) anc.push_back(static_cast<std::uint8_t>(10 * (v + 1)));
    CHECK(decode({0x05, 0x39, 0x77}, anc, 8) == std::vector<std::uint8_t>{10, 20, 30, 40, 50, 60, 70, 80});
    // TFLM reads the width from the low 3 bits of byte 5 and skips the reserved bytes (checked on tflm_ref).
    anc[5] = 0xF3;
    anc[2] = anc[3] = anc[7] = anc[15] = 0x55;
    CHECK(decode({0x05, 0x39, 0x77}, anc, 8) == std::vector<std::uint8_t>{10, 20, 30, 40, 50, 60, 70, 80});
    // 4 bits: the high nibble first.
    auto anc4 = header(4, 16);
    for (int v = 0; v < 16; ++v) anc4.push_back(static_cast<std::uint8_t>(v * 3));
    CHECK(decode({0xA3, 0x5F}, anc4, 3) == std::vector<std::uint8_t>{30, 9, 15});
    // 1 bit: the most significant bit first.
    auto anc1 = header(1, 2);
    anc1.push_back(7);
    anc1.push_back(0xF9);  // -7
    CHECK(decode({0xB0}, anc1, 5) == std::vector<std::uint8_t>{0xF9, 7, 0xF9, 0xF9, 7});
    // 5 bits across bytes, 2 channels along the first axis, the stream not restarted per channel:
    // 00011 11110 | 00001 10000 -> 00011111 10000011 0000(pad).
    auto anc5 = header(5, 32);
    for (int c = 0; c < 2; ++c)
        for (int v = 0; v < 32; ++v) anc5.push_back(static_cast<std::uint8_t>(c * 100 + v));
    CHECK(decode({0x1F, 0x83, 0x00}, anc5, 4, 2) == std::vector<std::uint8_t>{3, 30, 101, 116});
    // The same stream, the 2 channels interleaved (last axis): elements 0, 2 use table 0.
    CHECK(decode({0x1F, 0x83, 0x00}, anc5, 4, 2, true) == std::vector<std::uint8_t>{3, 130, 1, 116});
    // int32 table entries, little-endian.
    auto anc32 = header(2, 4);
    for (const std::uint32_t v : {0x11223344u, 0xFFFFFFFEu, 5u, 6u})
        for (int b = 0; b < 4; ++b) anc32.push_back(static_cast<std::uint8_t>(v >> (8 * b)));
    CHECK(decode({0x40}, anc32, 2, 1, false, 4) == std::vector<std::uint8_t>{0xFE, 0xFF, 0xFF, 0xFF, 0x44, 0x33, 0x22, 0x11});
}

TEST_CASE("decode: every bit width 1..7, per tensor, per channel on either axis, 1 to 8-byte entries") {
    for (int bits = 1; bits <= 7; ++bits) {
        for (const std::size_t channels : {std::size_t{1}, std::size_t{3}}) {
            for (const bool last : {false, true}) {
                for (const std::size_t bytes : {std::size_t{1}, std::size_t{2}, std::size_t{4}, std::size_t{8}}) {
                    const std::size_t entries = std::size_t{1} << bits;
                    lut_tensor t = decode_models::random_weights(static_cast<std::uint32_t>(1000 + bits), bits, channels,
                                                                 std::min<std::size_t>(entries, 200), 3 * 37, last);
                    t.element_bytes = bytes;
                    for (auto& table : t.tables)
                        for (auto& v : table) v *= 1000003;  // use the wide entries' upper bytes
                    const auto got = decode(t.encoded(), t.ancillary(), t.indices.size(), channels, last, bytes);
                    std::vector<std::uint8_t> want;
                    for (std::size_t e = 0; e < t.indices.size(); ++e)
                        for (std::size_t b = 0; b < bytes; ++b) want.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(t.value(e)) >> (8 * b)));
                    INFO("bits " << bits << " channels " << channels << " last " << last << " bytes " << bytes);
                    CHECK(got == want);
                }
            }
        }
    }
}

TEST_CASE("decode: the decoder's own rules") {
    auto anc = header(3, 8);
    anc.resize(16 + 8, 1);
    CHECK_THROWS_WITH_AS(decode({0}, std::vector<std::uint8_t>(15, 0), 1), "ancillary data holds 15 bytes; the DECODE common metadata alone is 16",
                         ctnn_convert::convert_error);
    CHECK_THROWS_WITH_AS(decode({0, 0}, anc, 6), "encoded tensor holds 2 bytes; 6 indices of 3 bits need 3", ctnn_convert::convert_error);
    CHECK_THROWS_WITH_AS(decode({0, 0, 0}, anc, 6, 4), "6 elements do not split into 4 channels' value tables", ctnn_convert::convert_error);
    CHECK_THROWS_WITH_AS(decode({0, 0, 0}, anc, 6, 2),
                         "ancillary data holds 24 bytes; 2 value tables of 8 1-byte entries after the metadata need 32", ctnn_convert::convert_error);
    auto small = header(3, 5);  // stride 5 < 2^3: index 5 would read past the table
    small.resize(16 + 5, 1);
    CHECK_THROWS_WITH_AS(decode({0x14, 0x00}, small, 4), "index 5 of element 1 is outside its channel's value table of 5 entries",
                         ctnn_convert::convert_error);
}

TEST_CASE("decode: the DECODE model converts to exactly the weights of the plain model") {
    const std::string decoded = converted(decode_models::decode_lut_model(false));
    const std::string plain = converted(decode_models::decode_lut_model(true));
    CHECK(decoded.find("TFLM_DECODE") == std::string::npos);
    CHECK(weights_section(decoded) == weights_section(plain));
    // And the values themselves: the conv bias the DECODE's one-entry tables give.
    CHECK(weights_section(decoded).find("120, -340, 5000, -700,") != std::string::npos);
    // The same with one DECODE for both of the CONV_2D's constants (two outputs, four inputs).
    model m = decode_models::decode_lut_model(false);
    m.ops[0].inputs.insert(m.ops[0].inputs.end(), m.ops[1].inputs.begin(), m.ops[1].inputs.end());
    m.ops[0].outputs.push_back(m.ops[1].outputs[0]);
    m.ops.erase(m.ops.begin() + 1);
    CHECK(weights_section(converted(m)) == weights_section(plain));
    // TRANSPOSE_CONV's weights (input #1) and bias (input #3).
    CHECK(weights_section(converted(decode_models::decode_tconv_model(false))) == weights_section(converted(decode_models::decode_tconv_model(true))));
    CHECK(weights_section(converted(decode_models::decode_tconv_model(false))).find("900, -1500, 2500,") != std::string::npos);
}

TEST_CASE("decode: what the converter refuses") {
    using decode_models::decode_lut_model;
    const std::string folds = "; ctnn folds a DECODE only into the weights and biases of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV";
    SUBCASE("decode types other than LUT") {
        model m = decode_lut_model(false);
        buffer_of(m, "conv/w_ancillary")[0] = 2;
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded': decode type 2 (prune) is not supported; "
                           "ctnn decodes look-up tables (type 0) only");
        buffer_of(m, "conv/w_ancillary")[0] = 1;
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded': decode type 1 (Huffman) is not supported; "
                           "ctnn decodes look-up tables (type 0) only");
        buffer_of(m, "conv/w_ancillary")[0] = 200;
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded': decode type 200 (custom) is not supported; "
                           "ctnn decodes look-up tables (type 0) only");
    }
    SUBCASE("unknown versions, bit width 0") {
        model m = decode_lut_model(false);
        buffer_of(m, "fc/w_ancillary")[1] = 2;
        expect_rejected(m, "operator #6 TFLM_DECODE: output tensor 'fc/w_decoded': DECODE common metadata version 2 is not supported; TFLM reads version 1");
        m = decode_lut_model(false);
        buffer_of(m, "fc/w_ancillary")[4] = 0;
        expect_rejected(m, "operator #6 TFLM_DECODE: output tensor 'fc/w_decoded': LUT version 0 is not supported; TFLM reads version 1");
        m = decode_lut_model(false);
        buffer_of(m, "fc/w_ancillary")[5] = 0x08;  // TFLM reads the low 3 bits only
        expect_rejected(m, "operator #6 TFLM_DECODE: output tensor 'fc/w_decoded': LUT index bit width is 0; TFLM decodes 1 to 7 bits");
    }
    SUBCASE("mismatched sizes") {
        model m = decode_lut_model(false);
        buffer_of(m, "conv/w_encoded").pop_back();
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded': encoded tensor holds 53 bytes; 108 indices of 4 bits need 54");
        m = decode_lut_model(false);
        buffer_of(m, "conv/w_ancillary").pop_back();
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded': ancillary data holds 79 bytes; 4 value tables of 16 "
                           "1-byte entries after the metadata need 80");
        m = decode_lut_model(false);
        auto& fc = m.tensors[static_cast<std::size_t>(tensor_named(m, "fc/w_decoded"))];
        fc.scale.assign(7, 0.007f);
        fc.zero_point.assign(7, 0);
        expect_rejected(m, "operator #6 TFLM_DECODE: output tensor 'fc/w_decoded': 1440 elements do not split into 7 channels' value tables");
    }
    SUBCASE("an index outside its channel's table") {
        model m = decode_lut_model(false);
        buffer_of(m, "conv/w_ancillary")[6] = 4;  // stride 4: the tables overlap, indices up to 15
        const auto lut = decode_models::decode_lut_weights().conv_w;
        std::size_t e = 0;
        while (lut.indices[e] < 4) ++e;
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded': index " + std::to_string(lut.indices[e]) + " of element " +
                               std::to_string(e) + " is outside its channel's value table of 4 entries");
    }
    SUBCASE("per-channel tables on a middle axis") {
        model m = decode_lut_model(false);
        m.tensors[static_cast<std::size_t>(tensor_named(m, "conv/w_decoded"))].quantized_dimension = 1;
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded' is quantized along axis 1; TFLM's LUT decoder keeps "
                           "per-channel tables along the first or the last axis only");
    }
    SUBCASE("inputs that are not constants") {
        model m = decode_lut_model(false);
        m.tensors[static_cast<std::size_t>(tensor_named(m, "conv/w_encoded"))].buffer = 0;
        expect_rejected(m, "operator #0 TFLM_DECODE: encoded tensor 'conv/w_encoded' is not a constant; ctnn decodes constant tensors only, at conversion time");
        m = decode_lut_model(false);
        m.tensors[static_cast<std::size_t>(tensor_named(m, "dw/w_ancillary"))].buffer = 0;
        expect_rejected(m, "operator #3 TFLM_DECODE: ancillary data tensor 'dw/w_ancillary' is not a constant; ctnn decodes constant tensors only, "
                           "at conversion time");
    }
    SUBCASE("outputs that go anywhere but weights and biases") {
        model m = decode_lut_model(false);
        m.ops[5].inputs[1] = tensor_named(m, "dw/w_decoded");  // RESHAPE's shape
        expect_rejected(m, "operator #3 TFLM_DECODE: output tensor 'dw/w_decoded' feeds input #1 of operator #5 RESHAPE" + folds);
        m = decode_lut_model(false);
        m.outputs.push_back(tensor_named(m, "conv/b_decoded"));
        expect_rejected(m, "operator #1 TFLM_DECODE: output tensor 'conv/b_decoded' is a model input or output" + folds);
        m = decode_lut_model(false);
        m.ops[2].inputs[0] = tensor_named(m, "conv/w_decoded");  // CONV_2D's activation input
        expect_rejected(m, "operator #0 TFLM_DECODE: output tensor 'conv/w_decoded' feeds input #0 of operator #2 CONV_2D" + folds);
    }
    SUBCASE("a DECODE after the operator that reads it") {
        model m = decode_lut_model(false);
        std::swap(m.ops[0], m.ops[2]);  // CONV_2D, DECODE (bias), DECODE (weights)
        std::swap(m.ops[0], m.ops[1]);  // DECODE (bias), CONV_2D, DECODE (weights)
        expect_rejected(m, "operator #2 TFLM_DECODE: output tensor 'conv/w_decoded' is read by operator #1, which runs before the DECODE");
    }
    SUBCASE("one output written twice") {
        model m = decode_lut_model(false);
        m.ops[0].inputs.insert(m.ops[0].inputs.end(), m.ops[1].inputs.begin(), m.ops[1].inputs.end());
        m.ops[0].outputs.push_back(m.ops[0].outputs[0]);
        expect_rejected(m, "operator #0 TFLM_DECODE: writes tensor 'conv/w_decoded' more than once");
    }
    SUBCASE("inputs not in (encoded, ancillary) pairs") {
        model m = decode_lut_model(false);
        m.ops[0].inputs.push_back(m.ops[0].inputs[0]);
        expect_rejected(m, "operator #0 TFLM_DECODE: has 3 inputs and 1 outputs; DECODE takes an (encoded, ancillary data) pair per output");
    }
}
