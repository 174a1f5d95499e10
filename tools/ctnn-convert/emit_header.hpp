// Writes a model as one self-contained C++ header in the format of docs/model-api.md.
#pragma once

#include <string>

#include "model_ir.hpp"

namespace ctnn_convert {

// `source_name` is quoted in the banner (a file name, no directories, so output is
// reproducible); `ns` is the namespace (already a valid C++ name).
std::string emit_header(const model_ir& model, const std::string& source_name, const std::string& ns);

}  // namespace ctnn_convert
