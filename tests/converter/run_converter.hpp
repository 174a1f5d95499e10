// Runs the converter's command line in-process on a file written to a temporary directory.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli.hpp"

namespace test_run {

struct result {
    int status = -1;
    std::string out, err;
};

inline std::filesystem::path scratch_dir() {
    const auto dir = std::filesystem::temp_directory_path() / ("ctnn-convert-tests-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::filesystem::path write_temp(const std::vector<std::uint8_t>& bytes, const std::string& name) {
    const auto path = scratch_dir() / name;
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return path;
}

inline result run(std::vector<std::string> args) {
    std::ostringstream out, err;
    result r;
    r.status = ctnn_convert::run_cli(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

// Converts `bytes` (written as <name>) with extra arguments before the file name.
inline result convert(const std::vector<std::uint8_t>& bytes, std::vector<std::string> args = {}, const std::string& name = "model.tflite") {
    args.push_back(write_temp(bytes, name).string());
    return run(std::move(args));
}

}  // namespace test_run
