// Stack use, measured by painting: the reset handler fills the unused stack
// with a pattern; the deepest word that lost it marks the peak.
#pragma once

#include <cstddef>

namespace ctnn_fw {

// Size of the stack region (boards/<board>.ld default, or the STACK_SIZE
// option of ctnn_add_firmware).
std::size_t stack_size_bytes();

// Deepest stack use since reset or the last stack_repaint(), in bytes from
// the top of the stack. Equals stack_size_bytes() if the stack overflowed.
std::size_t stack_peak_bytes();

// Re-paints the stack below the caller's frame, so that a later
// stack_peak_bytes() measures only what runs after this call (plus the
// frames already live).
void stack_repaint();

namespace detail {
void paint_stack();  // called by the reset handler
}

}  // namespace ctnn_fw
