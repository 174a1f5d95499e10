# The converter's library sources (everything but main.cpp), shared by the tool, its tests and
# the fuzz target (which compiles them again with -fsanitize=fuzzer).
# The operators' files, op_*.cpp, are collected: a new operator needs no edit here (its entry
# still has to be named in operators.cpp's table). The other sources are listed.
file(GLOB CTNN_CONVERT_OPERATOR_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/op_*.cpp)
list(SORT CTNN_CONVERT_OPERATOR_SOURCES)
set(CTNN_CONVERT_CORE_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/flatbuffer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tflite_names.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tflite_reader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lower.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lower_checks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lower_common.cpp
    ${CMAKE_CURRENT_LIST_DIR}/operators.cpp
    ${CTNN_CONVERT_OPERATOR_SOURCES}
    ${CMAKE_CURRENT_LIST_DIR}/text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/layer_stats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/emit_names.cpp
    ${CMAKE_CURRENT_LIST_DIR}/emit_header.cpp
    ${CMAKE_CURRENT_LIST_DIR}/summary.cpp
    ${CMAKE_CURRENT_LIST_DIR}/arena_svg.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cli.cpp)
# ctnn's headers: the converter runs the library's own arena planner.
get_filename_component(CTNN_CONVERT_CTNN_INCLUDE ${CMAKE_CURRENT_LIST_DIR}/../../include ABSOLUTE)
