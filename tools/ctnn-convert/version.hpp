// The converter's version, printed by --version and in generated headers.
#pragma once

namespace ctnn_convert {

inline constexpr const char* version = "0.1.0";

}  // namespace ctnn_convert
