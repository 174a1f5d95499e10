// PAD and PADV2: constant int32 paddings [rank, 2] around an int8 or int16 tensor of rank 1 to 4,
// padding with the zero point (PAD, PADV2 without a value) or PADV2's constant value (of the
// input's type), which TFLite requires quantized as the output is.
#include <cstdint>

#include <ctnn/layers/pad.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

void lower_pad_with(lowering& x, ir_layer& l, bool v2) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 2, v2 ? 3 : 2, type);
    x.options(v2 ? tfl::options::padv2 : tfl::options::pad, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank > 4) x.op_fail("input " + x.tensor_label(input.tflite_index) + " has rank " + std::to_string(rank) + "; ctnn pads tensors of rank 1 to 4");
    const auto& data = x.constant_input(1, tensor_type::int32, "paddings");
    const int pad_index = x.op().inputs[1];
    const auto pshape = x.static_shape(pad_index);
    if (pshape != std::vector<int>{rank, 2}) {
        x.op_fail("paddings " + x.tensor_label(pad_index) + " have shape " + shape_text(pshape) + "; expected " + std::to_string(rank) + "x2");
    }
    dims64 want(input.shape.begin(), input.shape.end());
    for (int d = 0; d < rank; ++d) {
        const int before = x.load_i32(data, static_cast<std::size_t>(2 * d));
        const int after = x.load_i32(data, static_cast<std::size_t>(2 * d + 1));
        if (before < 0 || after < 0 || before > (1 << 20) || after > (1 << 20)) {
            x.op_fail("padding of dimension " + std::to_string(d) + " is " + std::to_string(before) + ", " + std::to_string(after) +
                      "; must be non-negative and at most 2^20");
        }
        l.paddings.push_back(before);
        l.paddings.push_back(after);
        want[static_cast<std::size_t>(d)] += std::int64_t{before} + after;
    }
    const ir_tensor& out = x.add_output(type);
    x.expect_shape(out, want);
    x.check_same_quantization(input, out);
    l.pad_value = out.q.zero_point;
    if (!v2 || x.op().inputs.size() < 3 || x.op().inputs[2] < 0) return;
    const bool wide = type == element::int16;
    const auto& value = x.constant_input(2, wide ? tensor_type::int16 : tensor_type::int8, "constant value");
    const int v = x.op().inputs[2];
    if (value.size() != element_bytes(type)) x.op_fail("constant value " + x.tensor_label(v) + " has " + std::to_string(value.size() / element_bytes(type)) + " elements; PADV2 takes one");
    // TFLM checks the constant's quantization for int8 only; an int16 value is taken as it is.
    const quantization vq = wide ? out.q : x.per_tensor_quantization(v);
    if (!(vq == out.q)) {
        x.op_fail("constant value " + x.tensor_label(v) + " is quantized with scale " + float_text(vq.scale) + " zp " + std::to_string(vq.zero_point) +
                  ", the output " + x.tensor_label(out.tflite_index) + " with scale " + float_text(out.q.scale) + " zp " + std::to_string(out.q.zero_point) +
                  "; TFLite requires them equal");
    }
    l.pad_value = wide ? static_cast<std::int16_t>(value[0] | (value[1] << 8)) : static_cast<std::int8_t>(value[0]);  // little-endian
}

void lower_pad(lowering& x, ir_layer& l) { lower_pad_with(x, l, false); }
void lower_padv2(lowering& x, ir_layer& l) { lower_pad_with(x, l, true); }

std::string pad_type(const model_ir&, const ir_layer& l, std::size_t) {
    std::string s = "ctnn::layers::pad<ctnn::paddings<";
    for (std::size_t i = 0; i < l.paddings.size(); ++i) s += (i ? ", " : "") + std::to_string(l.paddings[i]);
    if (l.entry != nullptr && l.entry->builtin == tfl::op::padv2) return s + ">, ctnn::fill_value<" + std::to_string(l.pad_value) + ">>";
    return s + ">>";
}

std::string pad_options(const ir_layer& l) {
    std::string s = "paddings";
    for (std::size_t i = 0; i + 1 < l.paddings.size(); i += 2) s += " " + std::to_string(l.paddings[i]) + "/" + std::to_string(l.paddings[i + 1]);
    if (l.entry != nullptr && l.entry->builtin == tfl::op::padv2) s += " value " + std::to_string(l.pad_value);
    return s;
}

}  // namespace

extern const operator_entry pad_operator;  // external linkage: operators.cpp lists it
const operator_entry pad_operator{
    .builtin = tfl::op::pad, .name = "PAD", .lower = lower_pad, .layer_type = pad_type, .traits = ctnn::layers::pad_traits,
    .options_text = pad_options,
};
extern const operator_entry padv2_operator;  // external linkage: operators.cpp lists it
const operator_entry padv2_operator{
    .builtin = tfl::op::padv2, .name = "PADV2", .lower = lower_padv2, .layer_type = pad_type, .traits = ctnn::layers::pad_traits,
    .options_text = pad_options,
};

}  // namespace ctnn_convert
