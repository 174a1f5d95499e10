// The README's usage, compiled against ctnn as a user gets it.
#include <cstdio>

#include "kws.hpp"

static_assert(ctnn::fits<kws::model, ctnn::targets::stm32f446re>);

int main() {
    static kws::model::instance net;  // arena sized by the compiler, no heap
    for (auto& x : net.input()) x = 0;
    net.invoke();
    std::printf("label: %zu\narena_bytes: %zu\nflash_bytes: %zu\n", ctnn::argmax(net.output()),
                kws::model::arena_bytes, kws::model::flash_bytes);
    return 0;
}
