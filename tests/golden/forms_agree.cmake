# cmake -DCONVERT=... -DRUNNER=... -DMODEL=... -P forms_agree.cmake
# The form the converter's summary says `force` takes for each weighted layer (its weights
# section) must be the one the model compiled with ctnn::sparsity::force reports
# (Model::layer_weight_forms, the runner's --info), layer by layer.
cmake_policy(VERSION 3.25)
execute_process(COMMAND "${CONVERT}" --summary "${MODEL}" OUTPUT_VARIABLE summary RESULT_VARIABLE rc1)
execute_process(COMMAND "${RUNNER}" --info OUTPUT_VARIABLE info RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "ctnn-convert (${rc1}) or the runner (${rc2}) failed")
endif()
string(REGEX MATCH "\nweights: [^\n]*\n[^\n]*\n(([^\n]+\n)*)" section "${summary}")
string(REGEX MATCHALL "(dense|sparse|nibbles|bitmap)\n" from_summary "${CMAKE_MATCH_1}")
string(REPLACE "\n" "" from_summary "${from_summary}")
string(REGEX MATCH "layer_weight_forms:[a-z -]*" forms "${info}")
string(REPLACE "layer_weight_forms:" "" forms "${forms}")
string(STRIP "${forms}" forms)
separate_arguments(forms)
list(REMOVE_ITEM forms "-")
if(NOT from_summary OR NOT from_summary STREQUAL forms)
  message(FATAL_ERROR "converter says force takes '${from_summary}', the compiled model '${forms}'")
endif()
message("force: ${forms} (converter and compiler agree)")
