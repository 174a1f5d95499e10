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

# Boost.Hana is header-only. Debian's Boost headers live in /usr/include, which must never be
# on a cross compiler's include path (it would pull in the host's C library headers), so a
# cross build sees a directory holding only a link to boost/.
function(ctnn_link_hana target)
  ctnn_require_path(CTNN_HANA_INCLUDE_DIR boost/hana.hpp libboost-dev)
  if(CMAKE_CROSSCOMPILING)
    set(dir "${CMAKE_BINARY_DIR}/ctnn-boost-only")
    if(NOT EXISTS "${dir}/boost")
      file(MAKE_DIRECTORY "${dir}")
      file(CREATE_LINK "${CTNN_HANA_INCLUDE_DIR}/boost" "${dir}/boost" SYMBOLIC)
    endif()
    target_include_directories(${target} SYSTEM INTERFACE "$<BUILD_INTERFACE:${dir}>")
  elseif(NOT CTNN_HANA_INCLUDE_DIR STREQUAL "/usr/include")
    target_include_directories(${target} SYSTEM INTERFACE "$<BUILD_INTERFACE:${CTNN_HANA_INCLUDE_DIR}>")
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
