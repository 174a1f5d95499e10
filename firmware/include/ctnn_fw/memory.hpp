// Link-time memory totals of this firmware, from the linker script.
#pragma once

#include <cstddef>

namespace ctnn_fw {

std::size_t flash_used_bytes();  // code + constants + .data image
std::size_t ram_used_bytes();    // stack + .data + .bss (arena included)

}  // namespace ctnn_fw
