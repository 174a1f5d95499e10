# ctnn firmware support for arm-none-eabi builds (see cmake/toolchains/).
#
#   ctnn_add_firmware(<target> SOURCES <src>... [BOARD <board>] [STACK_SIZE <bytes>]
#                     [FLASH_BUDGET <bytes>] [RAM_BUDGET <bytes>]
#                     [MAX_INSTRUCTIONS <n>] [CLOCK_HZ <hz>])
#       -> ${CMAKE_BINARY_DIR}/bin/<target>.elf, linked with our startup code,
#          semihosting, instruction counter and the heap ban. With MAX_INSTRUCTIONS or
#          CLOCK_HZ the linked firmware runs once in QEMU (-icount: exact instruction counts)
#          and must print `instructions: N` (the model firmware contract); the build prints N
#          (and the time at CLOCK_HZ, one instruction per cycle) and fails when N > MAX.
#          Every firmware's stack is bounded from its machine code after linking
#          (tools/fw-stack-bound.sh); the build prints the bound and fails when it exceeds
#          STACK_SIZE (16 KiB unless given).
#   ctnn_add_firmware_test(<test> <target> [BOARD <board>] [TIMEOUT <seconds>]
#                          [PASS_REGULAR_EXPRESSION <re>...] [FAIL_REGULAR_EXPRESSION <re>...])
#       -> CTest test running the ELF in QEMU; the exit status is the program's.
include_guard(GLOBAL)

# Settings shared by the functions below; a macro so that every function sees
# them whichever directory scope it is called from.
macro(_ctnn_fw_settings)
    get_filename_component(CTNN_FW_DIR "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../firmware" ABSOLUTE)
    set(CTNN_FW_CMAKE_DIR "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
    # Boards that QEMU 7.2 emulates; the board name is the QEMU machine name.
    set(CTNN_FW_QEMU_BOARDS mps2-an385 mps2-an386 mps2-an500 mps2-an505 mps3-an547 microbit)
    # Flags every firmware translation unit gets (the toolchain file adds the CPU flags).
    set(CTNN_FW_COMPILE_OPTIONS -Wall -Wextra -Werror -fno-exceptions -fno-rtti)
endmacro()

find_program(CTNN_QEMU_ARM qemu-system-arm)
find_program(CTNN_FW_NM NAMES arm-none-eabi-nm REQUIRED)
find_program(CTNN_FW_SIZE NAMES arm-none-eabi-size REQUIRED)
find_program(CTNN_FW_OBJDUMP NAMES arm-none-eabi-objdump REQUIRED)
find_program(CTNN_FW_READELF NAMES arm-none-eabi-readelf REQUIRED)

if(NOT CTNN_BOARD)
    message(FATAL_ERROR "ctnn: CTNN_BOARD is not set; configure with one of cmake/toolchains/arm-none-eabi-cortex-*.cmake")
endif()

# Support code: startup, semihosting, printing, instruction counter, stack painting.
# OBJECT libraries: their objects are always linked (the vector table and the
# heap-ban definitions must be present), --gc-sections drops what is unused.
# -O2 always: the instruction counter's own overhead must not depend on the build type.
function(_ctnn_fw_add_support_targets)
    _ctnn_fw_settings()
    add_library(ctnn_fw OBJECT
        ${CTNN_FW_DIR}/src/vectors.cpp
        ${CTNN_FW_DIR}/src/reset.cpp
        ${CTNN_FW_DIR}/src/semihosting.cpp
        ${CTNN_FW_DIR}/src/print.cpp
        ${CTNN_FW_DIR}/src/icount.cpp
        ${CTNN_FW_DIR}/src/stack.cpp
        ${CTNN_FW_DIR}/src/memory.cpp
        ${CTNN_FW_DIR}/src/cxx_support.cpp)
    target_include_directories(ctnn_fw PUBLIC ${CTNN_FW_DIR}/include)
    target_compile_features(ctnn_fw PUBLIC cxx_std_20)
    target_compile_options(ctnn_fw PRIVATE ${CTNN_FW_COMPILE_OPTIONS} -O2)

    add_library(ctnn_fw_heap_ban OBJECT ${CTNN_FW_DIR}/src/heap_ban.cpp)
    target_compile_features(ctnn_fw_heap_ban PRIVATE cxx_std_20)
    target_compile_options(ctnn_fw_heap_ban PRIVATE ${CTNN_FW_COMPILE_OPTIONS} -O2)
endfunction()
if(NOT TARGET ctnn_fw)
    _ctnn_fw_add_support_targets()
endif()

function(ctnn_add_firmware target)
    _ctnn_fw_settings()
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "BOARD;STACK_SIZE;FLASH_BUDGET;RAM_BUDGET;MAX_INSTRUCTIONS;CLOCK_HZ" "SOURCES")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "ctnn_add_firmware(${target}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_SOURCES)
        message(FATAL_ERROR "ctnn_add_firmware(${target}): SOURCES is required")
    endif()
    set(board "${CTNN_BOARD}")
    if(arg_BOARD)
        set(board "${arg_BOARD}")
    endif()
    set(board_ld "${CTNN_FW_DIR}/boards/${board}.ld")
    if(NOT EXISTS "${board_ld}")
        message(FATAL_ERROR "ctnn_add_firmware(${target}): no linker script for board '${board}' (${board_ld})")
    endif()

    if(COMMAND ctnn_warn_if_unoptimised)
        ctnn_warn_if_unoptimised("ctnn_add_firmware(${target})")
    endif()
    add_executable(${target} ${arg_SOURCES})
    set_target_properties(${target} PROPERTIES
        SUFFIX ".elf"
        RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bin"
        CTNN_BOARD "${board}")
    target_compile_features(${target} PRIVATE cxx_std_20)
    target_compile_options(${target} PRIVATE ${CTNN_FW_COMPILE_OPTIONS})
    target_link_libraries(${target} PRIVATE ctnn_fw ctnn_fw_heap_ban)
    target_link_options(${target} PRIVATE
        -nostartfiles                       # our reset handler replaces crt0
        "-L${CTNN_FW_DIR}/boards"           # for INCLUDE sections.ld
        "-T${board_ld}"
        "-Wl,-Map=${CMAKE_BINARY_DIR}/bin/${target}.map")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS
        "${board_ld}" "${CTNN_FW_DIR}/boards/sections.ld")
    if(arg_STACK_SIZE)
        target_link_options(${target} PRIVATE "-Wl,--defsym=ctnn_fw_stack_size=${arg_STACK_SIZE}")
    endif()

    # Budgets: checked on the linked ELF (linker-script totals ctnn_fw_flash_used
    # and ctnn_fw_ram_used); an over-budget ELF is deleted and the build fails.
    if(arg_FLASH_BUDGET OR arg_RAM_BUDGET)
        add_custom_command(TARGET ${target} POST_BUILD
            COMMAND "${CMAKE_COMMAND}"
                "-DELF=$<TARGET_FILE:${target}>" "-DNM=${CTNN_FW_NM}"
                "-DFLASH_BUDGET=${arg_FLASH_BUDGET}" "-DRAM_BUDGET=${arg_RAM_BUDGET}"
                -P "${CTNN_FW_CMAKE_DIR}/CtnnFirmwareBudget.cmake"
            VERBATIM)
    endif()

    # The stack budget: the deepest stack bounded from the linked machine code must fit the
    # stack the link reserves (STACK_SIZE); the build prints the bound.
    add_custom_command(TARGET ${target} POST_BUILD
        COMMAND "${CMAKE_COMMAND}" "-DELF=$<TARGET_FILE:${target}>" "-DNM=${CTNN_FW_NM}"
            "-DOBJDUMP=${CTNN_FW_OBJDUMP}" "-DREADELF=${CTNN_FW_READELF}"
            "-DSCRIPT=${CTNN_FW_DIR}/../tools/fw-stack-bound.sh"
            -P "${CTNN_FW_CMAKE_DIR}/CtnnFirmwareStack.cmake"
        VERBATIM)

    # The latency budget: instructions per inference are data-independent in ctnn (the
    # fw.timing tests), so one run in QEMU after linking measures them exactly.
    if(arg_MAX_INSTRUCTIONS OR arg_CLOCK_HZ)
        if(NOT CTNN_QEMU_ARM)
            message(FATAL_ERROR "ctnn_add_firmware(${target}): MAX_INSTRUCTIONS and CLOCK_HZ run the firmware in QEMU "
                                "after linking; qemu-system-arm was not found (apt-get install qemu-system-arm)")
        endif()
        if(NOT board IN_LIST CTNN_FW_QEMU_BOARDS)
            message(FATAL_ERROR "ctnn_add_firmware(${target}): MAX_INSTRUCTIONS needs a board QEMU emulates "
                                "(${CTNN_FW_QEMU_BOARDS}); '${board}' is not one")
        endif()
        add_custom_command(TARGET ${target} POST_BUILD
            COMMAND "${CMAKE_COMMAND}" "-DQEMU=${CTNN_QEMU_ARM}" "-DBOARD=${board}" "-DELF=$<TARGET_FILE:${target}>"
                "-DMAX_INSTRUCTIONS=${arg_MAX_INSTRUCTIONS}" "-DCLOCK_HZ=${arg_CLOCK_HZ}"
                -P "${CTNN_FW_CMAKE_DIR}/CtnnFirmwareLatency.cmake"
            VERBATIM)
    endif()
endfunction()

function(ctnn_add_firmware_test test target)
    _ctnn_fw_settings()
    cmake_parse_arguments(PARSE_ARGV 2 arg "" "BOARD;TIMEOUT" "PASS_REGULAR_EXPRESSION;FAIL_REGULAR_EXPRESSION")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "ctnn_add_firmware_test(${test}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    set(board "${arg_BOARD}")
    if(NOT board)
        get_target_property(board ${target} CTNN_BOARD)
    endif()
    if(NOT board IN_LIST CTNN_FW_QEMU_BOARDS)
        message(FATAL_ERROR "ctnn_add_firmware_test(${test}): board '${board}' has no QEMU machine "
                            "(runnable: ${CTNN_FW_QEMU_BOARDS})")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()

    if(CTNN_QEMU_ARM)
        # Semihosting output arrives on QEMU's stderr; CTest reads both streams.
        # -icount shift=0: one instruction = 1 ns of virtual time, deterministic.
        add_test(NAME ${test} COMMAND "${CTNN_QEMU_ARM}" -M ${board} -nographic -monitor none -serial none
            -semihosting-config enable=on,target=native -icount shift=0 -kernel $<TARGET_FILE:${target}>)
    else()
        add_test(NAME ${test} COMMAND "${CMAKE_COMMAND}" -E echo
            "ctnn: qemu-system-arm not found, firmware test ${test} skipped (apt-get install qemu-system-arm)")
        set_tests_properties(${test} PROPERTIES SKIP_REGULAR_EXPRESSION "ctnn: qemu-system-arm not found")
    endif()
    set_tests_properties(${test} PROPERTIES TIMEOUT ${arg_TIMEOUT} LABELS firmware)
    if(arg_PASS_REGULAR_EXPRESSION)
        set_tests_properties(${test} PROPERTIES PASS_REGULAR_EXPRESSION "${arg_PASS_REGULAR_EXPRESSION}")
    endif()
    if(arg_FAIL_REGULAR_EXPRESSION)
        set_tests_properties(${test} PROPERTIES FAIL_REGULAR_EXPRESSION "${arg_FAIL_REGULAR_EXPRESSION}")
    endif()
endfunction()

