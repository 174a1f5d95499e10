# The converter's library sources (every .cpp here but main.cpp), shared by the tool, its tests
# and the fuzz targets (which compile them again with -fsanitize=fuzzer). Collected, so a new
# source file needs no edit here; a new operator's entry still has to be named in operators.cpp.
file(GLOB CTNN_CONVERT_CORE_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
list(FILTER CTNN_CONVERT_CORE_SOURCES EXCLUDE REGEX "/main\\.cpp$")
list(SORT CTNN_CONVERT_CORE_SOURCES)
# ctnn's headers: the converter runs the library's own arena planner.
get_filename_component(CTNN_CONVERT_CTNN_INCLUDE ${CMAKE_CURRENT_LIST_DIR}/../../include ABSOLUTE)
