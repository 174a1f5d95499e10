# cmake -DRUNNER=... -DCOMPARE=... -DDATA=tests/data/<model> -DOUT=dir -P run_golden.cmake
# Feeds every golden input to the runner, compares all outputs bit for bit, then dumps the
# first input's intermediate tensors and compares each with TFLM's, layer by layer.
cmake_policy(VERSION 3.25)  # IN_LIST
include("${CMAKE_CURRENT_LIST_DIR}/runner_steps.cmake")
file(STRINGS "${DATA}/meta.txt" meta)
foreach(line IN LISTS meta)
  if(line MATCHES "^output_bytes: ([0-9]+)")
    set(output_bytes ${CMAKE_MATCH_1})
  elseif(line MATCHES "^output_type: (.*)")
    set(output_type ${CMAKE_MATCH_1})
  endif()
endforeach()
file(MAKE_DIRECTORY "${OUT}")

# Data made for a generated model (tests/data/synthetic/) names the model's SHA-256: the model the
# build generated must be the one TFLM ran.
foreach(line IN LISTS meta)
  if(line MATCHES "^model_sha256: ([0-9a-f]+)")
    file(SHA256 "${MODEL}" sha)
    if(NOT sha STREQUAL CMAKE_MATCH_1)
      message(FATAL_ERROR "${MODEL} is not the model ${DATA} was made from (SHA-256 ${sha}, data says ${CMAKE_MATCH_1}): "
                          "regenerate it with tests/golden/make_synthetic_golden.sh")
    endif()
  endif()
endforeach()

ctnn_run_model("${DATA}/inputs.bin" "${OUT}/outputs.bin")
ctnn_expect_same("outputs" "${OUT}/outputs.bin" "${DATA}/outputs.bin" ${output_bytes} ${output_type}
  "outputs differ from TFLM's golden outputs")

# The reference kernels must agree with the fast ones on every input, too.
ctnn_run_model("${DATA}/inputs.bin" "${OUT}/outputs_reference.bin" --reference)
ctnn_expect_same("reference kernels" "${OUT}/outputs_reference.bin" "${DATA}/outputs.bin" ${output_bytes} ${output_type}
  "the reference kernels' outputs differ from TFLM's golden outputs")

# A stateful model's data may also hold TFLM's outputs with the state carried from record to
# record (tflm_ref --stateful): the runner's --carry-state must give them, with both kernel sets.
if(EXISTS "${DATA}/outputs_carry_state.bin")
  ctnn_run_model("${DATA}/inputs.bin" "${OUT}/outputs_carry_state.bin" --carry-state)
  ctnn_expect_same("carried state" "${OUT}/outputs_carry_state.bin" "${DATA}/outputs_carry_state.bin" ${output_bytes} ${output_type}
    "outputs with the state carried across records differ from TFLM's (tflm_ref --stateful)")
  ctnn_run_model("${DATA}/inputs.bin" "${OUT}/outputs_carry_state_reference.bin" --carry-state --reference)
  ctnn_expect_same("carried state, reference kernels" "${OUT}/outputs_carry_state_reference.bin" "${DATA}/outputs_carry_state.bin"
    ${output_bytes} ${output_type} "the reference kernels' outputs with the state carried differ from TFLM's (tflm_ref --stateful)")
endif()

# Intermediates of input 0: with --intermediates the runner writes one file per layer of the
# first input, t<T>.bin for .tflite tensor T (a converted model) or <layer>.bin for layers 1..L;
# TFLM's files are named <operator index>_<op>_t<tensor>.bin (operator index = layer - 1 where
# the runner names layers).
# Convolutions fused into the ADD after them have no tensor of their own (the runner's --info
# lists them): their golden tensor is skipped, and only theirs; the ADD's output is checked.
# The same model run --unfused has every tensor: there, no golden tensor is skipped.
execute_process(COMMAND "${RUNNER}" --info OUTPUT_VARIABLE info RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT info MATCHES "fused_intermediates:([^\n]*)")
  message(FATAL_ERROR "runner --info failed or lists no fused_intermediates")
endif()
string(STRIP "${CMAKE_MATCH_1}" fused)
string(REPLACE " " ";" fused "${fused}")
set(by_tensor OFF)
if(info MATCHES "intermediate_names: tflite_tensor")
  set(by_tensor ON)
endif()
file(GLOB golden_layers "${DATA}/intermediates/*.bin")
list(SORT golden_layers)

function(compare_intermediates label flags expect_fused)
  file(REMOVE_RECURSE "${OUT}/layers")  # no stale tensors from an earlier run
  execute_process(COMMAND "${RUNNER}" ${flags} --intermediates "${OUT}/layers" INPUT_FILE "${DATA}/inputs.bin"
    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "runner ${flags} --intermediates failed (${rc}): ${err}")
  endif()
  set(checked 0)
  set(skipped "")
  foreach(g IN LISTS golden_layers)
    get_filename_component(name "${g}" NAME)
    string(REGEX MATCH "^([0-9]+)_([A-Z0-9_]+)_t([0-9]+)" _ "${name}")
    math(EXPR layer "${CMAKE_MATCH_1} + 1")
    set(op "${CMAKE_MATCH_2}")
    if(by_tensor)
      set(layer "t${CMAKE_MATCH_3}")
    endif()
    if("${layer}.bin" IN_LIST expect_fused)
      if(EXISTS "${OUT}/layers/${layer}.bin")
        message(FATAL_ERROR "layer ${layer} is listed as fused but the runner wrote its tensor")
      endif()
      list(APPEND skipped "${layer}.bin")
      continue()
    endif()
    set(type int8)
    if(op STREQUAL "DEQUANTIZE")
      set(type float32)
    endif()
    file(SIZE "${g}" bytes)
    execute_process(COMMAND "${COMPARE}" "${OUT}/layers/${layer}.bin" "${g}" ${bytes} ${type}
      RESULT_VARIABLE rc OUTPUT_VARIABLE report)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${label}: layer ${layer} (${op}, ${name}) differs from TFLM:\n${report}")
    endif()
    math(EXPR checked "${checked} + 1")
  endforeach()
  if(NOT "${skipped}" STREQUAL "${expect_fused}")
    message(FATAL_ERROR "fused layers '${expect_fused}' but skipped golden tensors '${skipped}'")
  endif()
  list(LENGTH skipped skipped_count)
  message("${label} intermediates: ${checked} layers bit-exact, ${skipped_count} fused into the next ADD (${skipped})")
endfunction()

compare_intermediates("fused" "" "${fused}")
if(fused)
  ctnn_run_model("${DATA}/inputs.bin" "${OUT}/outputs_unfused.bin" --unfused)
  ctnn_expect_same("unfused" "${OUT}/outputs_unfused.bin" "${DATA}/outputs.bin" ${output_bytes} ${output_type}
    "the unfused model's outputs differ from TFLM's golden outputs")
  compare_intermediates("unfused" "--unfused" "")
endif()
# The smallest-RAM schedule (steps in place by rows), where it differs: TFLM's outputs too.
execute_process(COMMAND "${RUNNER}" --info OUTPUT_VARIABLE small_info)
if(small_info MATCHES "in_place_layers: ([0-9][0-9 ]*)")
  ctnn_run_model("${DATA}/inputs.bin" "${OUT}/outputs_smallest_ram.bin" --smallest-ram)
  ctnn_expect_same("smallest RAM" "${OUT}/outputs_smallest_ram.bin" "${DATA}/outputs.bin" ${output_bytes} ${output_type}
    "the smallest-RAM schedule's outputs differ from TFLM's golden outputs")
  message("smallest-RAM schedule (in place: ${CMAKE_MATCH_1}): outputs bit-exact")
endif()
