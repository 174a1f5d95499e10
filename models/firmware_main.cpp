// Firmware for one bundled model (the ctnn-fw-<model>.elf contract): runs golden input #0
// once to warm up and once measured, then prints
//   output: <output tensor as lowercase hex bytes>
//   instructions: N      (the measured inference, exact under QEMU -icount shift=0)
//   arena_bytes: N       (Model::arena_bytes: activations and scratch)
//   ram_bytes: N         (Model::ram_bytes: the instance, the arena aligned; the linked object's size)
//   flash_bytes: N       (Model::flash_bytes: the constants this build's kernels link)
//   stack_bytes: N       (peak, measured by painting the stack)
// and exits 0. Built with CTNN_FW_TIMING_RUN it instead runs four different golden inputs and
// checks that each inference takes exactly as many instructions (data-independent timing).
// Built with CTNN_FW_INT16_WEIGHTS it runs the model with int16 weights (same contract); with
// CTNN_FW_SPARSITY=off|automatic|force, with that choice of weight forms (ctnn::with_sparsity); with
// CTNN_FW_SMALLEST_RAM, in the smallest-RAM schedule (ctnn::optimize_for<M, ctnn::smallest_ram>); with
// CTNN_FW_RAM_BUDGET=N, the fastest schedule whose arena fits N bytes (ctnn::fastest_within); both
// also print the instructions their steps in place add, as the library estimates them. Built
// with CTNN_FW_PLACED it runs the model placed across two RAM banks (ctnn::placed: a 12 KiB fast
// one and a slow one whose arena goes to section .bss.ctnn.slow, which the test's linker script
// maps to the second bank) and also prints where the slow arena landed.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstdint>
#include <cstring>

#include CTNN_MODEL_HEADER
#include "golden_inputs.hpp"

namespace {

#if defined(CTNN_FW_PLACED)
struct two_banks : ctnn::budget<ctnn::kib(12) + ctnn::kib(64), ctnn::kib(512)> {
    struct fast : ctnn::memory_region<ctnn::kib(12), 0> { static constexpr const char* name = "fast"; };
    struct slow : ctnn::memory_region<ctnn::kib(64), 1> { static constexpr const char* name = "slow"; };
    using regions = ctnn::regions<fast, slow>;
};
}  // namespace
using model = ctnn::placed<CTNN_MODEL_NAMESPACE::model, two_banks>;
CTNN_REGION_ARENA(model, two_banks::slow, ".bss.ctnn.slow");
extern "C" const std::byte ctnn_fw_slow_start[], ctnn_fw_slow_end[];
namespace {
static_assert(ctnn::fits<model, two_banks> && model::region_bytes[0] > 0 && model::region_bytes[1] > 0,
              "the test needs a model that uses both banks");
#elif defined(CTNN_FW_INT16_WEIGHTS)
using model = ctnn::with_int16_weights<CTNN_MODEL_NAMESPACE::model>;  // the speed/flash option
#elif defined(CTNN_FW_SPARSITY)
using model = ctnn::with_sparsity<CTNN_MODEL_NAMESPACE::model, ctnn::sparsity::CTNN_FW_SPARSITY>;
#elif defined(CTNN_FW_SMALLEST_RAM)
using model = ctnn::optimize_for<CTNN_MODEL_NAMESPACE::model, ctnn::smallest_ram>;  // in place by rows
#elif defined(CTNN_FW_RAM_BUDGET)
using model = ctnn::fastest_within<CTNN_MODEL_NAMESPACE::model, CTNN_FW_RAM_BUDGET>;  // the fewest steps in place that fit
#else
using model = CTNN_MODEL_NAMESPACE::model;
#endif
#if defined(CTNN_FW_NO_STEP_IN_PLACE)
// Built without a smallest-RAM variant (models/CMakeLists.txt): that schedule runs no step in
// place here, so it is this very firmware.
static_assert(ctnn::optimize_for<model, ctnn::smallest_ram>::in_place_rows == decltype(model::in_place_rows){} &&
                  ctnn::optimize_for<model, ctnn::smallest_ram>::arena_bytes == model::arena_bytes,
              "this model's smallest-RAM schedule differs from its default one: build and test its variant");
#endif
model::instance model_arena;  // the instance is the arena: the memory report finds it by name

// Each golden record is an independent inference: a stateful model (LSTM, SVDF) starts it from
// its reset state (nothing to do for the others).
void load_input(int index) {
    model_arena.reset_state();
    std::memcpy(model_arena.input().data(), golden_inputs[index], sizeof golden_inputs[index]);
}

[[maybe_unused]] void print_hex(std::span<const std::byte> bytes) {
    constexpr char digits[] = "0123456789abcdef";
    char pair[3] = {0, 0, 0};
    for (std::byte b : bytes) {
        pair[0] = digits[std::to_integer<unsigned>(b) >> 4];
        pair[1] = digits[std::to_integer<unsigned>(b) & 0xf];
        ctnn_fw::print(pair);
    }
}

}  // namespace

int main() {
#if defined(CTNN_FW_TIMING_RUN)
    // Identical work around every measurement (no printing in between). The counter reads in
    // whole SysTick ticks (40 instructions on QEMU's 25 MHz boards at -icount shift=0), and
    // counter.start() leaves its polling loop a few instructions after a tick, depending on
    // where the previous run ended: the same instructions can read one tick apart, no more.
    // A data-dependent path that costs a tick or more fails.
    const std::uint64_t tick = (ctnn_fw::instructions_per_tick_x4() + 3) / 4;
    std::uint64_t counts[golden_input_count] = {};
    for (int i = 0; i < golden_input_count; ++i) {
        load_input(i);
        counts[i] = ctnn_fw::measure_instructions([] { model_arena.invoke(); });
    }
    bool identical = true;
    for (std::uint64_t n : counts) {
        ctnn_fw::print_line("instructions:", n);
        const std::uint64_t apart = n > counts[0] ? n - counts[0] : counts[0] - n;
        identical = identical && apart <= tick;
    }
    if (!identical) {
        ctnn_fw::print("instruction count differs between inputs\n");
        return 1;
    }
    ctnn_fw::print_line("instruction count identical across 4 inputs, to the counter's resolution:", tick);
    return 0;
#else
    load_input(0);
    model_arena.invoke();  // warm-up
    load_input(0);
    const std::uint64_t instructions = ctnn_fw::measure_instructions([] { model_arena.invoke(); });
    ctnn_fw::print("output: ");
    print_hex(std::as_bytes(model_arena.output()));
    ctnn_fw::print("\n");
    ctnn_fw::print_line("instructions:", instructions);
    ctnn_fw::print_line("arena_bytes:", model::arena_bytes);
    ctnn_fw::print_line("ram_bytes:", model::ram_bytes);
    ctnn_fw::print_line("flash_bytes:", model::flash_bytes);
    ctnn_fw::print_line("stack_bytes:", ctnn_fw::stack_peak_bytes());
#if defined(CTNN_FW_SMALLEST_RAM) || defined(CTNN_FW_RAM_BUDGET)
    ctnn_fw::print_line("in_place_added_instructions_estimate:", model::in_place_added_instructions);
#endif
#if defined(CTNN_FW_PLACED)
    const std::byte* slow = ctnn::region_storage<model, two_banks::slow>::bytes;
    ctnn_fw::print_line("fast_region_bytes:", model::region_bytes[0]);
    ctnn_fw::print_line("slow_region_bytes:", model::region_bytes[1]);
    const auto at = [](const std::byte* p) { return reinterpret_cast<std::uintptr_t>(p); };
    const bool in_bank = at(slow) >= at(ctnn_fw_slow_start) && at(slow) + model::region_bytes[1] <= at(ctnn_fw_slow_end);
    ctnn_fw::print(in_bank ? "slow arena in the slow bank: yes\n" : "slow arena in the slow bank: no\n");
#endif
    return 0;
#endif
}
