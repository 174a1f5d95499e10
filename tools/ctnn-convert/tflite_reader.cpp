// The .tflite reader: walks the FlatBuffers tables of schema.fbs (see tflite_schema.hpp).
#include <algorithm>
#include <array>
#include <limits>
#include <variant>

#include "convert_error.hpp"
#include "flatbuffer.hpp"
#include "tflite_model.hpp"
#include "tflite_schema.hpp"

namespace ctnn_convert {

namespace {

template <class T>
std::vector<T> read_vector(const fb::table& t, int field) {
    const fb::vector v = t.vec(field, sizeof(T));
    std::vector<T> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(v.at<T>(i));
    return out;
}

tfl_quantization read_quantization(const fb::table& q) {
    tfl_quantization out;
    out.scale = read_vector<float>(q, tfl::quantization_field::scale);
    out.zero_point = read_vector<std::int64_t>(q, tfl::quantization_field::zero_point);
    out.quantized_dimension = q.scalar<std::int32_t>(tfl::quantization_field::quantized_dimension, 0);
    out.has_details = q.scalar<std::uint8_t>(tfl::quantization_field::details_type, 0) != 0;
    return out;
}

tfl_tensor read_tensor(const fb::table& t) {
    namespace f = tfl::tensor_field;
    tfl_tensor out;
    out.name = t.string(f::name);
    out.shape = read_vector<std::int32_t>(t, f::shape);
    out.shape_signature = read_vector<std::int32_t>(t, f::shape_signature);
    out.type = t.scalar<std::int8_t>(f::type, 0);
    out.buffer = t.scalar<std::uint32_t>(f::buffer, 0);
    if (t.has(f::quantization)) out.quantization = read_quantization(t.sub_table(f::quantization, "quantization of " + t.what()));
    out.is_variable = t.scalar<bool>(f::is_variable, false);
    out.is_sparse = t.has(f::sparsity);
    return out;
}

// A scalar field of an options table: how the file stores it, its schema default, and the
// tfl_options member it fills.
template <class Stored, class Member>
struct stored_field {
    Member tfl_options::*member;
    Stored fallback;
    void read(const fb::table& o, int id, tfl_options& out) const { out.*member = o.scalar<Stored>(id, fallback); }
};
struct unread_field {  // a field ctnn does not read
    void read(const fb::table&, int, tfl_options&) const {}
};
using option_field = std::variant<unread_field, stored_field<std::int8_t, int>, stored_field<std::int32_t, int>, stored_field<bool, bool>,
                                  stored_field<float, float>>;

constexpr option_field byte_field(int tfl_options::*member) { return stored_field<std::int8_t, int>{member, 0}; }
constexpr option_field int_field(int tfl_options::*member, std::int32_t fallback = 0) { return stored_field<std::int32_t, int>{member, fallback}; }
constexpr option_field flag_field(bool tfl_options::*member) { return stored_field<bool, bool>{member, false}; }

constexpr option_field padding = byte_field(&tfl_options::padding), activation = byte_field(&tfl_options::activation),
                       stride_w = int_field(&tfl_options::stride_w), stride_h = int_field(&tfl_options::stride_h),
                       dilation_w = int_field(&tfl_options::dilation_w, 1), dilation_h = int_field(&tfl_options::dilation_h, 1),
                       bias_type = byte_field(&tfl_options::quantized_bias_type);

// The scalar fields of each options table ctnn reads, listed as schema.fbs declares them: a
// field's id is its position. They are read in that order, so that a malformed table fails on
// its first bad field.
struct options_layout {
    int type;  // tfl::options
    std::array<option_field, 7> fields;
};
constexpr options_layout options_layouts[] = {
    {tfl::options::conv2d, {padding, stride_w, stride_h, activation, dilation_w, dilation_h, bias_type}},
    {tfl::options::depthwise_conv2d, {padding, stride_w, stride_h, int_field(&tfl_options::depth_multiplier), activation, dilation_w, dilation_h}},
    {tfl::options::pool2d, {padding, stride_w, stride_h, int_field(&tfl_options::filter_w), int_field(&tfl_options::filter_h), activation}},
    // asymmetric_quantize_inputs (field 3) only matters for float inputs, which ctnn rejects.
    {tfl::options::fully_connected, {activation, byte_field(&tfl_options::weights_format), flag_field(&tfl_options::keep_num_dims), unread_field{}, bias_type}},
    {tfl::options::softmax, {stored_field<float, float>{&tfl_options::beta, 0.0f}}},
    {tfl::options::add, {activation}},
    {21, {activation}},  // MulOptions
    {28, {activation}},  // SubOptions (pot_scale_int16: int16 only)
    {tfl::options::reducer, {flag_field(&tfl_options::keep_dims)}},
    {tfl::options::concatenation, {int_field(&tfl_options::axis), activation}},
    {tfl::options::pack, {int_field(&tfl_options::count), int_field(&tfl_options::axis)}},
    {tfl::options::split, {int_field(&tfl_options::count)}},
    {tfl::options::split_v, {int_field(&tfl_options::count)}},
    {tfl::options::unpack, {int_field(&tfl_options::count), int_field(&tfl_options::axis)}},
    // new_height and new_width (fields 0 and 1) are deprecated: the size is the second input.
    {tfl::options::resize_bilinear, {unread_field{}, unread_field{}, flag_field(&tfl_options::align_corners), flag_field(&tfl_options::half_pixel_centers)}},
    {tfl::options::resize_nearest_neighbor, {flag_field(&tfl_options::align_corners), flag_field(&tfl_options::half_pixel_centers)}},
    {tfl::options::space_to_depth, {int_field(&tfl_options::block_size)}},
    {tfl::options::depth_to_space, {int_field(&tfl_options::block_size)}},
    {tfl::options::strided_slice,
     {int_field(&tfl_options::begin_mask), int_field(&tfl_options::end_mask), int_field(&tfl_options::ellipsis_mask),
      int_field(&tfl_options::new_axis_mask), int_field(&tfl_options::shrink_axis_mask), flag_field(&tfl_options::offset)}},
    {tfl::options::gather, {int_field(&tfl_options::axis), int_field(&tfl_options::batch_dims)}},
    {tfl::options::mirror_pad, {byte_field(&tfl_options::mirror_mode)}},
    {tfl::options::l2_norm, {activation}},
    {tfl::options::leaky_relu, {stored_field<float, float>{&tfl_options::alpha, 0.0f}}},
    {tfl::options::transpose_conv, {padding, stride_w, stride_h, activation, bias_type}},
    // asymmetric_quantize_inputs (field 2) only matters for float inputs, which ctnn rejects.
    {tfl::options::batch_matmul, {flag_field(&tfl_options::adj_x), flag_field(&tfl_options::adj_y)}},
    // asymmetric_quantize_inputs (field 2) only matters for float inputs, which ctnn rejects.
    {tfl::options::svdf, {int_field(&tfl_options::rank), activation}},
    // asymmetric_quantize_inputs (4) and diagonal_recurrent_tensors (5): hybrid and float only.
    {tfl::options::unidirectional_sequence_lstm,
     {activation, stored_field<float, float>{&tfl_options::cell_clip, 0.0f}, stored_field<float, float>{&tfl_options::proj_clip, 0.0f},
      flag_field(&tfl_options::time_major)}},
};

tfl_options read_options(int type, const fb::table& o) {
    tfl_options out;
    out.type = type;
    for (const options_layout& layout : options_layouts) {
        if (layout.type != type) continue;
        for (std::size_t id = 0; id < layout.fields.size(); ++id) {
            std::visit([&](const auto& field) { field.read(o, static_cast<int>(id), out); }, layout.fields[id]);
        }
    }
    if (type == tfl::options::reshape) {  // the one vector option
        out.has_new_shape = o.has(tfl::reshape_options::new_shape);
        out.new_shape = read_vector<std::int32_t>(o, tfl::reshape_options::new_shape);
    }
    if (type == tfl::options::squeeze) out.squeeze_dims = read_vector<std::int32_t>(o, tfl::squeeze_options::squeeze_dims);
    // Other types have no field ctnn reads (or are unsupported: lower.cpp says so).
    return out;
}

tfl_operator read_operator(const fb::table& t, const std::vector<int>& codes, const std::vector<std::string>& custom_codes,
                           std::size_t op_index) {
    namespace f = tfl::operator_field;
    tfl_operator out;
    const auto opcode = t.scalar<std::uint32_t>(f::opcode_index, 0);
    if (opcode >= codes.size()) {
        fail("operator #" + std::to_string(op_index) + ": uses operator code #" + std::to_string(opcode) + ", but the model has " +
             std::to_string(codes.size()));
    }
    out.builtin_code = codes[opcode];
    out.custom_code = custom_codes[opcode];
    out.inputs = read_vector<std::int32_t>(t, f::inputs);
    out.outputs = read_vector<std::int32_t>(t, f::outputs);
    const int options_type = t.scalar<std::uint8_t>(f::builtin_options_type, 0);
    if (options_type != 0 && t.has(f::builtin_options)) {
        out.options = read_options(options_type, t.sub_table(f::builtin_options, "options of " + t.what()));
    } else {
        out.options.type = options_type;  // a type without a table: the schema's defaults
    }
    out.options_2_type = t.scalar<std::uint8_t>(f::builtin_options_2_type, 0);
    out.custom_options = read_vector<std::uint8_t>(t, f::custom_options);
    out.has_custom_options = !out.custom_options.empty();
    out.has_intermediates = t.vec(f::intermediates, 4).size() != 0;
    return out;
}

void check_tensor_index(std::int32_t index, std::size_t tensor_count, bool optional_allowed, const std::string& where) {
    if (index == -1 && optional_allowed) return;
    if (index < 0 || static_cast<std::size_t>(index) >= tensor_count) {
        fail(where + " refers to tensor #" + std::to_string(index) + ", but the subgraph has " + std::to_string(tensor_count) + " tensors");
    }
}

}  // namespace

tfl_model read_tflite(std::span<const std::uint8_t> file) {
    const fb::buffer buf(file);
    const fb::table root = buf.root(tfl::file_identifier, "model");
    tfl_model model;

    model.version = root.scalar<std::uint32_t>(tfl::model_field::version, 0);
    if (model.version != tfl::schema_version) {
        fail("unsupported schema version " + std::to_string(model.version) + "; only version " + std::to_string(tfl::schema_version) +
             " is supported");
    }

    // Operator codes: TFLite takes the larger of the old byte field and the new int field.
    std::vector<int> codes;
    std::vector<std::string> custom_codes;
    const fb::vector code_tables = root.vec(tfl::model_field::operator_codes, 4);
    for (std::size_t i = 0; i < code_tables.size(); ++i) {
        const fb::table c = code_tables.table_at(i, "operator code #" + std::to_string(i));
        const int deprecated = c.scalar<std::int8_t>(tfl::operator_code_field::deprecated_builtin_code, 0);
        const int builtin = c.scalar<std::int32_t>(tfl::operator_code_field::builtin_code, 0);
        codes.push_back(std::max(deprecated, builtin));
        custom_codes.push_back(c.string(tfl::operator_code_field::custom_code));
    }

    const fb::vector buffers = root.vec(tfl::model_field::buffers, 4);
    for (std::size_t i = 0; i < buffers.size(); ++i) {
        const std::string what = "buffer #" + std::to_string(i);
        const fb::table b = buffers.table_at(i, what);
        const auto inline_data = b.vec(tfl::buffer_field::data, 1).raw();
        const auto offset = b.scalar<std::uint64_t>(tfl::buffer_field::offset, 0);
        const auto size = b.scalar<std::uint64_t>(tfl::buffer_field::size, 0);
        if (offset > 1) {
            // Data stored after the flatbuffer (models over 2 GB use this; offset is from the file start).
            if (offset > file.size() || size > file.size() - offset) {
                fail("offset " + std::to_string(offset) + " (+" + std::to_string(size) + " bytes) out of range (file is " +
                     std::to_string(file.size()) + " bytes) reading " + what);
            }
            const auto external = buf.bytes(static_cast<std::size_t>(offset), static_cast<std::size_t>(size), what);
            model.buffers.emplace_back(external.begin(), external.end());
        } else {
            model.buffers.emplace_back(inline_data.begin(), inline_data.end());
        }
    }

    const fb::vector subgraphs = root.vec(tfl::model_field::subgraphs, 4);
    model.subgraph_count = subgraphs.size();
    if (subgraphs.size() == 0) fail("model has no subgraph");
    if (subgraphs.size() != 1) fail("model has " + std::to_string(subgraphs.size()) + " subgraphs; only 1 is supported");
    const fb::table sg = subgraphs.table_at(0, "subgraph #0");

    const fb::vector tensors = sg.vec(tfl::subgraph_field::tensors, 4);
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        tfl_tensor t = read_tensor(tensors.table_at(i, "tensor #" + std::to_string(i)));
        if (t.buffer >= model.buffers.size() && !(t.buffer == 0 && model.buffers.empty())) {
            fail("tensor #" + std::to_string(i) + " '" + t.name + "' refers to buffer #" + std::to_string(t.buffer) + ", but the model has " +
                 std::to_string(model.buffers.size()) + " buffers");
        }
        model.tensors.push_back(std::move(t));
    }
    const std::size_t n = model.tensors.size();
    model.inputs = read_vector<std::int32_t>(sg, tfl::subgraph_field::inputs);
    model.outputs = read_vector<std::int32_t>(sg, tfl::subgraph_field::outputs);
    for (const auto i : model.inputs) check_tensor_index(i, n, false, "model input");
    for (const auto i : model.outputs) check_tensor_index(i, n, false, "model output");

    const fb::vector ops = sg.vec(tfl::subgraph_field::operators, 4);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        tfl_operator op = read_operator(ops.table_at(i, "operator #" + std::to_string(i)), codes, custom_codes, i);
        const std::string where = "operator #" + std::to_string(i) + " " + tfl::operator_name(op.builtin_code) + ":";
        for (const auto t : op.inputs) check_tensor_index(t, n, true, where);
        for (const auto t : op.outputs) check_tensor_index(t, n, false, where);
        model.operators.push_back(std::move(op));
    }
    return model;
}

}  // namespace ctnn_convert
