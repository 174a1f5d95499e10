// Symbols defined by boards/sections.ld and the board scripts. Their
// addresses are the values; never read through them unless they mark memory.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" {
extern std::uint32_t ctnn_fw_stack_bottom[];
extern std::uint32_t ctnn_fw_stack_top[];
extern std::uint32_t ctnn_fw_data_start[];
extern std::uint32_t ctnn_fw_data_end[];
extern const std::uint32_t ctnn_fw_data_load[];
extern std::uint32_t ctnn_fw_bss_start[];
extern std::uint32_t ctnn_fw_bss_end[];
extern void (*const ctnn_fw_init_array_start[])();
extern void (*const ctnn_fw_init_array_end[])();
extern const char ctnn_fw_flash_used[];      // absolute: a size, not an address
extern const char ctnn_fw_ram_used[];        // absolute: a size
extern const char ctnn_fw_ns_per_tick_x4[];  // absolute: board clock constant
}

namespace ctnn_fw::detail {
// The value of an absolute linker symbol.
inline std::size_t linker_value(const char* symbol) { return reinterpret_cast<std::uintptr_t>(symbol); }
}  // namespace ctnn_fw::detail
