# Finds ctnn's dependencies, each from a Debian package, and stops with the package's name
# when one is missing.

function(ctnn_require_path var header package)
  # A cross toolchain confines searches to its sysroot; header-only host packages are searched
  # on the host too.
  find_path(${var} ${header} NO_CMAKE_FIND_ROOT_PATH PATHS /usr/local/include /usr/include)
  if(NOT ${var})
    message(FATAL_ERROR "ctnn: ${header} not found. Install the Debian package '${package}' (apt-get install ${package}).")
  endif()
endfunction()

function(ctnn_find_doctest)
  if(TARGET ctnn_doctest)
    return()
  endif()
  ctnn_require_path(CTNN_DOCTEST_INCLUDE_DIR doctest/doctest.h doctest-dev)
  add_library(ctnn_doctest INTERFACE)
  target_include_directories(ctnn_doctest SYSTEM INTERFACE "${CTNN_DOCTEST_INCLUDE_DIR}")
endfunction()

function(ctnn_find_benchmark)
  find_package(benchmark CONFIG QUIET)
  if(NOT benchmark_FOUND)
    message(FATAL_ERROR "ctnn: Google Benchmark not found. Install the Debian package 'libbenchmark-dev' (apt-get install libbenchmark-dev), or configure with -DCTNN_BUILD_BENCHMARKS=OFF.")
  endif()
endfunction()
