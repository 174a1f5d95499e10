#include "ctnn_fw/memory.hpp"

#include "linker_symbols.hpp"

namespace ctnn_fw {

std::size_t flash_used_bytes() { return detail::linker_value(ctnn_fw_flash_used); }
std::size_t ram_used_bytes() { return detail::linker_value(ctnn_fw_ram_used); }

}  // namespace ctnn_fw
