// Synthesizes .tflite files for tests. Field ids and enum values are written out here from
// schema.fbs on purpose, independently of the converter's tflite_schema.hpp, so a wrong id on
// either side shows up as a failing test instead of agreeing with itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flatbuffer_builder.hpp"

namespace test_tflite {

// TensorType
constexpr std::int8_t FLOAT32 = 0, INT32 = 2, INT16 = 7, INT8 = 9, INT4 = 17;
// BuiltinOperator
constexpr int ADD = 0, AVERAGE_POOL_2D = 1, CONCATENATION = 2, CONV_2D = 3, DEPTHWISE_CONV_2D = 4, DEQUANTIZE = 6, FULLY_CONNECTED = 9, MAX_POOL_2D = 17,
              RESHAPE = 22, SOFTMAX = 25, TANH = 28, CUSTOM = 32, PAD = 34, MEAN = 40, SPLIT = 49, PACK = 83, UNPACK = 88, SPLIT_V = 102, REVERSE_SEQUENCE = 112,
              QUANTIZE = 114, HARD_SWISH = 117, CUMSUM = 128;
// BuiltinOptions union types
constexpr std::uint8_t Conv2DOptions = 1, DepthwiseConv2DOptions = 2, Pool2DOptions = 5, FullyConnectedOptions = 8, SoftmaxOptions = 9, ConcatenationOptions = 10,
                       AddOptions = 11, ReshapeOptions = 17, PadOptions = 22, ReducerOptions = 27, DequantizeOptions = 38, QuantizeOptions = 89,
                       HardSwishOptions = 91, PackOptions = 59, SplitOptions = 35, SplitVOptions = 79, UnpackOptions = 64;
// ActivationFunctionType / Padding
constexpr std::int8_t NONE = 0, RELU = 1, RELU6 = 3, ACT_TANH = 4, SAME = 0, VALID = 1;

struct tensor {
    std::string name;
    std::vector<std::int32_t> shape;
    std::int8_t type = INT8;
    std::uint32_t buffer = 0;
    std::vector<float> scale;            // empty: no quantization table
    std::vector<std::int64_t> zero_point;
    int quantized_dimension = 0;
    std::vector<std::int32_t> shape_signature;
    bool is_variable = false;  // a variable tensor (SVDF's, LSTM's state): field 5
};

struct op {
    std::uint32_t opcode_index = 0;
    std::vector<std::int32_t> inputs, outputs;
    std::uint8_t options_type = 0;
    bool has_options = false;
    test_fb::table options;
    std::vector<std::uint8_t> custom_options = {};  // a CUSTOM operator's raw options (field 5)
};

struct opcode {
    int builtin = 0;
    int deprecated = -1;  // -1: same as builtin when it fits a byte, else 127 (the placeholder)
    std::string custom;
};

struct model {
    std::uint32_t version = 3;
    std::vector<opcode> opcodes;
    std::vector<tensor> tensors;
    std::vector<std::vector<std::uint8_t>> buffers{{}};  // buffer 0: the empty sentinel
    std::vector<std::int32_t> inputs, outputs;
    std::vector<op> ops;
    int extra_subgraphs = 0;

    // Adds an operator code if new; returns its index.
    std::uint32_t code(int builtin) {
        for (std::size_t i = 0; i < opcodes.size(); ++i)
            if (opcodes[i].builtin == builtin) return static_cast<std::uint32_t>(i);
        opcodes.push_back({builtin, -1, ""});
        return static_cast<std::uint32_t>(opcodes.size() - 1);
    }
    int add_tensor(tensor t) {
        tensors.push_back(std::move(t));
        return static_cast<int>(tensors.size() - 1);
    }
    template <class T>
    std::uint32_t add_buffer(const std::vector<T>& values) {
        std::vector<std::uint8_t> bytes(values.size() * sizeof(T));
        if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
        buffers.push_back(std::move(bytes));
        return static_cast<std::uint32_t>(buffers.size() - 1);
    }
};

inline test_fb::table tensor_table(const tensor& t) {
    test_fb::table tb;
    tb.vec<std::int32_t>(0, t.shape).scalar<std::int8_t>(1, t.type).scalar<std::uint32_t>(2, t.buffer).str(3, t.name);
    if (!t.scale.empty() || !t.zero_point.empty()) {
        test_fb::table q;
        q.vec<float>(2, t.scale).vec<std::int64_t>(3, t.zero_point).scalar<std::int32_t>(6, t.quantized_dimension);
        tb.sub(4, q);
    }
    if (t.is_variable) tb.scalar<bool>(5, true);
    if (!t.shape_signature.empty()) tb.vec<std::int32_t>(7, t.shape_signature);
    return tb;
}

inline test_fb::table subgraph_table(const model& m) {
    std::vector<test_fb::table> tensors, ops;
    for (const auto& t : m.tensors) tensors.push_back(tensor_table(t));
    for (const auto& o : m.ops) {
        test_fb::table tb;
        tb.scalar<std::uint32_t>(0, o.opcode_index).vec<std::int32_t>(1, o.inputs).vec<std::int32_t>(2, o.outputs);
        if (o.options_type != 0) tb.scalar<std::uint8_t>(3, o.options_type);
        if (o.has_options) tb.sub(4, o.options);
        if (!o.custom_options.empty()) tb.vec<std::uint8_t>(5, o.custom_options);
        ops.push_back(tb);
    }
    test_fb::table sg;
    sg.tables(0, tensors).vec<std::int32_t>(1, m.inputs).vec<std::int32_t>(2, m.outputs).tables(3, ops).str(4, "main");
    return sg;
}

inline std::vector<std::uint8_t> build(const model& m, const char* identifier = "TFL3") {
    std::vector<test_fb::table> codes, buffers, subgraphs;
    for (const auto& c : m.opcodes) {
        test_fb::table tb;
        const int deprecated = c.deprecated >= 0 ? c.deprecated : (c.builtin < 127 ? c.builtin : 127);
        tb.scalar<std::int8_t>(0, static_cast<std::int8_t>(deprecated)).scalar<std::int32_t>(2, 1).scalar<std::int32_t>(3, c.builtin);
        if (!c.custom.empty()) tb.str(1, c.custom);
        codes.push_back(tb);
    }
    for (const auto& b : m.buffers) {
        test_fb::table tb;
        if (!b.empty()) tb.vec<std::uint8_t>(0, b);
        buffers.push_back(tb);
    }
    for (int i = 0; i <= m.extra_subgraphs; ++i) subgraphs.push_back(subgraph_table(m));
    test_fb::table root;
    root.scalar<std::uint32_t>(0, m.version).tables(1, codes).tables(2, subgraphs).str(3, "test model").tables(4, buffers);
    return test_fb::writer().finish(root, identifier);
}

// Options tables.
inline op conv_op(std::uint32_t code, std::vector<std::int32_t> in, std::int32_t out, std::int8_t padding, int stride, std::int8_t act,
                  bool depthwise = false) {
    op o{code, std::move(in), {out}, depthwise ? DepthwiseConv2DOptions : Conv2DOptions, true, {}};
    o.options.scalar<std::int8_t>(0, padding).scalar<std::int32_t>(1, stride).scalar<std::int32_t>(2, stride);
    if (depthwise) {
        o.options.scalar<std::int32_t>(3, 1).scalar<std::int8_t>(4, act);
    } else {
        o.options.scalar<std::int8_t>(3, act);
    }
    return o;
}

// FULLY_CONNECTED with its fused activation (the other options at their defaults).
inline op fc_op(std::uint32_t code, std::vector<std::int32_t> in, std::int32_t out, std::int8_t act) {
    op o{code, std::move(in), {out}, FullyConnectedOptions, true, {}};
    o.options.scalar<std::int8_t>(0, act);
    return o;
}

}  // namespace test_tflite
