// The heap ban. This object is linked into every firmware (as an object, not
// an archive member, so it always wins over newlib and libstdc++). It defines
// every way into the heap; each definition calls a function that exists
// nowhere, named after the offence. With --gc-sections an unused definition
// is discarded with its reference, so a heap-free firmware links; a firmware
// that reaches the heap fails to link with, e.g.,
//   undefined reference to `ctnn_error_heap_is_forbidden_malloc_was_linked'
// and the .gnu.warning sections below make ld also print our sentence.
#include <cstddef>
#include <new>

// ld prints the text of a section .gnu.warning.<symbol> at each reference to <symbol>.
#define CTNN_FW_WARN(symbol, what)                                                          \
    [[gnu::section(".gnu.warning." #symbol), gnu::used]] static const char warning_##symbol[] = \
        "ctnn: firmware must not use the heap, but it links " what;
#define CTNN_FW_BAN(what)                                                             \
    extern "C" [[noreturn]] void ctnn_error_heap_is_forbidden_##what##_was_linked(); \
    CTNN_FW_WARN(what, #what)

CTNN_FW_BAN(malloc)
CTNN_FW_BAN(free)
CTNN_FW_BAN(calloc)
CTNN_FW_BAN(realloc)
CTNN_FW_BAN(memalign)
CTNN_FW_BAN(aligned_alloc)
CTNN_FW_BAN(_sbrk)
CTNN_FW_BAN(_malloc_r)
CTNN_FW_BAN(_free_r)
CTNN_FW_BAN(_calloc_r)
CTNN_FW_BAN(_realloc_r)
CTNN_FW_BAN(_memalign_r)
CTNN_FW_BAN(_sbrk_r)
// operator new/delete by their Itanium ABI names (size_t is unsigned int: 'j').
CTNN_FW_WARN(_Znwj, "operator new")
CTNN_FW_WARN(_Znaj, "operator new[]")
CTNN_FW_WARN(_ZdlPv, "operator delete")
CTNN_FW_WARN(_ZdaPv, "operator delete[]")
CTNN_FW_WARN(_ZdlPvj, "operator delete (sized)")
CTNN_FW_WARN(_ZdaPvj, "operator delete[] (sized)")
#undef CTNN_FW_BAN
#undef CTNN_FW_WARN
extern "C" [[noreturn]] void ctnn_error_heap_is_forbidden_operator_new_was_linked();
extern "C" [[noreturn]] void ctnn_error_heap_is_forbidden_operator_delete_was_linked();

extern "C" {
void* malloc(std::size_t) { ctnn_error_heap_is_forbidden_malloc_was_linked(); }
void free(void*) { ctnn_error_heap_is_forbidden_free_was_linked(); }
void* calloc(std::size_t, std::size_t) { ctnn_error_heap_is_forbidden_calloc_was_linked(); }
void* realloc(void*, std::size_t) { ctnn_error_heap_is_forbidden_realloc_was_linked(); }
void* memalign(std::size_t, std::size_t) { ctnn_error_heap_is_forbidden_memalign_was_linked(); }
void* aligned_alloc(std::size_t, std::size_t) { ctnn_error_heap_is_forbidden_aligned_alloc_was_linked(); }
void* _sbrk(std::ptrdiff_t) { ctnn_error_heap_is_forbidden__sbrk_was_linked(); }
// newlib's reentrant entry points (first argument: struct _reent*).
void* _malloc_r(void*, std::size_t) { ctnn_error_heap_is_forbidden__malloc_r_was_linked(); }
void _free_r(void*, void*) { ctnn_error_heap_is_forbidden__free_r_was_linked(); }
void* _calloc_r(void*, std::size_t, std::size_t) { ctnn_error_heap_is_forbidden__calloc_r_was_linked(); }
void* _realloc_r(void*, void*, std::size_t) { ctnn_error_heap_is_forbidden__realloc_r_was_linked(); }
void* _memalign_r(void*, std::size_t, std::size_t) { ctnn_error_heap_is_forbidden__memalign_r_was_linked(); }
void* _sbrk_r(void*, std::ptrdiff_t) { ctnn_error_heap_is_forbidden__sbrk_r_was_linked(); }
}

// Every replaceable operator new and delete (C++20 [new.delete]).
void* operator new(std::size_t) { ctnn_error_heap_is_forbidden_operator_new_was_linked(); }
void* operator new[](std::size_t) { ctnn_error_heap_is_forbidden_operator_new_was_linked(); }
void* operator new(std::size_t, std::align_val_t) { ctnn_error_heap_is_forbidden_operator_new_was_linked(); }
void* operator new[](std::size_t, std::align_val_t) { ctnn_error_heap_is_forbidden_operator_new_was_linked(); }
void* operator new(std::size_t, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_new_was_linked();
}
void* operator new[](std::size_t, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_new_was_linked();
}
void* operator new(std::size_t, std::align_val_t, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_new_was_linked();
}
void* operator new[](std::size_t, std::align_val_t, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_new_was_linked();
}
// A class with a virtual destructor references operator delete from its
// vtable even if no object is ever allocated: make such destructors
// non-virtual (or protected and non-virtual in a base) in firmware code.
void operator delete(void*) noexcept { ctnn_error_heap_is_forbidden_operator_delete_was_linked(); }
void operator delete[](void*) noexcept { ctnn_error_heap_is_forbidden_operator_delete_was_linked(); }
void operator delete(void*, std::size_t) noexcept { ctnn_error_heap_is_forbidden_operator_delete_was_linked(); }
void operator delete[](void*, std::size_t) noexcept { ctnn_error_heap_is_forbidden_operator_delete_was_linked(); }
void operator delete(void*, std::align_val_t) noexcept { ctnn_error_heap_is_forbidden_operator_delete_was_linked(); }
void operator delete[](void*, std::align_val_t) noexcept {
    ctnn_error_heap_is_forbidden_operator_delete_was_linked();
}
void operator delete(void*, std::size_t, std::align_val_t) noexcept {
    ctnn_error_heap_is_forbidden_operator_delete_was_linked();
}
void operator delete[](void*, std::size_t, std::align_val_t) noexcept {
    ctnn_error_heap_is_forbidden_operator_delete_was_linked();
}
void operator delete(void*, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_delete_was_linked();
}
void operator delete[](void*, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_delete_was_linked();
}
void operator delete(void*, std::align_val_t, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_delete_was_linked();
}
void operator delete[](void*, std::align_val_t, const std::nothrow_t&) noexcept {
    ctnn_error_heap_is_forbidden_operator_delete_was_linked();
}
