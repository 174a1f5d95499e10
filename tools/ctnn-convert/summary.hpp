// The per-layer table of `ctnn-convert --summary`. Its last two lines are always
// "flash_bytes: N" and "arena_bytes: N", for scripts.
#pragma once

#include <string>

#include "model_ir.hpp"

namespace ctnn_convert {

std::string summary_table(const model_ir& model, const std::string& source_name);

}  // namespace ctnn_convert
