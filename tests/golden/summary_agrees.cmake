# cmake -DCONVERT=... -DRUNNER=... -DMODEL=... -P summary_agrees.cmake
# The converter's summary and the compiled model must report the same TFLite parameter bytes,
# arena bytes (host kernels) and the same offset for every tensor: the converter runs the
# library's planner and its layer rules, and this proves it.
execute_process(COMMAND "${CONVERT}" --summary "${MODEL}" OUTPUT_VARIABLE summary RESULT_VARIABLE rc1)
execute_process(COMMAND "${RUNNER}" --info OUTPUT_VARIABLE info RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "ctnn-convert (${rc1}) or the runner (${rc2}) failed")
endif()
foreach(key arena_offsets tflite_param_bytes arena_bytes)
  string(REGEX MATCH "${key}:[0-9 ]+" from_summary "${summary}")
  string(REGEX MATCH "${key}:[0-9 ]+" from_model "${info}")
  string(STRIP "${from_summary}" from_summary)
  string(STRIP "${from_model}" from_model)
  if(NOT from_summary OR NOT from_summary STREQUAL from_model)
    message(FATAL_ERROR "converter says '${from_summary}', compiled model says '${from_model}'")
  endif()
  message("${from_model} (converter and compiler agree)")
endforeach()
