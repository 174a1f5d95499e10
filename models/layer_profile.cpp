// Firmware that shows where the time goes: runs golden input #0 once and prints, per layer,
// "layer K: N" instructions (exact under QEMU -icount shift=0, to a SysTick tick; the printing
// between layers is not counted), then the total and each layer's MACs. Every layer is one
// window of instruction_counter start() .. stop(), which the Cortex-M4 cycle-estimate plugin
// (tools/fw-bench-cycles.sh) also measures, layer by layer.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstring>

#include CTNN_MODEL_HEADER
#include "golden_inputs.hpp"

namespace {
#if defined(CTNN_FW_SPARSITY)  // off|automatic|force: with that choice of weight forms
using model = ctnn::with_sparsity<CTNN_MODEL_NAMESPACE::model, ctnn::sparsity::CTNN_FW_SPARSITY>;
#else
using model = CTNN_MODEL_NAMESPACE::model;
#endif
model::instance net;
}  // namespace

int main() {
#ifndef CTNN_FW_PROFILE_INPUT
#define CTNN_FW_PROFILE_INPUT 0
#endif
    std::memcpy(net.input().data(), golden_inputs[CTNN_FW_PROFILE_INPUT], sizeof golden_inputs[0]);
    ctnn_fw::instruction_counter counter;
    std::uint64_t total = 0;
    counter.start();
    net.invoke_observed([&](int layer, std::span<const std::byte>) {
        const std::uint64_t n = counter.stop();
        total += n;
        ctnn_fw::print("layer ");
        ctnn_fw::print_dec(layer);
        ctnn_fw::print_line(":", n);
        counter.start();
        // Not a tail call: start() entered by BL, so the cycle plugin sees where the window opens.
        asm volatile("" ::: "memory");
    });
    ctnn_fw::print_line("total:", total);
    ctnn_fw::print_line("macs:", model::macs);
    ctnn_fw::print("layer_macs:");
    for (const std::size_t macs : model::layer_macs) {
        ctnn_fw::print(" ");
        ctnn_fw::print_udec(macs);
    }
    ctnn_fw::print("\n");
    return 0;
}
