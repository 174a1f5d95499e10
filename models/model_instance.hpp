// One bundled model's instance, as the firmware variants see it: compiled once per core and
// weight storage (models/model_instance.cpp) and linked by every variant that runs it
// (ctnn-fw-<model>, ctnn-fw-timing-<model>), so the model's kernels and constant tables are
// compiled once rather than once per variant.
#pragma once

#include <cstddef>
#include <span>

namespace fw_model {

std::span<std::byte> input() noexcept;
std::span<const std::byte> output() noexcept;
void invoke() noexcept;
extern const std::size_t arena_bytes;

}  // namespace fw_model
