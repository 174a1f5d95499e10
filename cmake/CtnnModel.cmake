# Models as build steps.
#
#   ctnn_add_model(<name> MODEL <file.tflite> [NAMESPACE <ns>] [CUSTOM_OPS <map file>])
#     Runs ctnn-convert at build time and makes an INTERFACE library <name> whose include
#     directory holds the generated <name>.hpp (namespace <ns>, default <name> as an
#     identifier); linking it also links ctnn::ctnn. The header is regenerated when the model
#     file, the map file or the converter changes. CUSTOM_OPS: operators run as user layers
#     (ctnn-convert --custom-map; docs/custom-operators.md); the headers it names must be on the
#     include path of whatever includes <name>.hpp.
#
#   ctnn_add_runner(<name> MODEL <file.tflite> [NAMESPACE <ns>] [SPARSITY off|automatic|force])
#     An executable ${CMAKE_BINARY_DIR}/bin/<name> (tools/runner/runner_main.cpp) that reads raw
#     inputs from stdin until EOF and writes raw outputs to stdout (host builds only). SPARSITY:
#     the model's weight forms (ctnn::with_sparsity; default: the model's own, automatic).
#
# The converter is always a host program. In order of preference: the target ctnn-convert of
# this build (ctnn added with add_subdirectory); the imported ctnn::ctnn-convert of an
# installed ctnn (find_package); when cross-compiling, tools/ctnn-convert built with the host
# compiler (CTNN_HOST_CXX_COMPILER, default c++) through ExternalProject into the build tree.
include_guard(GLOBAL)

set_property(GLOBAL PROPERTY CTNN_MODEL_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")
set(CTNN_HOST_CXX_COMPILER "c++" CACHE STRING "Host C++ compiler for ctnn-convert in cross builds")

# The source of a file that sits in the ctnn tree (relative to cmake/) or, installed, next to
# this file.
function(_ctnn_model_find_file out tree_path installed_name)
    get_property(dir GLOBAL PROPERTY CTNN_MODEL_CMAKE_DIR)
    foreach(candidate "${dir}/../${tree_path}" "${dir}/${installed_name}")
        if(EXISTS "${candidate}")
            get_filename_component(candidate "${candidate}" ABSOLUTE)
            set(${out} "${candidate}" PARENT_SCOPE)
            return()
        endif()
    endforeach()
    set(${out} "" PARENT_SCOPE)
endfunction()

# Sets <exe> to the converter's command and <deps> to what a custom command must depend on.
function(_ctnn_converter exe deps)
    if(TARGET ctnn-convert)
        set(${exe} "$<TARGET_FILE:ctnn-convert>" PARENT_SCOPE)
        set(${deps} ctnn-convert PARENT_SCOPE)
    elseif(TARGET ctnn::ctnn-convert)
        set(${exe} "$<TARGET_FILE:ctnn::ctnn-convert>" PARENT_SCOPE)
        set(${deps} ctnn::ctnn-convert PARENT_SCOPE)
    elseif(CMAKE_CROSSCOMPILING)
        set(host_bin "${CMAKE_BINARY_DIR}/ctnn-convert-host")
        set(host_exe "${host_bin}/bin/ctnn-convert${CMAKE_HOST_EXECUTABLE_SUFFIX}")
        if(NOT TARGET ctnn_convert_host)
            _ctnn_model_find_file(source tools/ctnn-convert/CMakeLists.txt "")
            if(NOT source)
                message(FATAL_ERROR "ctnn_add_model: cross-compiling needs a host ctnn-convert: install ctnn for the host "
                                    "and find_package(ctnn), or build from the ctnn source tree")
            endif()
            get_filename_component(source "${source}" DIRECTORY)
            include(ExternalProject)
            # A plain host configure: no toolchain file, the host compiler, no tests.
            ExternalProject_Add(ctnn_convert_host
                SOURCE_DIR "${source}"
                BINARY_DIR "${host_bin}"
                CMAKE_ARGS -DCMAKE_CXX_COMPILER=${CTNN_HOST_CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
                INSTALL_COMMAND ""
                BUILD_ALWAYS ON
                BUILD_BYPRODUCTS "${host_exe}"
                USES_TERMINAL_BUILD ON)
        endif()
        set(${exe} "${host_exe}" PARENT_SCOPE)
        set(${deps} ctnn_convert_host "${host_exe}" PARENT_SCOPE)
    else()
        message(FATAL_ERROR "ctnn_add_model: no ctnn-convert: add ctnn with add_subdirectory() or find_package(ctnn) first")
    endif()
endfunction()

# Warns once per configure when the consuming build is not optimised: ctnn's kernels need -O2 or
# higher (measured: the keyword-spotting model unoptimised takes 60.6 M instead of 3.7 M
# instructions on a Cortex-M4, and its code grows from 8.3 KB to 19.5 KB).
function(ctnn_warn_if_unoptimised who)
    get_property(warned GLOBAL PROPERTY CTNN_WARNED_UNOPTIMISED)
    if(warned OR CMAKE_CONFIGURATION_TYPES)  # multi-config generators choose per build
        return()
    endif()
    string(TOUPPER "${CMAKE_BUILD_TYPE}" config)
    set(flags "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${config}}")
    if(NOT flags MATCHES "(^| )-O([23]|fast)( |$)")
        message(WARNING "ctnn: ${who}: this build is not optimised (CMAKE_BUILD_TYPE '${CMAKE_BUILD_TYPE}', C++ flags '${flags}'). "
                        "ctnn's kernels need -O2 or higher: unoptimised, a model takes about 16x the instructions and twice the code. "
                        "Configure with -DCMAKE_BUILD_TYPE=Release (or add -O2).")
        set_property(GLOBAL PROPERTY CTNN_WARNED_UNOPTIMISED ON)
    endif()
endfunction()

function(ctnn_add_model name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "MODEL;NAMESPACE;CUSTOM_OPS" "")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "ctnn_add_model(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    set(custom_args "")
    set(custom_deps "")
    if(arg_CUSTOM_OPS)
        get_filename_component(custom_map "${arg_CUSTOM_OPS}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        set(custom_args --custom-map "${custom_map}")
        set(custom_deps "${custom_map}")
    endif()
    if(NOT arg_MODEL)
        message(FATAL_ERROR "ctnn_add_model(${name}): MODEL <file.tflite> is required")
    endif()
    ctnn_warn_if_unoptimised("ctnn_add_model(${name})")
    get_filename_component(model "${arg_MODEL}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_source_file_property(generated "${model}" GENERATED)
    if(NOT EXISTS "${model}" AND NOT generated)
        message(FATAL_ERROR "ctnn_add_model(${name}): model file ${model} does not exist")
    endif()
    set(ns "${arg_NAMESPACE}")
    if(NOT ns)
        string(MAKE_C_IDENTIFIER "${name}" ns)
    endif()

    _ctnn_converter(convert convert_deps)
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/ctnn_models/${name}")
    set(header "${dir}/${name}.hpp")
    add_custom_command(OUTPUT "${header}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
        COMMAND "${convert}" --namespace "${ns}" ${custom_args} -o "${header}" "${model}"
        DEPENDS "${model}" ${custom_deps} ${convert_deps}
        COMMENT "ctnn-convert ${arg_MODEL} -> ${name}.hpp"
        VERBATIM)
    add_custom_target(${name}_ctnn_header DEPENDS "${header}")

    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE "${dir}")
    target_link_libraries(${name} INTERFACE ctnn::ctnn)
    # Followed transitively by everything that links ${name}: the header exists before they compile.
    add_dependencies(${name} ${name}_ctnn_header)
    set_target_properties(${name} PROPERTIES CTNN_MODEL_HEADER "${name}.hpp" CTNN_MODEL_NAMESPACE "${ns}")
endfunction()

function(ctnn_add_runner name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "MODEL;NAMESPACE;SPARSITY" "")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "ctnn_add_runner(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(CMAKE_CROSSCOMPILING)
        message(FATAL_ERROR "ctnn_add_runner(${name}): runners are host programs; this build is cross-compiling")
    endif()
    _ctnn_model_find_file(runner tools/runner/runner_main.cpp runner_main.cpp)
    if(NOT runner)
        message(FATAL_ERROR "ctnn_add_runner(${name}): runner_main.cpp not found next to CtnnModel.cmake")
    endif()
    set(ns "${arg_NAMESPACE}")
    if(NOT ns)
        string(MAKE_C_IDENTIFIER "${name}" ns)
    endif()
    ctnn_add_model(${name}_model MODEL "${arg_MODEL}" NAMESPACE "${ns}")
    add_executable(${name} "${runner}")
    target_link_libraries(${name} PRIVATE ${name}_model)
    target_compile_definitions(${name} PRIVATE "CTNN_MODEL_HEADER=\"${name}_model.hpp\"" "CTNN_MODEL_NAMESPACE=${ns}")
    if(arg_SPARSITY)  # ctnn::with_sparsity<model, ctnn::sparsity::SPARSITY>
        if(NOT arg_SPARSITY MATCHES "^(off|automatic|force)$")
            message(FATAL_ERROR "ctnn_add_runner(${name}): SPARSITY is off, automatic or force, not '${arg_SPARSITY}'")
        endif()
        target_compile_definitions(${name} PRIVATE "CTNN_RUNNER_SPARSITY=${arg_SPARSITY}")
    endif()
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bin")
endfunction()
