// fw.heap_ban.*: the heap ban proven both ways. Built as is, this firmware
// links (fw.heap_ban.ok); with -DCTNN_EXPECT_FAIL_<WHAT> it reaches the heap
// and must fail to link with our message.
#include <cstdlib>
#include <new>

#include <ctnn_fw/ctnn_fw.hpp>

int main() {
    int value = 0;
    int* p = &value;
#if defined(CTNN_EXPECT_FAIL_MALLOC)
    p = static_cast<int*>(std::malloc(sizeof(int)));
#elif defined(CTNN_EXPECT_FAIL_NEW)
    p = new int;
#endif
    asm volatile("" : "+r"(p)::"memory");  // the pointer escapes: no allocation elision
    *p = 42;
    ctnn_fw::print_line("value", static_cast<unsigned>(*p));
    return 0;
}
