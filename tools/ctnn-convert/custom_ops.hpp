// User layers for TFLite operators: a CUSTOM operator's custom code (or a builtin's name, to
// override ctnn's layer) mapped to a C++ layer template the user writes. The converter emits
// `Type<w::opN>` for such an operator, w::opN describing it (output tensor type, custom code,
// raw custom options); the user's header is included by the generated one. docs/custom-operators.md.
#pragma once

#include <string>
#include <vector>

namespace ctnn_convert {

struct custom_op_mapping {
    std::string op;          // custom code ("MyOp") or builtin name ("ADD")
    std::string layer_type;  // a C++ class template taking one type: "my_ops::my_layer"
};

struct custom_ops {
    std::vector<custom_op_mapping> ops;
    std::vector<std::string> includes;  // headers the generated one includes ("my_ops.hpp")

    const custom_op_mapping* find(const std::string& op) const {
        for (const auto& m : ops)
            if (m.op == op) return &m;
        return nullptr;
    }
};

// `OP=TYPE` (the --custom flag); throws convert_error naming the rule broken.
custom_op_mapping parse_custom_mapping(const std::string& text);

// A mapping file: one `OP TYPE` or `OP=TYPE` per line, `include HEADER` lines, `#` comments.
custom_ops parse_custom_map_file(const std::string& text);

}  // namespace ctnn_convert
