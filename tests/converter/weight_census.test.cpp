// The summary's weights section: per weighted layer its zeros, distinct values, whether 4-bit
// codes hold it and the bytes of each storage (include/ctnn/kernels/weight_forms/), and what
// `force` takes. The expected figures are worked out here from the layouts the kernel side
// documents, by hand or from the models' weight values, not taken from the converter's output.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_converter.hpp"
#include "shrink_models.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;

namespace {

using tokens = std::vector<std::string>;

// The words of the weights section's row of operator #op.
tokens weights_row(const std::string& summary, int op) {
    const auto section = summary.find("\nweights: ");
    REQUIRE(section != std::string::npos);
    std::istringstream lines(summary.substr(section + 1));
    std::string line;
    std::getline(lines, line);  // the explanation
    std::getline(lines, line);  // the column names
    CHECK(line == "  #  operator            channels    taps  zero %   distinct  4-bit         dense B  sparse B   4-bit B  bitmap B  force");
    while (std::getline(lines, line) && !line.empty()) {
        std::istringstream words(line);
        tokens t;
        for (std::string w; words >> w;) t.push_back(w);
        if (!t.empty() && t[0] == std::to_string(op)) return t;
    }
    FAIL("no weights row for operator #" << op);
    return {};
}

std::string percent(std::size_t part, std::size_t whole) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return text;
}

// The sparse form's bytes, from the kernel side's definition (sparse_weights.hpp): per channel
// its non-zeros in tap order, each an entry (weight, step) whose step counts the taps since the
// previous one (the first: since tap 0); a step over 255 takes filler entries of 255 first;
// entries pair into 4-byte words, an odd count padded; and 2 bytes a channel.
std::size_t sparse_bytes(const std::vector<int>& w, int channels, int taps, int channel_stride, int tap_stride) {
    std::size_t words = 0;
    for (int c = 0; c < channels; ++c) {
        int entries = 0, last = 0;
        for (int k = 0; k < taps; ++k) {
            if (w[static_cast<std::size_t>(c * channel_stride + k * tap_stride)] == 0) continue;
            for (int step = k - last; step > 255; step -= 255) ++entries;
            ++entries;
            last = k;
        }
        words += static_cast<std::size_t>((entries + 1) / 2);
    }
    return words * 4 + static_cast<std::size_t>(channels) * 2;
}

// The bitmap form's bytes (bitmap_weights.hpp): a mask bit a tap, each channel's mask rounded up
// to whole bytes, then a byte a non-zero weight (at least one).
std::size_t bitmap_bytes(const std::vector<int>& w, int channels, int taps) {
    std::size_t nonzero = 0;
    for (const int v : w) nonzero += v != 0;
    return static_cast<std::size_t>(channels) * static_cast<std::size_t>((taps + 7) / 8) + std::max<std::size_t>(nonzero, 1);
}

// "most in a channel/in the tensor" distinct values.
std::string distinct(const std::vector<int>& v, int channels, int taps, int channel_stride, int tap_stride) {
    std::set<int> all;
    std::size_t most = 0;
    for (int c = 0; c < channels; ++c) {
        std::set<int> one;
        for (int k = 0; k < taps; ++k) one.insert(v[static_cast<std::size_t>(c * channel_stride + k * tap_stride)]);
        most = std::max(most, one.size());
        all.insert(one.begin(), one.end());
    }
    return std::to_string(most) + "/" + std::to_string(all.size());
}

}  // namespace

TEST_CASE("weights summary: clustered weights in 4-bit codes with per-channel and per-tensor tables") {
    const auto r = convert(build(clustered_model()), {"--summary"});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    // CONV_2D 8 channels of 3x3x4 = 36 taps, 16 values each (its own 16: 128 in the tensor), no 0:
    // dense 288; sparse 8 x 18 words x 4 + 8 x 2 = 592; 4-bit 8 x 18 code bytes + 8 x 16 tables = 272;
    // bitmap 8 x 5 mask bytes + 288 = 328.
    CHECK(weights_row(r.out, 0) == tokens{"0", "CONV_2D", "8", "36", "0.0", "16/128", "per-channel", "288", "592", "272", "328", "nibbles"});
    // FULLY_CONNECTED 10 x 72 from one table of 12 values, no 0: dense 720; sparse 10 x 36 x 4 + 20
    // = 1460; 4-bit 10 x 36 + one 16-byte table = 376; bitmap 10 x 9 + 720 = 810.
    CHECK(weights_row(r.out, 1) == tokens{"1", "FULLY_CONNECTED", "10", "72", "0.0", "12/12", "per-tensor", "720", "1460", "376", "810", "nibbles"});
    // The lines the other tests and summary_agrees compare stay where they were: last.
    CHECK(r.out.find("\nweights: ") < r.out.find("\ntotal: "));
}

TEST_CASE("weights summary: int4 weights are their own codes (no table)") {
    const auto r = convert(build(int4_model()), {"--summary"});
    REQUIRE(r.status == 0);
    const int4_weights w = int4_values();
    auto zeros = [](const std::vector<int>& v) { return static_cast<std::size_t>(std::count(v.begin(), v.end(), 0)); };
    // CONV_2D 5 x 27 (odd): 14 code bytes a channel, 70; DEPTHWISE 10 x 9: 5 a channel, 50; FC 5 x 160: 400.
    const tokens conv = weights_row(r.out, 0), dw = weights_row(r.out, 1), fc = weights_row(r.out, 2);
    CHECK(tokens(conv.begin() + 2, conv.end()) == tokens{"5", "27", percent(zeros(w.conv), 135), distinct(w.conv, 5, 27, 27, 1), "int4", "135", std::to_string(sparse_bytes(w.conv, 5, 27, 27, 1)), "70", std::to_string(bitmap_bytes(w.conv, 5, 27)), "nibbles"});
    CHECK(tokens(dw.begin() + 2, dw.end()) == tokens{"10", "9", percent(zeros(w.dw), 90), distinct(w.dw, 10, 9, 1, 10), "int4", "90", std::to_string(sparse_bytes(w.dw, 10, 9, 1, 10)), "50", std::to_string(bitmap_bytes(w.dw, 10, 9)), "nibbles"});
    CHECK(tokens(fc.begin() + 2, fc.end()) == tokens{"5", "160", percent(zeros(w.fc), 800), distinct(w.fc, 5, 160, 160, 1), "int4", "800", std::to_string(sparse_bytes(w.fc, 5, 160, 160, 1)), "400", std::to_string(bitmap_bytes(w.fc, 5, 160)), "nibbles"});
}

TEST_CASE("weights summary: pruned weights, sparse and as a bitmap of the non-zeros") {
    const auto r = convert(build(structured_model()), {"--summary"});
    REQUIRE(r.status == 0);
    const structured_weights w = structured_values();
    // CONV_2D 8 x 72: 6 live channels of 7 taps x 4 non-zeros = 28 entries, 14 words each:
    // 6 x 14 x 4 + 8 x 2 = 352 bytes; 576 - 168 zeros; the bitmap 8 x 9 mask bytes + 168 = 240: smallest.
    CHECK(sparse_bytes(w.conv, 8, 72, 72, 1) == 352);
    CHECK(bitmap_bytes(w.conv, 8, 72) == 240);
    CHECK(weights_row(r.out, 0) == tokens{"0", "CONV_2D", "8", "72", percent(408, 576), distinct(w.conv, 8, 72, 72, 1), "no", "576", "352", "-", "240", "bitmap"});
    // DEPTHWISE 8 x 9 ([tap][channel]): 7 live channels of 7 non-zero taps, 4 words each: 7 x 16 + 16
    // = 128 > 72 dense; at most 8 values a channel (7 and 0), over 16 in the tensor: 8 x 5 code
    // bytes + 8 x 16 tables = 168 > 72; the bitmap 8 x 2 mask bytes + 49 = 65 < 72: the bitmap.
    CHECK(weights_row(r.out, 1) == tokens{"1", "DEPTHWISE_CONV_2D", "8", "9", percent(72 - 49, 72), distinct(w.dw, 8, 9, 1, 8), "per-channel", "72", "128", "168", "65", "bitmap"});
    // FULLY_CONNECTED 16 x 512, about 80 % zero: channel 9 empty, channel 12's one weight at 400
    // takes a filler (255) and itself: one word.
    std::size_t fc_zeros = 0;
    for (const int v : w.fc) fc_zeros += v == 0;
    const std::size_t fc_sparse = sparse_bytes(w.fc, 16, 512, 512, 1);
    CHECK(sparse_bytes(std::vector<int>(w.fc.begin() + 12 * 512, w.fc.begin() + 13 * 512), 1, 512, 512, 1) == 4 + 2);
    // The bitmap: 16 x 64 mask bytes and a byte a non-zero, less than the sparse form's two.
    const std::size_t fc_bitmap = bitmap_bytes(w.fc, 16, 512);
    CHECK(fc_bitmap == 16 * 64 + (8192 - fc_zeros));
    CHECK(fc_bitmap < fc_sparse);
    CHECK(weights_row(r.out, 2) == tokens{"2", "FULLY_CONNECTED", "16", "512", percent(fc_zeros, 8192), distinct(w.fc, 16, 512, 512, 1), "no", "8192", std::to_string(fc_sparse), "-", std::to_string(fc_bitmap), "bitmap"});
}

TEST_CASE("weights summary: BATCH_MATMUL's constant rhs (zeros are its zero point; no weight forms)") {
    constexpr int BATCH_MATMUL = 126;
    constexpr std::uint8_t BatchMatMulOptions = 101;
    model m;
    m.add_tensor({"x", {2, 3, 4}, INT8, 0, {0.05f}, {-3}, 0, {}});
    std::vector<std::int8_t> rhs;
    for (int i = 0; i < 20; ++i) rhs.push_back(static_cast<std::int8_t>(i % 2 ? 4 : -7));
    m.add_tensor({"r", {4, 5}, INT8, m.add_buffer(rhs), {0.02f}, {4}, 0, {}});
    m.add_tensor({"y", {2, 3, 5}, INT8, 0, {0.1f}, {5}, 0, {}});
    op o{m.code(BATCH_MATMUL), {0, 1}, {2}, BatchMatMulOptions, true, {}};
    o.options.scalar<bool>(0, false).scalar<bool>(1, false);
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = {2};
    const auto r = convert(build(m), {"--summary"});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    // 5 output columns of 4 rows (element k * 5 + n): each column 2 values at the zero point 4 and
    // 2 at -7, 1 word: 5 x 4 + 5 x 2 = 30; -7 - 4 is outside [-8, 7]: a 16-value table, 5 x 2 + 16 = 26;
    // the bitmap 5 x 1 mask bytes + 10 = 15.
    CHECK(weights_row(r.out, 0) == tokens{"0", "BATCH_MATMUL", "5", "4", "50.0", "2/2", "per-tensor", "20", "30", "26", "15", "-"});
}
