// Reserving 256 KiB of RAM for the rest of the firmware on a part with 128 KiB.
#include "fail_support.hpp"

#ifdef CTNN_EXPECT_FAIL
constexpr std::size_t reserved_ram = ctnn::kib(256);
#else
constexpr std::size_t reserved_ram = ctnn::kib(64);
#endif
using part = ctnn::reserve<ctnn::targets::stm32f446re, reserved_ram, ctnn::kib(16)>;
static_assert(part::ram_bytes > 0);
