# cmake -DQEMU=<qemu-system-arm> -DBOARD=<machine> -DELF=<elf> [-DMAX_INSTRUCTIONS=<n>] [-DCLOCK_HZ=<hz>]
#       -P CtnnFirmwareLatency.cmake
# Runs the linked firmware once in QEMU with -icount shift=0 (one executed instruction per
# nanosecond of virtual time: exact and deterministic) and reads its `instructions: N` line.
# Prints N (and N / CLOCK_HZ, one instruction per cycle: on a Cortex-M4 with zero wait states
# the estimated cycles of the bundled models are about 1.4x their instructions); over MAX_INSTRUCTIONS the ELF is deleted and the build
# fails with both numbers.
get_filename_component(name "${ELF}" NAME_WE)
execute_process(COMMAND "${QEMU}" -M ${BOARD} -nographic -monitor none -serial none
                        -semihosting-config enable=on,target=native -icount shift=0 -kernel "${ELF}"
                TIMEOUT 600 RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT "${out}${err}" MATCHES "instructions: ([0-9]+)")
    file(REMOVE "${ELF}")
    message(FATAL_ERROR "ctnn: firmware ${name} printed no 'instructions: N' line in QEMU (exit ${rc}); "
                        "MAX_INSTRUCTIONS and CLOCK_HZ need the model firmware's output contract (models/firmware_main.cpp)")
endif()
set(n ${CMAKE_MATCH_1})
set(line "ctnn: firmware ${name}: ${n} instructions per inference")
if(NOT "${CLOCK_HZ}" STREQUAL "")
    math(EXPR us "(${n} * 1000000 + ${CLOCK_HZ} / 2) / ${CLOCK_HZ}")
    string(APPEND line ", ${us} us at ${CLOCK_HZ} Hz (one instruction per cycle)")
endif()
if(NOT "${MAX_INSTRUCTIONS}" STREQUAL "")
    string(APPEND line "; MAX_INSTRUCTIONS ${MAX_INSTRUCTIONS}")
endif()
message(NOTICE "${line}")
if(NOT "${MAX_INSTRUCTIONS}" STREQUAL "" AND n GREATER MAX_INSTRUCTIONS)
    file(REMOVE "${ELF}")
    message(NOTICE "ctnn: firmware ${name} takes ${n} instructions per inference; MAX_INSTRUCTIONS allows ${MAX_INSTRUCTIONS}")
    message(FATAL_ERROR "ctnn: firmware ${name} is over its latency budget")
endif()
