// Stack painting: unused stack words hold a pattern; the lowest word that no
// longer does is the deepest the stack has been.
#include "ctnn_fw/stack.hpp"

#include <cstdint>

#include "linker_symbols.hpp"

namespace {

constexpr std::uint32_t paint = 0xC7A5C7A5u;
constexpr std::size_t margin_words = 16;  // spare the words just below sp (red zone of the caller)

std::uint32_t* current_sp() {
    std::uint32_t* sp = nullptr;
    asm volatile("mov %0, sp" : "=r"(sp));
    return sp;
}

// noinline: runs in its own frame, below the caller's.
[[gnu::noinline]] void paint_below_sp() {
    std::uint32_t* const end = current_sp() - margin_words;
    for (volatile std::uint32_t* p = ctnn_fw_stack_bottom; p < end; ++p) *p = paint;
}

}  // namespace

namespace ctnn_fw {

void detail::paint_stack() { paint_below_sp(); }

void stack_repaint() { paint_below_sp(); }

std::size_t stack_size_bytes() {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(ctnn_fw_stack_top) -
                                    reinterpret_cast<std::uintptr_t>(ctnn_fw_stack_bottom));
}

std::size_t stack_peak_bytes() {
    const volatile std::uint32_t* p = ctnn_fw_stack_bottom;
    while (p < ctnn_fw_stack_top && *p == paint) ++p;
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(ctnn_fw_stack_top) -
                                    reinterpret_cast<std::uintptr_t>(p));
}

}  // namespace ctnn_fw
