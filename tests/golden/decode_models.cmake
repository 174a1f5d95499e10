# TFLM compressed models (weights through TFLM_DECODE, look-up tables): the model written at build
# time by tests/converter/make_decode_models.cpp, converted (the converter evaluates DECODE) and
# compiled like a user's model, against TFLM's outputs and intermediates (tests/data/decode_lut/,
# tests/golden/make_decode_golden.sh; the SHA-256 in its meta.txt pins the model). Included from
# tests/golden/CMakeLists.txt (needs ctnn-compare).
add_executable(ctnn_make_decode_models ${PROJECT_SOURCE_DIR}/tests/converter/make_decode_models.cpp)
target_include_directories(ctnn_make_decode_models PRIVATE ${PROJECT_SOURCE_DIR}/tests/converter)
target_compile_features(ctnn_make_decode_models PRIVATE cxx_std_20)
set(decode_dir "${CMAKE_CURRENT_BINARY_DIR}/decode_models")
add_custom_command(OUTPUT "${decode_dir}/decode_lut.tflite" "${decode_dir}/decode_lut_plain.tflite"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${decode_dir}"
  COMMAND ctnn_make_decode_models "${decode_dir}"
  DEPENDS ctnn_make_decode_models
  COMMENT "Writing the TFLM compressed (DECODE) test models")
ctnn_add_runner(ctnn-run-decode_lut MODEL "${decode_dir}/decode_lut.tflite" NAMESPACE decode_lut)
target_compile_options(ctnn-run-decode_lut PRIVATE -Wall -Wextra -Wpedantic -Werror)
if(EXISTS "${PROJECT_SOURCE_DIR}/tests/data/decode_lut/meta.txt")
  add_test(NAME golden.decode_lut
    COMMAND ${CMAKE_COMMAND} -DRUNNER=$<TARGET_FILE:ctnn-run-decode_lut> -DCOMPARE=$<TARGET_FILE:ctnn-compare>
            -DDATA=${PROJECT_SOURCE_DIR}/tests/data/decode_lut -DOUT=${CMAKE_CURRENT_BINARY_DIR}/decode_golden/decode_lut
            -DMODEL=${decode_dir}/decode_lut.tflite -P ${CMAKE_CURRENT_SOURCE_DIR}/run_golden.cmake)
endif()
# The same with SPARSITY force: ctnn stores the decoded weights in its own forms (channels of at
# most 16 values as 4-bit codes and a table, docs/weight-forms.md); still TFLM's outputs.
ctnn_add_runner(ctnn-run-decode_lut-force MODEL "${decode_dir}/decode_lut.tflite" NAMESPACE decode_lut SPARSITY force)
target_compile_options(ctnn-run-decode_lut-force PRIVATE -Wall -Wextra -Wpedantic -Werror)
if(EXISTS "${PROJECT_SOURCE_DIR}/tests/data/decode_lut/meta.txt")
  add_test(NAME golden.decode_lut.force
    COMMAND ${CMAKE_COMMAND} -DRUNNER=$<TARGET_FILE:ctnn-run-decode_lut-force> -DCOMPARE=$<TARGET_FILE:ctnn-compare>
            -DDATA=${PROJECT_SOURCE_DIR}/tests/data/decode_lut -DOUT=${CMAKE_CURRENT_BINARY_DIR}/decode_golden/decode_lut-force
            -DMODEL=${decode_dir}/decode_lut.tflite -P ${CMAKE_CURRENT_SOURCE_DIR}/run_golden.cmake)
endif()
