// The one list of supported operators. Each entry is defined with its operator's lowering in
// an op_*.cpp file; naming it here is what makes the converter accept the operator.
#include "operators.hpp"

#include <algorithm>

namespace ctnn_convert {

extern const operator_entry add_operator, average_pool_2d_operator, conv_2d_operator, depthwise_conv_2d_operator, dequantize_operator,
    fully_connected_operator, max_pool_2d_operator, mean_operator, pad_operator, quantize_operator, reshape_operator, softmax_operator,
    hard_swish_operator, concatenation_operator, pack_operator, transpose_conv_operator,
    batch_matmul_operator;

namespace {

// Addresses of objects with static storage: constant-initialized, so safe to read from any
// translation unit's static initializers.
constexpr const operator_entry* table[] = {
    &add_operator,        &average_pool_2d_operator, &conv_2d_operator, &depthwise_conv_2d_operator,
    &dequantize_operator, &fully_connected_operator, &max_pool_2d_operator, &mean_operator,
    &pad_operator,        &quantize_operator,        &reshape_operator, &softmax_operator,
    &hard_swish_operator, &concatenation_operator, &pack_operator, &transpose_conv_operator, &batch_matmul_operator,
};

}  // namespace

std::span<const operator_entry* const> operator_table() { return table; }

const operator_entry* find_operator(int builtin) {
    for (const operator_entry* e : table) {
        if (e->builtin == builtin) return e;
    }
    return nullptr;
}

const std::string& supported_operators_text() {
    static const std::string text = [] {
        std::vector<std::string> names;
        for (const operator_entry* e : table) names.emplace_back(e->name);
        std::sort(names.begin(), names.end());
        std::string s;
        for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
        return s;
    }();
    return text;
}

}  // namespace ctnn_convert
