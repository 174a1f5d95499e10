// The README's main job: the bundled keyword-spotting model (MLPerf Tiny DS-CNN, converted at
// build time) classifies a bundled input. The same source builds for the host and as Cortex-M
// firmware; the firmware also reports the instructions one inference takes (exact in QEMU).
#include <cstdint>
#include <cstring>

#include "kws_ds_cnn.hpp"
// after the model: its sizes type the array
#include "golden_inputs.hpp"

#if defined(CTNN_DEMO_FIRMWARE)
#include <ctnn_fw/ctnn_fw.hpp>
namespace {
void say(const char* text) { ctnn_fw::print(text); }
void say(std::uint64_t n) { ctnn_fw::print_udec(n); }
}  // namespace
#else
#include <cstdio>
namespace {
void say(const char* text) { std::fputs(text, stdout); }
void say(std::uint64_t n) { std::printf("%llu", static_cast<unsigned long long>(n)); }
}  // namespace
#endif

namespace {

using model = kws_ds_cnn::model;
using target = ctnn::targets::stm32f446re;
// The arena planned across the part's RAM regions (SRAM1, SRAM2), fastest first.
using placed = ctnn::placed<model, target>;
static_assert(ctnn::fits<placed, target>);  // a miss would stop the build, naming the part and the numbers

// The label order of the MLPerf Tiny keyword-spotting model.
constexpr const char* labels[12] = {"down", "go", "left", "no", "off", "on", "right", "stop", "up", "yes", "silence", "unknown"};

placed::instance net;  // a handle: the arenas, sized by the compiler, are the regions' objects (.bss)

void say_share(const char* what, std::uint64_t used, std::uint64_t allowed) {
    say(what);
    say(used);
    say(" of ");
    say(allowed);
    say(" bytes (");
    say(used * 1000 / allowed / 10);
    say(".");
    say(used * 1000 / allowed % 10);
    say("%)\n");
}

template <std::size_t I>
void say_region() {
    using region = placed::region_at<I>;
    say("    ");
    say(region::name);
    say_share(": ", placed::region_bytes[I], region::bytes);
}

}  // namespace

int main() {
    std::memcpy(net.input().data(), golden_inputs[0], sizeof golden_inputs[0]);
#if defined(CTNN_DEMO_FIRMWARE)
    net.invoke();  // warm-up, then the measured run on the same input
    std::memcpy(net.input().data(), golden_inputs[0], sizeof golden_inputs[0]);
    const std::uint64_t instructions = ctnn_fw::measure_instructions([] { net.invoke(); });
#else
    net.invoke();
#endif
    const std::size_t label = ctnn::argmax(net.output());
    say("predicted label: ");
    say(labels[label]);
    say(" (probability ");
    say(static_cast<std::uint64_t>(net.output()[label] + 128));
    say("/256) for bundled input #0\n");
    say("budget: ");
    say(target::name);
    say(", exact for this build's kernels (");
    say(ctnn::kernels::build_set_names.data());
    say(")\n");
    say_share("  RAM   (arena, scratch included): ", placed::ram_bytes, target::ram_bytes);
    say_region<0>();
    say_region<1>();
    say_share("  flash (constants the kernels link): ", model::flash_bytes, target::flash_bytes);
    say("  (the model in TFLite's terms: ");
    say(model::tflite_param_bytes);
    say(" bytes of parameters)\n");
#if defined(CTNN_DEMO_FIRMWARE)
    say("  firmware total flash:     ");
    say(ctnn_fw::flash_used_bytes());
    say(" bytes, RAM ");
    say(ctnn_fw::ram_used_bytes());
    say(" bytes (stack peak ");
    say(ctnn_fw::stack_peak_bytes());
    say(")\n");
    say("instructions per inference (Cortex-M4, QEMU -icount): ");
    say(instructions);
    say(" for ");
    say(model::macs);
    say(" MACs\n");
#endif
    return 0;
}
