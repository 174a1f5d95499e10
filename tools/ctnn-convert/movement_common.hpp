// What the data-movement operators' lowerings share (op_squeeze.cpp, op_strided_slice.cpp,
// op_gather.cpp, op_broadcast_to.cpp, op_mirror_pad.cpp): constant index operands, int32 or
// int64 as TFLite allows, and lists as text.
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "lowering.hpp"
#include "text.hpp"

namespace ctnn_convert {

// The values of constant input `slot` (int32 or int64; each must fit in int32), with its shape.
struct index_operand {
    int tensor = -1;
    std::vector<int> shape;
    std::vector<std::int32_t> values;
};

inline index_operand constant_indices(const lowering& x, std::size_t slot, const char* role) {
    const auto& op = x.op();
    if (slot >= op.inputs.size() || op.inputs[slot] < 0) x.op_fail(std::string("missing ") + role + " (input #" + std::to_string(slot) + ")");
    index_operand r;
    r.tensor = op.inputs[slot];
    const bool wide = x.model().tensors[static_cast<std::size_t>(r.tensor)].type == static_cast<int>(tfl::tensor_type::int64);
    const auto& data = x.constant_input(slot, wide ? tfl::tensor_type::int64 : tfl::tensor_type::int32, role);
    r.shape = x.static_shape(r.tensor);
    if (!wide) {
        for (std::size_t i = 0; i < data.size() / 4; ++i) r.values.push_back(x.load_i32(data, i));
        return r;
    }
    for (std::size_t i = 0; i < data.size() / 8; ++i) {
        std::int64_t v = 0;
        std::memcpy(&v, data.data() + 8 * i, 8);  // little-endian, as the file stores it
        if (v < std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max()) {
            x.op_fail(std::string(role) + " " + x.tensor_label(r.tensor) + " has entry " + std::to_string(v) + " at position " + std::to_string(i) +
                      ", outside int32");
        }
        r.values.push_back(static_cast<std::int32_t>(v));
    }
    return r;
}

inline std::string list_text(const std::vector<int>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s;
}

}  // namespace ctnn_convert
