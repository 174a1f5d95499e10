# cmake -DBUILD_DIR=... -DTARGET=... -DEXPECT="words;numbers..." -P check_compile_fail.cmake
# Builds TARGET, which must fail. The first regular expression in EXPECT (our words) must
# appear in the build output; every further one (the numbers: shapes, bytes, indices) must
# appear in the first diagnostic itself: its instantiation context, its error line and its
# notes, up to the second `error:`. GCC prints the failing diag type (which carries the numbers)
# just before the error line and clang in the note after it; so a message whose numbers only
# turn up in a later, cascading error fails this check.
# Prints "ctnn compile-fail check passed" only then.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(log "${out}${err}")
if(result EQUAL 0)
  message(FATAL_ERROR "expected ${TARGET} to fail to compile, but it compiled")
endif()

# (A failure that is not a compiler's, such as a link-time budget check, is its own diagnostic.)
set(first_diagnostic "${log}")
string(FIND "${log}" "error:" first)
if(NOT first EQUAL -1)
  math(EXPR after_first "${first} + 6")
  string(SUBSTRING "${log}" ${after_first} -1 rest)
  string(FIND "${rest}" "error:" second)
  if(NOT second EQUAL -1)
    math(EXPR end "${after_first} + ${second}")
    string(SUBSTRING "${log}" 0 ${end} first_diagnostic)
  endif()
endif()

list(POP_FRONT EXPECT words)
if(NOT log MATCHES "${words}")
  message("${log}")
  message(FATAL_ERROR "compiler output lacks our words: ${words}")
endif()
foreach(re IN LISTS EXPECT)
  if(NOT first_diagnostic MATCHES "${re}")
    message("${log}")
    message(FATAL_ERROR "the first diagnostic lacks the expected numbers: ${re}")
  endif()
endforeach()
message("ctnn compile-fail check passed")
