// fw.budget.* and fw.memory_report: a firmware with a known appetite: 8 KiB of
// constants in flash, named like model data, and an 8 KiB arena in RAM.
#include <ctnn_fw/ctnn_fw.hpp>

#include <array>
#include <cstddef>
#include <cstdint>

namespace fw_budget {

constexpr auto make_table() {
    std::array<std::uint8_t, 8 * 1024> table{};
    for (std::size_t i = 0; i < table.size(); ++i) table[i] = static_cast<std::uint8_t>(i * 7);
    return table;
}
extern const std::array<std::uint8_t, 8 * 1024> ctnn_model_table;
constexpr std::array<std::uint8_t, 8 * 1024> ctnn_model_table = make_table();
std::array<std::uint8_t, 8 * 1024> tensor_arena;

}  // namespace fw_budget

int main() {
    // Hide both objects' addresses from the optimiser so they stay whole.
    const std::uint8_t* table = fw_budget::ctnn_model_table.data();
    std::uint8_t* arena = fw_budget::tensor_arena.data();
    asm volatile("" : "+r"(table), "+r"(arena));
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < fw_budget::tensor_arena.size(); ++i) {
        arena[i] = table[i];
        sum += arena[i];
    }
    ctnn_fw::print_line("sum", sum);
    return 0;
}
