# cmake -DRUNNER=... -DCOMPARE=... -DDATA=tests/data/svdf_state -DNAME=<model> -DOUT=dir -P run_state.cmake
# A stateful model's records, against TFLM's outputs both ways: every record from the reset state
# (<NAME>.out.bin, the runner's default) and the state carried from one record to the next
# (<NAME>.carried.bin, the runner's --carry-state; tflm_ref --stateful), fast and reference kernels.
cmake_policy(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/runner_steps.cmake")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${RUNNER}" --info OUTPUT_VARIABLE info RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT info MATCHES "state_bytes: ([1-9][0-9]*)")
  message(FATAL_ERROR "runner --info failed or the model has no state")
endif()
execute_process(COMMAND "${RUNNER}" --help OUTPUT_VARIABLE help)
string(REGEX MATCH "output: ([0-9]+) bytes" _ "${help}")
set(record ${CMAKE_MATCH_1})
foreach(kernels fast reference)
  set(flag "")
  if(kernels STREQUAL "reference")
    set(flag --reference)
  endif()
  ctnn_run_model("${DATA}/${NAME}.in.bin" "${OUT}/${kernels}_reset.bin" ${flag})
  ctnn_expect_same("${kernels}, state reset per record" "${OUT}/${kernels}_reset.bin" "${DATA}/${NAME}.out.bin" ${record} int8
    "outputs with the state reset before every record differ from TFLM's")
  ctnn_run_model("${DATA}/${NAME}.in.bin" "${OUT}/${kernels}_carried.bin" ${flag} --carry-state)
  ctnn_expect_same("${kernels}, state carried" "${OUT}/${kernels}_carried.bin" "${DATA}/${NAME}.carried.bin" ${record} int8
    "outputs with the state carried across records differ from TFLM's --stateful run")
endforeach()
