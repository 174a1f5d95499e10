# The converter's library sources (everything but main.cpp), shared by the tool, its tests and
# the fuzz target (which compiles them again with -fsanitize=fuzzer).
set(CTNN_CONVERT_CORE_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/flatbuffer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tflite_names.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tflite_reader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lower.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lower_checks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lower_common.cpp
    ${CMAKE_CURRENT_LIST_DIR}/operators.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_add.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_conv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_fully_connected.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_mean.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_pad.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_pool.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_quantize.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_reshape.cpp
    ${CMAKE_CURRENT_LIST_DIR}/op_softmax.cpp
    ${CMAKE_CURRENT_LIST_DIR}/text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/layer_stats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/emit_names.cpp
    ${CMAKE_CURRENT_LIST_DIR}/emit_header.cpp
    ${CMAKE_CURRENT_LIST_DIR}/summary.cpp
    ${CMAKE_CURRENT_LIST_DIR}/arena_svg.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cli.cpp)
# ctnn's headers: the converter runs the library's own arena planner.
get_filename_component(CTNN_CONVERT_CTNN_INCLUDE ${CMAKE_CURRENT_LIST_DIR}/../../include ABSOLUTE)
