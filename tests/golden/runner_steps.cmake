# Steps shared by run_golden.cmake and self_check.cmake (both get RUNNER and COMPARE).

# ctnn_run_model(<inputs file> <outputs file> [runner flags...]): the runner over every input.
function(ctnn_run_model inputs outputs)
  execute_process(COMMAND "${RUNNER}" ${ARGN} INPUT_FILE "${inputs}" OUTPUT_FILE "${outputs}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "runner ${ARGN} failed (${rc}): ${err}")
  endif()
endfunction()

# ctnn_expect_same(<label> <got> <want> <record bytes> <int8|float32> <failure message>):
# the two files must be equal bit for bit; prints the comparison under <label>.
function(ctnn_expect_same label got want record_bytes type failure)
  execute_process(COMMAND "${COMPARE}" "${got}" "${want}" ${record_bytes} ${type}
    RESULT_VARIABLE rc OUTPUT_VARIABLE report)
  message("${label}: ${report}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${failure}")
  endif()
endfunction()
