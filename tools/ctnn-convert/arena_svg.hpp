// The arena plan as a picture: one rectangle per tensor, from the step that produces it to the
// last step that reads it (x) at the bytes it occupies (y), with the peak and the lower bound.
#pragma once

#include <string>

#include "model_ir.hpp"

namespace ctnn_convert {

std::string arena_svg(const model_ir& model, const std::string& title, bool smallest_ram = false);

}  // namespace ctnn_convert
