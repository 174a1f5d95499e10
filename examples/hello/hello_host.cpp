// Runs the hand-written model on the host and prints what it computed and what it costs.
#include <cstdio>
#include <cstring>

#include "hello_model.hpp"

int main() {
    static hello::model::instance net;  // the arena lives in .bss: no heap
    std::memcpy(net.input().data(), hello::sample, sizeof hello::sample);
    net.invoke();

    std::printf("output:");
    for (std::int8_t p : net.output()) std::printf(" %d", p);
    std::printf("\npredicted class: %zu\n", ctnn::argmax(net.output()));
    std::printf("arena_bytes: %zu\nflash_bytes: %zu\nmacs: %zu\n", hello::model::arena_bytes,
                hello::model::flash_bytes, hello::model::macs);
    return 0;
}
