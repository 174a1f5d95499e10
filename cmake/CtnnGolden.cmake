# Golden data (tests/data/<model>/) turned into C++ for programs that cannot read files:
# firmware, and the demo.
#   ctnn_golden_record(<var> <model> input|output <index>)  the record as lowercase hex
#   ctnn_write_golden_inputs(<model> <header> <count>)      golden_inputs[count][bytes] in <header>
# Golden input #`index` of a model as a C array, and the matching output as hex, for firmware.
function(ctnn_golden_record out_var model file index)
  file(STRINGS "${PROJECT_SOURCE_DIR}/tests/data/${model}/meta.txt" meta REGEX "^${file}_bytes: ")
  string(REGEX REPLACE ".*: " "" bytes "${meta}")
  math(EXPR offset "${index} * ${bytes}")
  file(READ "${PROJECT_SOURCE_DIR}/tests/data/${model}/${file}s.bin" hex OFFSET ${offset} LIMIT ${bytes} HEX)
  set(${out_var} "${hex}" PARENT_SCOPE)
endfunction()

function(ctnn_write_golden_inputs model header count)
  set(body "")
  foreach(i RANGE 0 ${count})
    if(i EQUAL count)
      break()
    endif()
    ctnn_golden_record(hex ${model} input ${i})
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(APPEND body "    {${bytes}},\n")
  endforeach()
  file(WRITE "${header}.tmp"
    "// Golden inputs of ${model} (tests/data/${model}/inputs.bin), raw bytes. Generated.\n"
    "#pragma once\n#include <cstdint>\n"
    "inline constexpr int golden_input_count = ${count};\n"
    "alignas(4) inline constexpr std::uint8_t golden_inputs[${count}][sizeof(${model}::model::input_element) * ${model}::model::input_size] = {\n${body}};\n")
  file(COPY_FILE "${header}.tmp" "${header}" ONLY_IF_DIFFERENT)
endfunction()

