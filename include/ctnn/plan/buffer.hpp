// What the planner knows of one tensor: its size, its lifetime in steps, and the storage it
// may share. See arena_planner.hpp for the step model.
#pragma once

#include <cstddef>

namespace ctnn::plan {

inline constexpr std::size_t arena_alignment = 4;  // word access on every Cortex-M

struct buffer {
    std::size_t bytes = 0;
    int first_step = 0;    // step that produces it
    int last_step = 0;     // last step that reads it
    int alias_of = -1;     // index of a tensor whose bytes this one is (reshape), or -1
    int in_place_of = -1;  // index of an input this one may overwrite, or -1
    // Where in alias_of's bytes this one starts (a part of it: SPLIT along the outermost axis);
    // a multiple of arena_alignment.
    std::size_t alias_offset = 0;
    // With in_place_of: the output may differ in size from that input (QUANTIZE float32 -> int8,
    // DEQUANTIZE int8 -> float32, a convolution with fewer output channels; plan/in_place_rows.hpp).
    // Its kernel never overwrites an input byte it has not read, so the output starts at the
    // input's first byte and the group's height changes at the step (plan/placement.hpp).
    bool resizes = false;
};

constexpr std::size_t align_up(std::size_t n) noexcept {
    return (n + arena_alignment - 1) / arena_alignment * arena_alignment;
}

}  // namespace ctnn::plan
