# cmake -DNM=<arm-none-eabi-nm> -DELF=<elf> -P check_no_heap.cmake
# fw.no_heap_symbols: a good firmware must contain no allocator at all.
execute_process(COMMAND "${NM}" "${ELF}" OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ctnn: cannot read symbols of ${ELF}")
endif()
string(REPLACE "\n" ";" lines "${symbols}")
set(found "")
foreach(line IN LISTS lines)
    # "<address> <type> <name>" or "         U <name>"
    if(line MATCHES " [A-Za-z] (malloc|free|calloc|realloc|memalign|aligned_alloc|_sbrk|_malloc_r|_free_r|_calloc_r|_realloc_r|_memalign_r|_sbrk_r|_Zn[wa][jm].*|_Zd[la]Pv.*)$")
        list(APPEND found "${CMAKE_MATCH_1}")
    endif()
endforeach()
if(found)
    message(FATAL_ERROR "ctnn: heap symbols in ${ELF}: ${found}")
endif()
message(STATUS "ctnn: no heap symbols in ${ELF}")
