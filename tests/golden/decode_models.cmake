# TFLM compressed models (weights and biases through TFLM_DECODE, look-up tables): the models
# tests/converter/make_decode_models.cpp writes at build time, converted (the converter evaluates
# DECODE) and compiled like a user's model, against TFLM's outputs and intermediates
# (tests/data/<m>/, tests/golden/make_decode_golden.sh; the SHA-256 in meta.txt pins the model):
# golden.<m> with the model's own weight forms, golden.<m>.force with SPARSITY force (ctnn's
# smallest forms, e.g. channels of at most 16 values as 4-bit codes, docs/weight-forms.md).
# Included from tests/golden/CMakeLists.txt (needs ctnn-compare).
add_executable(ctnn_make_decode_models ${PROJECT_SOURCE_DIR}/tests/converter/make_decode_models.cpp)
target_include_directories(ctnn_make_decode_models PRIVATE ${PROJECT_SOURCE_DIR}/tests/converter)
target_compile_features(ctnn_make_decode_models PRIVATE cxx_std_20)
target_compile_options(ctnn_make_decode_models PRIVATE -ffp-contract=off)  # the bytes TFLM ran, whatever -march
set(decode_dir "${CMAKE_CURRENT_BINARY_DIR}/decode_models")
set(decode_models decode_lut decode_tconv)
set(decode_files "")
foreach(m IN LISTS decode_models)
  list(APPEND decode_files "${decode_dir}/${m}.tflite" "${decode_dir}/${m}_plain.tflite")
endforeach()
add_custom_command(OUTPUT ${decode_files}
  COMMAND ${CMAKE_COMMAND} -E make_directory "${decode_dir}"
  COMMAND ctnn_make_decode_models "${decode_dir}"
  DEPENDS ctnn_make_decode_models
  COMMENT "Writing the TFLM compressed (DECODE) test models")
foreach(m IN LISTS decode_models)
  foreach(mode IN ITEMS default force)
    set(runner ctnn-run-${m})
    set(test golden.${m})
    set(sparsity "")
    if(mode STREQUAL "force")
      string(APPEND runner "-force")
      string(APPEND test ".force")
      set(sparsity SPARSITY force)
    endif()
    ctnn_add_runner(${runner} MODEL "${decode_dir}/${m}.tflite" NAMESPACE ${m} ${sparsity})
    target_compile_options(${runner} PRIVATE -Wall -Wextra -Wpedantic -Werror)
    if(EXISTS "${PROJECT_SOURCE_DIR}/tests/data/${m}/meta.txt")
      add_test(NAME ${test}
        COMMAND ${CMAKE_COMMAND} -DRUNNER=$<TARGET_FILE:${runner}> -DCOMPARE=$<TARGET_FILE:ctnn-compare>
                -DDATA=${PROJECT_SOURCE_DIR}/tests/data/${m} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/decode_golden/${m}-${mode}
                -DMODEL=${decode_dir}/${m}.tflite -P ${CMAKE_CURRENT_SOURCE_DIR}/run_golden.cmake)
    endif()
  endforeach()
endforeach()
# The converter's plan of a DECODE model (operator numbers with gaps) is the compiled one.
add_test(NAME summary_agrees.decode_lut
  COMMAND ${CMAKE_COMMAND} -DCONVERT=$<TARGET_FILE:ctnn-convert> -DRUNNER=$<TARGET_FILE:ctnn-run-decode_lut>
          -DMODEL=${decode_dir}/decode_lut.tflite -P ${CMAKE_CURRENT_SOURCE_DIR}/summary_agrees.cmake)
