// The one error type of the converter: a problem with the input model or the command line.
// main() prints it as "ctnn-convert: error: <file>: <message>" and exits with status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace ctnn_convert {

struct convert_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(const std::string& message) { throw convert_error(message); }

}  // namespace ctnn_convert
