# The pruned copies of three bundled models (tests/data/<model>_pruned<NN>/: 70, 60 and 80 % of
# the conv/FC weights zero, TFLM's outputs and intermediates beside each), run with each choice
# of weight forms (ctnn::with_sparsity, docs/weight-forms.md): `automatic`, the default, and
# `force`, the smallest; `off` (dense, the kernels every bundled model tests) with
# CTNN_TEST_SHRINK_MATRIX (scripts/test.sh --full), which also builds them for the Cortex-M0+.
# Host: runners ctnn-run-<model>-<mode> and golden.<model>.<mode> (outputs and every
# intermediate). Cortex-M4 and M55 (and M0+ with the matrix): firmware ctnn-fw-<model>-<mode>,
# fw.golden.<model>.<mode> against TFLM's output for golden input #0 and
# fw.memory_exact.<model>-<mode> (Model::flash_bytes = what the weights in their forms link).
# tools/fw-bench-shrink.sh measures them against dense.
option(CTNN_TEST_SHRINK_MATRIX "Pruned models in every weight-form mode, also on the Cortex-M0+ (scripts/test.sh --full)" OFF)
option(CTNN_TEST_PRUNED_HOST "The pruned models' host golden tests (scripts/test.sh: the g++ build only)" ON)
set(CTNN_PRUNED_MODELS kws_ds_cnn_pruned70 ic_resnet8_pruned60 ad_autoencoder_pruned80)
set(pruned_modes automatic force)
if(CTNN_TEST_SHRINK_MATRIX)
  list(PREPEND pruned_modes off)
elseif(CTNN_FW_CORE STREQUAL "cortex-m55")
  # The MVE kernels are faster dense than any sparse walk: `automatic` keeps every layer of these
  # models dense, the kernels (and forms) of `off`, which every bundled model tests.
  set(pruned_modes force)
endif()

if(NOT CTNN_BUILD_TESTS)
  return()
endif()

if(NOT CMAKE_CROSSCOMPILING)
  if(NOT CTNN_TEST_PRUNED_HOST)
    return()
  endif()
  foreach(m IN LISTS CTNN_PRUNED_MODELS)
    foreach(mode IN LISTS pruned_modes)
      ctnn_add_runner(ctnn-run-${m}-${mode} MODEL "${PROJECT_SOURCE_DIR}/tests/data/${m}/${m}_int8.tflite"
                      NAMESPACE ${m} SPARSITY ${mode})
      add_test(NAME golden.${m}.${mode}
        COMMAND ${CMAKE_COMMAND} -DRUNNER=$<TARGET_FILE:ctnn-run-${m}-${mode}> -DCOMPARE=$<TARGET_FILE:ctnn-compare>
                -DDATA=${PROJECT_SOURCE_DIR}/tests/data/${m} -DOUT=${CMAKE_BINARY_DIR}/tests/golden/${m}-${mode}
                -P ${PROJECT_SOURCE_DIR}/tests/golden/run_golden.cmake)
    endforeach()
  endforeach()
  return()
endif()

if(NOT (CTNN_FW_CORE MATCHES "^cortex-m(4|55)$" OR (CTNN_TEST_SHRINK_MATRIX AND CTNN_FW_CORE STREQUAL "cortex-m0plus")))
  return()
endif()
foreach(m IN LISTS CTNN_PRUNED_MODELS)
  ctnn_add_model(${m}_model MODEL "${PROJECT_SOURCE_DIR}/tests/data/${m}/${m}_int8.tflite" NAMESPACE ${m})
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/golden/${m}")
  file(MAKE_DIRECTORY "${gen}")
  ctnn_write_golden_inputs(${m} "${gen}/golden_inputs.hpp" 1)
  ctnn_golden_record(want ${m} output 0)
  foreach(mode IN LISTS pruned_modes)
    set(fw ctnn-fw-${m}-${mode})
    ctnn_model_firmware(${fw} ${m} firmware_main.cpp)
    target_compile_definitions(${fw} PRIVATE CTNN_FW_SPARSITY=${mode})
    ctnn_add_firmware_test(fw.golden.${m}.${mode} ${fw} TIMEOUT 600
      PASS_REGULAR_EXPRESSION "output: ${want}\ninstructions: [0-9]+\narena_bytes: [0-9]+\nram_bytes: [0-9]+\nflash_bytes: [0-9]+\nstack_bytes: [0-9]+")
    if(CTNN_QEMU_ARM)
      get_target_property(board ${fw} CTNN_BOARD)
      add_test(NAME fw.memory_exact.${m}-${mode}
        COMMAND ${CMAKE_COMMAND} -DQEMU=${CTNN_QEMU_ARM} -DBOARD=${board} -DELF=$<TARGET_FILE:${fw}>
                -DREPORT=${PROJECT_SOURCE_DIR}/tools/fw-memory-report.sh "-DMODEL_REGEX=^${m}::"
                -DSTACK_BOUND=${PROJECT_SOURCE_DIR}/tools/fw-stack-bound.sh
                -DNM=${CTNN_FW_NM} -DREADELF=${CTNN_FW_READELF} -DOBJDUMP=${CTNN_FW_OBJDUMP}
                -P ${PROJECT_SOURCE_DIR}/firmware/tests/check_model_memory.cmake)
      set_tests_properties(fw.memory_exact.${m}-${mode} PROPERTIES LABELS firmware TIMEOUT 600)
    endif()
    if(CTNN_TEST_SHRINK_MATRIX)  # per-layer instructions, for tools/fw-bench-shrink.sh
      ctnn_model_firmware(ctnn-fw-profile-${m}-${mode} ${m} layer_profile.cpp)
      target_compile_definitions(ctnn-fw-profile-${m}-${mode} PRIVATE CTNN_FW_SPARSITY=${mode})
    endif()
  endforeach()
endforeach()

# The bundled models dense, against which `automatic` (their default firmware) must not be
# slower or larger (tools/fw-bench-shrink.sh).
if(CTNN_TEST_SHRINK_MATRIX)
  foreach(m IN LISTS CTNN_BUNDLED_MODELS)
    ctnn_model_firmware(ctnn-fw-${m}-off ${m} firmware_main.cpp)
    target_compile_definitions(ctnn-fw-${m}-off PRIVATE CTNN_FW_SPARSITY=off)
  endforeach()
endif()
