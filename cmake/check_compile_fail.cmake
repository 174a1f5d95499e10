# cmake -DBUILD_DIR=... -DTARGET=... -DEXPECT="re1;re2" -P check_compile_fail.cmake
# Builds TARGET, which must fail, and checks that every regular expression in EXPECT appears
# in the build output. Prints "ctnn compile-fail check passed" only then.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(log "${out}${err}")
if(result EQUAL 0)
  message(FATAL_ERROR "expected ${TARGET} to fail to compile, but it compiled")
endif()
foreach(re IN LISTS EXPECT)
  if(NOT log MATCHES "${re}")
    message("${log}")
    message(FATAL_ERROR "compiler output lacks the expected text: ${re}")
  endif()
endforeach()
message("ctnn compile-fail check passed")
