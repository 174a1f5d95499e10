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
};

constexpr bundled models[] = {
    {"kws_ds_cnn_int8.tflite", "13 layers, 22604 parameters", "2656768 MACs", "tflite_param_bytes: 28976\narena_bytes: 16000\n"},
    {"vww_mobilenet_int8.tflite", "31 layers, 210850 parameters", "7489664 MACs", "tflite_param_bytes: 240952\narena_bytes: 55296\n"},
    {"ic_resnet8_int8.tflite", "16 layers, 77706 parameters", "12501632 MACs", "tflite_param_bytes: 81432\narena_bytes: 33280\n"},
    {"ad_autoencoder_int8.tflite", "12 layers, 265864 parameters", "264192 MACs", "tflite_param_bytes: 270880\narena_bytes: 3200\n"},
    {"strm_ww_int8.tflite", "11 layers, 46883 parameters", "826368 MACs", "tflite_param_bytes: 56132\narena_bytes: 6656\n"},
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
