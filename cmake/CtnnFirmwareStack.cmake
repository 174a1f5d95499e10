# cmake -DELF=<elf> -DSCRIPT=<tools/fw-stack-bound.sh> -DNM=<nm> -DOBJDUMP=<objdump> -DREADELF=<readelf>
#       -P CtnnFirmwareStack.cmake
# The stack budget: the firmware's deepest stack, bounded from its machine code
# (tools/fw-stack-bound.sh: every call chain from the reset handler, plus one exception),
# must fit the stack the link reserves (ctnn_fw_stack_bytes: STACK_SIZE, 16 KiB by default).
# Prints the bound; a firmware whose bound exceeds the reservation is deleted and the build fails.
get_filename_component(name "${ELF}" NAME_WE)
execute_process(COMMAND ${CMAKE_COMMAND} -E env "OBJDUMP=${OBJDUMP}" "READELF=${READELF}" sh "${SCRIPT}" "${ELF}"
                OUTPUT_VARIABLE bound_out ERROR_VARIABLE bound_err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT bound_out MATCHES "stack_bound: ([0-9]+)\nmodel_stack_bound: ([0-9]+)")
  file(REMOVE "${ELF}")
  message(NOTICE "${bound_err}")
  message(FATAL_ERROR "ctnn: firmware ${name}: no stack bound")
endif()
set(bound ${CMAKE_MATCH_1})
set(model ${CMAKE_MATCH_2})
execute_process(COMMAND "${NM}" "${ELF}" OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT symbols MATCHES "([0-9a-fA-F]+) [aA] ctnn_fw_stack_bytes\n")
  message(FATAL_ERROR "ctnn: ${ELF} has no ctnn_fw_stack_bytes; was it linked with firmware/boards/<board>.ld?")
endif()
math(EXPR reserved "0x${CMAKE_MATCH_1}")
if(bound GREATER reserved)
  file(REMOVE "${ELF}")
  # NOTICE: one unwrapped line, numbers first, for people and for tests.
  message(NOTICE "ctnn: firmware ${name} needs ${bound} bytes of stack (bound); STACK_SIZE reserves ${reserved}")
  message(FATAL_ERROR "ctnn: firmware ${name} is over its stack budget")
endif()
message("ctnn: firmware ${name}: stack bound ${bound} bytes (the model's run ${model}) of ${reserved} reserved")
