# cmake -DMODE=installed|subdirectory|unoptimised|top_level_default -DSOURCE=... -DWORK=... -DMODEL=... -DCXX=... -P consumer_test.cmake
# Installs ctnn (installed mode), configures and builds the consumer project, runs it.
# unoptimised: configures the consumer with no build type, which must warn that the kernels
# need -O2; top_level_default: configures ctnn itself with no build type, which must be Release.
set(prefix "${WORK}/prefix")
set(build "${WORK}/consumer-build")
file(REMOVE_RECURSE "${build}")
if(MODE STREQUAL "unoptimised")
  execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}/tests/install/consumer" -B "${build}" -G Ninja
                          -DCMAKE_CXX_COMPILER=${CXX} "-DMODEL=${MODEL}" "-DCTNN_SOURCE_DIR=${SOURCE}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT err MATCHES "ctnn: ctnn_add_model\\(kws\\): this build is not optimised")
    message(FATAL_ERROR "expected the unoptimised-build warning:\n${out}\n${err}")
  endif()
  message("unoptimised consumer warned")
  return()
elseif(MODE STREQUAL "top_level_default")
  execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${build}" -G Ninja -DCMAKE_CXX_COMPILER=${CXX}
                          -DCTNN_BUILD_TESTS=OFF -DCTNN_BUILD_MODELS=OFF -DCTNN_BUILD_BENCHMARKS=OFF -DCTNN_BUILD_EXAMPLES=OFF
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(STRINGS "${build}/CMakeCache.txt" type REGEX "^CMAKE_BUILD_TYPE:")
  if(NOT rc EQUAL 0 OR NOT type MATCHES "=Release$")
    message(FATAL_ERROR "a top-level ctnn build with no build type should be Release, got '${type}':\n${out}\n${err}")
  endif()
  message("top-level default build type: Release")
  return()
endif()
set(extra "")
if(MODE STREQUAL "installed")
  execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}" RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed")
  endif()
  set(extra "-DCMAKE_PREFIX_PATH=${prefix}")
else()
  set(extra "-DCTNN_SOURCE_DIR=${SOURCE}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}/tests/install/consumer" -B "${build}" -G Ninja
                        -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX} "-DMODEL=${MODEL}" ${extra}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${build}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed:\n${out}\n${err}")
endif()
execute_process(COMMAND "${build}/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer failed")
endif()
