// The hand-written model as bare-metal Cortex-M firmware: runs the sample, prints the result,
// the instructions it took and the memory it used, exits 0 (QEMU's exit status).
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstring>

#include "hello_model.hpp"

namespace {
hello::model::instance net;  // the arena, in .bss
}

int main() {
    std::memcpy(net.input().data(), hello::sample, sizeof hello::sample);
    const std::uint64_t instructions = ctnn_fw::measure_instructions([] { net.invoke(); });
    ctnn_fw::print("output: ");
    ctnn_fw::print_hex_bytes(std::as_bytes(net.output()));
    ctnn_fw::print("\n");
    ctnn_fw::print_line("predicted class:", ctnn::argmax(net.output()));
    ctnn_fw::print_line("instructions:", instructions);
    ctnn_fw::print_line("arena_bytes:", hello::model::arena_bytes);
    ctnn_fw::print_line("flash_bytes:", hello::model::flash_bytes);
    return 0;
}
