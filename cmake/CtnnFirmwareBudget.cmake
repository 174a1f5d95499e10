# cmake -DELF=<elf> -DNM=<arm-none-eabi-nm> [-DFLASH_BUDGET=<bytes>] [-DRAM_BUDGET=<bytes>] -P CtnnFirmwareBudget.cmake
# Reads the link-time totals that firmware/boards/sections.ld defines
# (ctnn_fw_flash_used, ctnn_fw_ram_used) and fails if one exceeds its budget.
# The over-budget ELF is deleted, so the next build links (and checks) again.
execute_process(COMMAND "${NM}" "${ELF}" OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ctnn: cannot read symbols of ${ELF}")
endif()

function(linker_total name out)
    if(NOT symbols MATCHES "([0-9a-fA-F]+) [aA] ${name}\n")
        message(FATAL_ERROR "ctnn: ${ELF} has no ${name}; was it linked with firmware/boards/<board>.ld?")
    endif()
    math(EXPR value "0x${CMAKE_MATCH_1}")
    set(${out} ${value} PARENT_SCOPE)
endfunction()

get_filename_component(name "${ELF}" NAME_WE)
set(over FALSE)
if(NOT "${FLASH_BUDGET}" STREQUAL "")
    linker_total(ctnn_fw_flash_used flash)
    if(flash GREATER FLASH_BUDGET)
        message(NOTICE "ctnn: firmware ${name} needs ${flash} bytes of flash; budget is ${FLASH_BUDGET}")
        set(over TRUE)
    endif()
endif()
if(NOT "${RAM_BUDGET}" STREQUAL "")
    linker_total(ctnn_fw_ram_used ram)
    linker_total(ctnn_fw_stack_bytes stack)
    math(EXPR static_data "${ram} - ${stack}")
    if(ram GREATER RAM_BUDGET)
        message(NOTICE "ctnn: firmware ${name} needs ${ram} bytes of RAM (stack ${stack} + data/bss ${static_data}); "
                       "budget is ${RAM_BUDGET}")
        set(over TRUE)
    endif()
endif()

if(over)
    file(REMOVE "${ELF}")
    message(FATAL_ERROR "ctnn: firmware ${name} is over budget")
endif()
