// RESHAPE: the new shape comes from the shape operand as TFLite's Prepare reads it (the second
// input when it is a 1-D int32 tensor, else ReshapeOptions.new_shape; at most one -1 entry,
// inferred from the element count), and must agree with the output tensor's shape, so that
// the model ctnn runs is the one TFLite runs.
#include <optional>

#include <ctnn/core/shape.hpp>

#include <ctnn/layers/reshape.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

std::string entries_text(const std::vector<std::int32_t>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}

// The shape the operand asks for, resolved against the input's element count; nullopt when the
// operator gives no shape at all (then the output tensor's shape is taken, as TFLM does).
std::optional<dims64> reshape_target(const lowering& x, const ir_tensor& input) {
    const auto& op = x.op();
    std::vector<std::int32_t> entries;
    std::string source;
    bool legacy_scalar_allowed = false;
    if (op.inputs.size() == 2 && op.inputs[1] >= 0) {
        const int index = op.inputs[1];
        const tfl_tensor& t = x.model().tensors[static_cast<std::size_t>(index)];
        if (t.type != static_cast<int>(tfl::tensor_type::int32) || t.shape.size() != 1) {
            x.op_fail("shape operand " + x.tensor_label(index) + " is a " + tfl::tensor_type_name(t.type) + " tensor of shape " + shape_text({t.shape.begin(), t.shape.end()}) +
                      "; ctnn needs a 1-D int32 constant");
        }
        const auto& data = x.constant_input(1, tfl::tensor_type::int32, "shape operand");
        for (std::size_t i = 0; i < data.size() / 4; ++i) entries.push_back(x.load_i32(data, i));
        source = "shape operand " + x.tensor_label(index) + " " + entries_text(entries);
    } else if (op.options.type == tfl::options::reshape && op.options.has_new_shape) {
        entries = op.options.new_shape;
        source = "new_shape option " + entries_text(entries);
        legacy_scalar_allowed = true;
    } else {
        return std::nullopt;
    }
    // Legacy models write [0] in new_shape for a scalar.
    if (legacy_scalar_allowed && entries == std::vector<std::int32_t>{0}) entries.clear();

    int stretch = -1;
    std::int64_t known = 1;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::int32_t v = entries[i];
        if (v == -1) {
            if (stretch >= 0) x.op_fail(source + " has more than one -1 entry; at most one dimension can be inferred");
            stretch = static_cast<int>(i);
        } else if (v <= 0) {
            x.op_fail(source + " has entry " + std::to_string(v) + " at position " + std::to_string(i) + "; entries must be positive or -1");
        } else {
            known *= v;
            if (known > static_cast<std::int64_t>(ctnn::max_tensor_bytes)) {
                x.op_fail(source + " asks for more than " + std::to_string(ctnn::max_tensor_bytes) + " elements; the input " + x.tensor_label(input.tflite_index) +
                          " has " + std::to_string(input.elements()));
            }
        }
    }
    const auto elements = static_cast<std::int64_t>(input.elements());
    dims64 dims(entries.begin(), entries.end());
    if (stretch >= 0) {
        if (elements % known != 0) {
            x.op_fail(source + ": the -1 entry cannot be inferred: the input " + x.tensor_label(input.tflite_index) + "'s " + std::to_string(elements) +
                      " elements do not divide by " + std::to_string(known));
        }
        dims[static_cast<std::size_t>(stretch)] = elements / known;
        known = elements;
    }
    if (known != elements) {
        x.op_fail(source + " has " + std::to_string(known) + " elements, the input " + x.tensor_label(input.tflite_index) + " " + shape_text(input.shape) + " has " +
                  std::to_string(elements));
    }
    return dims;
}

void lower_reshape(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 1, 2, type);
    x.options(tfl::options::reshape, false);
    const ir_tensor input = x.graph_tensor(in);
    const std::optional<dims64> target = reshape_target(x, input);
    const ir_tensor& out = x.add_output(type);
    if (out.elements() != input.elements()) {
        x.op_fail("output " + x.tensor_label(out.tflite_index) + " " + shape_text(out.shape) + " has " + std::to_string(out.elements()) + " elements, the input " +
                  shape_text(input.shape) + " has " + std::to_string(input.elements()));
    }
    if (target) x.expect_shape(out, *target, "the shape operand's");
    x.check_same_quantization(input, out);
}

std::string reshape_type(const model_ir& m, const ir_layer&, std::size_t node) { return "ctnn::layers::reshape<" + shape_type(m.tensors[node].shape) + ">"; }

}  // namespace

extern const operator_entry reshape_operator;  // external linkage: operators.cpp lists it
const operator_entry reshape_operator{
    .builtin = tfl::op::reshape, .name = "RESHAPE", .lower = lower_reshape, .layer_type = reshape_type,
    .traits = ctnn::layers::reshape_traits,
};

}  // namespace ctnn_convert
