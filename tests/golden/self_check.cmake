# cmake -DRUNNER=... -DRANDOM=... -DCOMPARE=... -DOUT=dir -P self_check.cmake
# For a converted model without reference data: the fast kernels and the reference kernels must
# give the same bytes on many random inputs, and every layer can be dumped.
include("${CMAKE_CURRENT_LIST_DIR}/runner_steps.cmake")
execute_process(COMMAND "${RUNNER}" --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT help MATCHES "input: ([0-9]+) bytes per inference; output: ([0-9]+) bytes")
  message(FATAL_ERROR "runner --help failed: ${help}")
endif()
set(input_bytes ${CMAKE_MATCH_1})
set(output_bytes ${CMAKE_MATCH_2})
set(type int8)
if(help MATCHES "float32 input")
  set(type float32)
endif()
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${RANDOM}" ${input_bytes} 200 7 ${type} OUTPUT_FILE "${OUT}/inputs.bin" RESULT_VARIABLE rc)
foreach(mode fast reference)
  set(flag "")
  if(mode STREQUAL "reference")
    set(flag --reference)
  endif()
  ctnn_run_model("${OUT}/inputs.bin" "${OUT}/outputs_${mode}.bin" ${flag} --intermediates "${OUT}/layers_${mode}")
endforeach()
set(out_type int8)
if(help MATCHES "float32 output")
  set(out_type float32)
endif()
ctnn_expect_same("fast vs reference kernels" "${OUT}/outputs_fast.bin" "${OUT}/outputs_reference.bin" ${output_bytes}
  ${out_type} "the fast kernels differ from the reference kernels")

# A model with residual fusion must give the same bytes without it (every tensor existing).
execute_process(COMMAND "${RUNNER}" --info OUTPUT_VARIABLE info RESULT_VARIABLE rc)
if(info MATCHES "fused_layers: ([0-9][0-9 ]*)")
  message("fused layers: ${CMAKE_MATCH_1}")
  ctnn_run_model("${OUT}/inputs.bin" "${OUT}/outputs_unfused.bin" --unfused)
  ctnn_expect_same("fused vs unfused" "${OUT}/outputs_fast.bin" "${OUT}/outputs_unfused.bin" ${output_bytes} ${out_type}
    "residual fusion changes the results")
endif()
# A model with steps in place by rows in the smallest-RAM schedule must give the same bytes.
if(info MATCHES "in_place_layers: ([0-9][0-9 ]*)")
  message("in place (smallest RAM): ${CMAKE_MATCH_1}")
  ctnn_run_model("${OUT}/inputs.bin" "${OUT}/outputs_smallest_ram.bin" --smallest-ram)
  ctnn_expect_same("fast vs smallest RAM" "${OUT}/outputs_fast.bin" "${OUT}/outputs_smallest_ram.bin" ${output_bytes} ${out_type}
    "the smallest-RAM schedule changes the results")
  ctnn_run_model("${OUT}/inputs.bin" "${OUT}/outputs_smallest_ram_reference.bin" --smallest-ram --reference)
  ctnn_expect_same("fast vs smallest RAM, reference kernels" "${OUT}/outputs_fast.bin" "${OUT}/outputs_smallest_ram_reference.bin" ${output_bytes} ${out_type}
    "the smallest-RAM schedule changes the reference kernels' results")
endif()
