// The bundled MLPerf Tiny models: each converts, output is deterministic, and the summary's
// totals agree with the models' published parameter and MAC counts (models/README.md).
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "run_converter.hpp"

namespace {

struct bundled {
    const char* file;
    const char* params;  // "total: N layers, P parameters"
    const char* macs;
    const char* tail;  // the last two lines; the library's M::tflite_param_bytes and (host) M::arena_bytes agree
    const char* smallest_ram;  // the host's smallest-RAM schedule (the runner asserts the library's is the same)
};

constexpr bundled models[] = {
    // KWS: its four depthwise and four pointwise convolutions in place (8,000 bytes + a band).
    {"kws_ds_cnn_int8.tflite", "13 layers, 22604 parameters", "2656768 MACs", "tflite_param_bytes: 28976\narena_bytes: 16000\n",
     "arena_bytes_smallest_ram: 8640 (ctnn::optimize_for<M, ctnn::smallest_ram>; in place: 2 3 4 5 6 7 8 9; estimated instructions added: 71040)\n"},
    {"vww_mobilenet_int8.tflite", "31 layers, 210850 parameters", "7489664 MACs", "tflite_param_bytes: 240952\narena_bytes: 55296\n",
     "arena_bytes_smallest_ram: 55296 (ctnn::optimize_for<M, ctnn::smallest_ram>; in place: none; estimated instructions added: 0)\n"},
    {"ic_resnet8_int8.tflite", "16 layers, 77706 parameters", "12501632 MACs", "tflite_param_bytes: 81432\narena_bytes: 33280\n",
     "arena_bytes_smallest_ram: 33280 (ctnn::optimize_for<M, ctnn::smallest_ram>; in place: none; estimated instructions added: 0)\n"},
    {"ad_autoencoder_int8.tflite", "12 layers, 265864 parameters", "264192 MACs", "tflite_param_bytes: 270880\narena_bytes: 3200\n",
     "arena_bytes_smallest_ram: 2560 (ctnn::optimize_for<M, ctnn::smallest_ram>; in place: 1 12; estimated instructions added: 1920)\n"},
    {"strm_ww_int8.tflite", "11 layers, 46883 parameters", "826368 MACs", "tflite_param_bytes: 56132\narena_bytes: 6656\n",
     "arena_bytes_smallest_ram: 6656 (ctnn::optimize_for<M, ctnn::smallest_ram>; in place: none; estimated instructions added: 0)\n"},
};

std::string model_path(const char* file) { return std::string(CTNN_MODELS_DIR) + "/" + file; }

}  // namespace

TEST_CASE("bundled models convert, deterministically") {
    for (const auto& m : models) {
        CAPTURE(m.file);
        const auto first = test_run::run({model_path(m.file)});
        const auto second = test_run::run({model_path(m.file)});
        REQUIRE(first.status == 0);
        CHECK(first.err.empty());
        CHECK(first.out == second.out);
        CHECK(first.out.find("struct model : ctnn::graph<") != std::string::npos);
        // No absolute paths in the output: a header must not depend on where the model lives.
        CHECK(first.out.find(CTNN_MODELS_DIR) == std::string::npos);
    }
}

TEST_CASE("bundled models: summary totals") {
    for (const auto& m : models) {
        CAPTURE(m.file);
        const auto r = test_run::run({"--summary", model_path(m.file)});
        REQUIRE(r.status == 0);
        CHECK(r.out.find(m.params) != std::string::npos);
        CHECK(r.out.find(m.macs) != std::string::npos);
        const auto flash = r.out.rfind("\ntflite_param_bytes: ");
        const auto arena = r.out.rfind("\narena_bytes: ");
        REQUIRE(flash != std::string::npos);
        REQUIRE(arena != std::string::npos);
        CHECK(flash < arena);
        CHECK(r.out.find('\n', arena + 1) == r.out.size() - 1);  // arena_bytes is the last line
        const std::string tail = m.tail;
        CHECK(r.out.substr(r.out.size() - tail.size()) == tail);
        CHECK(r.out.find(m.smallest_ram) != std::string::npos);
    }
}

TEST_CASE("bundled models: the installed tool's exit status and output") {
    // Run the real executable once per outcome: a process exit status, not just run_cli's.
    const std::string exe = CTNN_CONVERT_EXE;
    const auto out = test_run::scratch_dir() / "kws.hpp";
    CHECK(std::system((exe + " -o " + out.string() + " " + model_path("kws_ds_cnn_int8.tflite")).c_str()) == 0);
    const auto bad = test_run::write_temp({'n', 'o', 'p', 'e', 0, 0, 0, 0, 0, 0}, "bad.tflite");
    const int status = std::system((exe + " " + bad.string() + " 2>/dev/null").c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
}

TEST_CASE("bundled models: the smallest-RAM picture marks the steps in place and their bands") {
    const auto r = test_run::run({"--svg", "--smallest-ram", model_path("kws_ds_cnn_int8.tflite")});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("arena 8640 bytes (lower bound 8640), smallest-RAM schedule") != std::string::npos);
    CHECK(r.out.find("DEPTHWISE_CONV_2D #1 (in place over its input, by rows): 8000 bytes") != std::string::npos);
    CHECK(r.out.find("DEPTHWISE_CONV_2D #1: its band of rows: 640 bytes") != std::string::npos);
    CHECK(r.out.find("CONV_2D #2: its band of rows: 320 bytes") != std::string::npos);
    const auto plain = test_run::run({"--svg", model_path("kws_ds_cnn_int8.tflite")});
    CHECK(plain.out.find("in place") == std::string::npos);
}
