# cmake -DPROGRAM=<host executable running one model> -DREPORT=<tools/fw-memory-report.sh>
#       -DMODEL_REGEX=<'^ns::'> -DNM=<nm> -DREADELF=<readelf> -P host_memory_exact.cmake
# The host's Model::flash_bytes is what the host linker places too: the program prints it
# ("flash (constants the kernels link): N of ..."), and the ELF's .rodata objects of the
# model's namespace and of ctnn:: must add up to exactly N (tools/fw-memory-report.sh reads
# host ELF files as well).
execute_process(COMMAND "${PROGRAM}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "flash \\(constants the kernels link\\): ([0-9]+) of")
  message(FATAL_ERROR "ctnn: ${PROGRAM} failed (${rc}) or printed no flash figure:\n${out}")
endif()
set(flash_bytes ${CMAKE_MATCH_1})
execute_process(COMMAND ${CMAKE_COMMAND} -E env "NM=${NM}" "READELF=${READELF}" sh "${REPORT}" "${PROGRAM}" "${MODEL_REGEX}"
                OUTPUT_VARIABLE report RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT report MATCHES "model constants +([0-9]+)")
  message(FATAL_ERROR "ctnn: the memory report failed (${rc}):\n${report}")
endif()
if(NOT flash_bytes EQUAL CMAKE_MATCH_1)
  message(FATAL_ERROR "ctnn: Model::flash_bytes is ${flash_bytes}; the linker placed ${CMAKE_MATCH_1} bytes of model constants")
endif()
message("ctnn: flash_bytes ${flash_bytes} = linked model constants (host)")
