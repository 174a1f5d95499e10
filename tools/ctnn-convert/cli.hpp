// The command line of ctnn-convert, as a function so that tests run it in-process.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "custom_ops.hpp"
#include "model_ir.hpp"

namespace ctnn_convert {

// Reads and validates a .tflite image; throws convert_error.
model_ir load_model(std::span<const std::uint8_t> file, const custom_ops& custom = {});

// The namespace for a model file: its stem made into a C++ identifier ("kws-v2.tflite" -> "kws_v2").
std::string namespace_for(const std::string& path);

// Runs the tool: `args` excludes the program name. Returns the exit status (0 ok, 2 error);
// the header or summary goes to `out` unless -o names a file, messages go to `err`.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ctnn_convert
