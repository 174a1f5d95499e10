# cmake -DQEMU=<qemu-system-arm> -DBOARD=<machine> -DELF=<model firmware> -DREPORT=<tools/fw-memory-report.sh>
#       -DSTACK_BOUND=<tools/fw-stack-bound.sh> -DMODEL_REGEX=<'^ns::'> [-DNM=... -DREADELF=... -DOBJDUMP=...]
#       -P check_model_memory.cmake
# What the model says at compile time is what the linker placed: the firmware prints
# Model::flash_bytes and Model::ram_bytes (models/firmware_main.cpp), and the ELF's symbols
# must hold exactly that many bytes of model constants (every .rodata object of the model's
# namespace or of ctnn::) and an arena object of exactly ram_bytes (which is arena_bytes
# rounded up to the instance's 16-byte alignment). And the stack bound the build checks
# (tools/fw-stack-bound.sh) covers the peak the firmware measured by painting its stack, and
# exceeds it by at most MARGIN bytes (what one exception with the FPU's registers can add).
set(MARGIN 160)
execute_process(COMMAND "${QEMU}" -M ${BOARD} -nographic -monitor none -serial none
                        -semihosting-config enable=on,target=native -icount shift=0 -kernel "${ELF}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 600)
set(out "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ctnn: ${ELF} failed (${rc}):\n${out}")
endif()
foreach(key arena_bytes ram_bytes flash_bytes stack_bytes)
  if(NOT out MATCHES "${key}: ([0-9]+)")
    message(FATAL_ERROR "ctnn: ${ELF} printed no '${key}:' line:\n${out}")
  endif()
  set(${key} ${CMAKE_MATCH_1})
endforeach()

set(env "")
if(NM)
  list(APPEND env "NM=${NM}")
endif()
if(READELF)
  list(APPEND env "READELF=${READELF}")
endif()
if(OBJDUMP)
  list(APPEND env "OBJDUMP=${OBJDUMP}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env ${env} sh "${REPORT}" "${ELF}" "${MODEL_REGEX}" "model_arena"
                OUTPUT_VARIABLE report RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT report MATCHES "model constants +([0-9]+)")
  message(FATAL_ERROR "ctnn: the memory report failed (${rc}):\n${report}")
endif()
set(linked_constants ${CMAKE_MATCH_1})
if(NOT report MATCHES "\n  arena +([0-9]+)")
  message(FATAL_ERROR "ctnn: no arena in the memory report:\n${report}")
endif()
set(arena_object ${CMAKE_MATCH_1})

execute_process(COMMAND ${CMAKE_COMMAND} -E env ${env} sh "${STACK_BOUND}" "${ELF}"
                OUTPUT_VARIABLE bound_out ERROR_VARIABLE bound_err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT bound_out MATCHES "stack_bound: ([0-9]+)")
  message(FATAL_ERROR "ctnn: the stack bound failed (${rc}): ${bound_err}")
endif()
set(stack_bound ${CMAKE_MATCH_1})

message("${report}")
set(failed "")
if(stack_bound LESS stack_bytes)
  string(APPEND failed "the stack bound ${stack_bound} is below the measured peak ${stack_bytes}\n")
endif()
math(EXPR slack "${stack_bound} - ${stack_bytes}")
if(slack GREATER MARGIN)
  string(APPEND failed "the stack bound ${stack_bound} exceeds the measured peak ${stack_bytes} by more than ${MARGIN}\n")
endif()
if(NOT flash_bytes EQUAL linked_constants)
  string(APPEND failed "Model::flash_bytes is ${flash_bytes}; the linker placed ${linked_constants} bytes of model constants\n")
endif()
if(NOT ram_bytes EQUAL arena_object)
  string(APPEND failed "Model::ram_bytes is ${ram_bytes}; the arena object is ${arena_object} bytes\n")
endif()
math(EXPR aligned "(${arena_bytes} + 15) / 16 * 16")
if(NOT aligned EQUAL ram_bytes)
  string(APPEND failed "Model::ram_bytes ${ram_bytes} is not Model::arena_bytes ${arena_bytes} aligned to 16\n")
endif()
if(failed)
  message(FATAL_ERROR "ctnn: ${ELF}:\n${failed}")
endif()
message("ctnn: flash_bytes ${flash_bytes} = linked model constants; ram_bytes ${ram_bytes} = arena object "
        "(arena_bytes ${arena_bytes}); stack bound ${stack_bound} >= peak ${stack_bytes} (+${slack})")
