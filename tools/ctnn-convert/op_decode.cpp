// TFLM_DECODE with the LUT decode type, evaluated at conversion time (op_decode.hpp). The format
// is the one TFLM's decoder (kernels/decode.cc, decode_state_lut.cc) reads:
//   ancillary byte 0     decode type (0: LUT; 1 Huffman, 2 prune, 127/128+ custom are refused)
//   ancillary byte 1     DECODE common metadata version: 1
//   ancillary byte 4     LUT version: 1
//   ancillary byte 5     low 3 bits: index bit width, 1..7 (the upper bits TFLM ignores)
//   ancillary byte 6     value table channel stride, in elements
//   ancillary byte 16..  the value tables, `stride` elements of the output's type per channel
//   encoded              the indices, one continuous big-endian bit stream (element 0 in the most
//                        significant bits of byte 0), not restarted per channel
// Which tables: the output's quantization. Several scales on the last axis: channels interleave
// (element e uses table e % channels); several on axis 0: contiguous blocks; otherwise one table.
#include "op_decode.hpp"

#include <algorithm>
#include <string>

#include "convert_error.hpp"
#include "tflite_schema.hpp"

namespace ctnn_convert {

namespace {

constexpr std::size_t dcm_bytes = 16;
constexpr std::uint8_t decode_type_lut = 0, decode_type_huffman = 1, decode_type_prune = 2;

std::size_t read_index(std::span<const std::uint8_t> encoded, std::size_t element, int bits) {
    std::size_t value = 0;
    const std::size_t first = element * static_cast<std::size_t>(bits);
    for (std::size_t b = first; b < first + static_cast<std::size_t>(bits); ++b) value = (value << 1) | ((encoded[b >> 3] >> (7 - (b & 7))) & 1u);
    return value;
}

std::string type_text(std::uint8_t type) {
    switch (type) {
        case decode_type_huffman: return "1 (Huffman)";
        case decode_type_prune: return "2 (prune)";
        default: return std::to_string(type) + (type >= 127 ? " (custom)" : "");
    }
}

}  // namespace

std::vector<std::uint8_t> decode_lut(std::span<const std::uint8_t> encoded, std::span<const std::uint8_t> ancillary, std::size_t count,
                                     std::size_t channels, bool channels_last, std::size_t element_bytes) {
    if (ancillary.size() < dcm_bytes) {
        fail("ancillary data holds " + std::to_string(ancillary.size()) + " bytes; the DECODE common metadata alone is " + std::to_string(dcm_bytes));
    }
    if (ancillary[0] != decode_type_lut) fail("decode type " + type_text(ancillary[0]) + " is not supported; ctnn decodes look-up tables (type 0) only");
    if (ancillary[1] != 1) fail("DECODE common metadata version " + std::to_string(ancillary[1]) + " is not supported; TFLM reads version 1");
    if (ancillary[4] != 1) fail("LUT version " + std::to_string(ancillary[4]) + " is not supported; TFLM reads version 1");
    const int bits = ancillary[5] & 0x07;
    if (bits == 0) fail("LUT index bit width is 0; TFLM decodes 1 to 7 bits");
    const std::size_t stride = ancillary[6];
    if (channels == 0 || count % channels != 0) {
        // TFLM would leave the remainder undecoded (first axis) or run past the output (last axis).
        fail(std::to_string(count) + " elements do not split into " + std::to_string(channels) + " channels' value tables");
    }
    const std::size_t tables = dcm_bytes + channels * stride * element_bytes;
    if (ancillary.size() < tables) {
        fail("ancillary data holds " + std::to_string(ancillary.size()) + " bytes; " + std::to_string(channels) + " value tables of " +
             std::to_string(stride) + " " + std::to_string(element_bytes) + "-byte entries after the metadata need " + std::to_string(tables));
    }
    const std::size_t need = (count * static_cast<std::size_t>(bits) + 7) / 8;
    if (encoded.size() < need) {
        fail("encoded tensor holds " + std::to_string(encoded.size()) + " bytes; " + std::to_string(count) + " indices of " + std::to_string(bits) +
             " bits need " + std::to_string(need));
    }
    const std::size_t per_channel = count / channels;
    std::vector<std::uint8_t> out(count * element_bytes);
    for (std::size_t e = 0; e < count; ++e) {
        const std::size_t channel = channels_last ? e % channels : e / per_channel;
        const std::size_t index = read_index(encoded, e, bits);
        // TFLM would read the next channel's table (or past the data): a malformed model.
        if (index >= stride) {
            fail("index " + std::to_string(index) + " of element " + std::to_string(e) + " is outside its channel's value table of " +
                 std::to_string(stride) + " entries");
        }
        const std::size_t at = dcm_bytes + (channel * stride + index) * element_bytes;
        std::copy_n(ancillary.begin() + static_cast<std::ptrdiff_t>(at), element_bytes, out.begin() + static_cast<std::ptrdiff_t>(e * element_bytes));
    }
    return out;
}

bool has_decode(const tfl_model& m) {
    return std::any_of(m.operators.begin(), m.operators.end(),
                       [](const tfl_operator& op) { return op.builtin_code == tfl::op::custom && op.custom_code == decode_custom_code; });
}

namespace {

using tfl::tensor_type;

std::string label(const tfl_model& m, int index) {
    const auto& name = m.tensors[static_cast<std::size_t>(index)].name;
    return name.empty() ? "tensor #" + std::to_string(index) : "tensor '" + name + "'";
}

bool constant(const tfl_model& m, int index) {
    const tfl_tensor& t = m.tensors[static_cast<std::size_t>(index)];
    return t.buffer != 0 && !m.buffers[t.buffer].empty();
}

// The element sizes TFLM's LUT decoder writes (DecodeStateLut::Decode's types).
std::size_t decoded_element_bytes(int type) {
    switch (static_cast<tensor_type>(type)) {
        case tensor_type::boolean:
        case tensor_type::int8: return 1;
        case tensor_type::int16: return 2;
        case tensor_type::float32:
        case tensor_type::int32: return 4;
        case tensor_type::int64: return 8;
        default: return 0;
    }
}

// The inputs a decoded tensor may feed: the constant weights and bias of the weighted layers.
// Anything else would need a run-time DECODE, which ctnn does not have.
bool weight_slot(int builtin, std::size_t slot) {
    switch (builtin) {
        case tfl::op::conv_2d:
        case tfl::op::depthwise_conv_2d:
        case tfl::op::fully_connected: return slot == 1 || slot == 2;
        case tfl::op::transpose_conv: return slot == 1 || slot == 3;
        default: return false;
    }
}

void fold_one(const tfl_model& in, tfl_model& out, std::size_t k) {
    const tfl_operator& op = in.operators[k];
    const std::string where = "operator #" + std::to_string(k) + " " + decode_custom_code + ": ";
    auto fail_op = [&](const std::string& what) { fail(where + what); };
    if (op.outputs.empty() || op.inputs.size() != 2 * op.outputs.size()) {
        fail_op("has " + std::to_string(op.inputs.size()) + " inputs and " + std::to_string(op.outputs.size()) +
                " outputs; DECODE takes an (encoded, ancillary data) pair per output");
    }
    for (std::size_t j = 0; j < op.outputs.size(); ++j) {
        const int enc = op.inputs[2 * j], anc = op.inputs[2 * j + 1], res = op.outputs[j];
        if (enc < 0 || anc < 0 || res < 0) fail_op("leaves out input or output of pair #" + std::to_string(j));
        if (!constant(in, enc)) fail_op("encoded " + label(in, enc) + " is not a constant; ctnn decodes constant tensors only, at conversion time");
        if (!constant(in, anc)) fail_op("ancillary data " + label(in, anc) + " is not a constant; ctnn decodes constant tensors only, at conversion time");
        const tfl_tensor& t = in.tensors[static_cast<std::size_t>(res)];
        if (constant(in, res)) fail_op("writes the constant " + label(in, res));
        if (std::count(op.outputs.begin(), op.outputs.end(), res) != 1) fail_op("writes " + label(in, res) + " more than once");
        const std::size_t element_bytes = decoded_element_bytes(t.type);
        if (element_bytes == 0) {
            fail_op("output " + label(in, res) + " is " + tfl::tensor_type_name(t.type) + "; TFLM's LUT decoder writes bool, int8, int16, int32, int64 or float32");
        }
        // Where the decoded tensor goes: only into weighted layers' weights and biases, after the
        // DECODE (TFLM runs operators in order), never out of the model.
        if (std::find(in.outputs.begin(), in.outputs.end(), res) != in.outputs.end() ||
            std::find(in.inputs.begin(), in.inputs.end(), res) != in.inputs.end()) {
            fail_op("output " + label(in, res) + " is a model input or output; ctnn folds a DECODE only into the weights and biases of CONV_2D, "
                    "DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV");
        }
        for (std::size_t c = 0; c < in.operators.size(); ++c) {
            const tfl_operator& user = in.operators[c];
            for (std::size_t s = 0; s < user.inputs.size(); ++s) {
                if (user.inputs[s] != res) continue;
                if (!weight_slot(user.builtin_code, s)) {
                    fail_op("output " + label(in, res) + " feeds input #" + std::to_string(s) + " of operator #" + std::to_string(c) + " " +
                            (user.builtin_code == tfl::op::custom ? user.custom_code : tfl::operator_name(user.builtin_code)) +
                            "; ctnn folds a DECODE only into the weights and biases of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV");
                }
                if (c < k) fail_op("output " + label(in, res) + " is read by operator #" + std::to_string(c) + ", which runs before the DECODE");
            }
            if (c != k && std::find(user.outputs.begin(), user.outputs.end(), res) != user.outputs.end()) {
                fail_op("output " + label(in, res) + " is also written by operator #" + std::to_string(c));
            }
        }
        // The shape and the value tables' channels, as TFLM's DecodeStateLut::Setup derives them.
        std::size_t count = 1;
        for (const auto d : t.shape) {
            if (d <= 0) fail_op("output " + label(in, res) + " has a dimension of " + std::to_string(d) + "; every dimension must be positive");
            count *= static_cast<std::size_t>(d);
            if (count * element_bytes > (std::size_t{1} << 31)) fail_op("output " + label(in, res) + " is too large to decode");
        }
        std::size_t channels = 1;
        bool channels_last = false;
        if (t.quantization && !t.quantization->scale.empty()) {
            const int axis = t.quantization->quantized_dimension;
            channels = t.quantization->scale.size();
            if (axis == static_cast<int>(t.shape.size()) - 1 && channels > 1) {
                channels_last = true;
            } else if (axis != 0) {
                fail_op("output " + label(in, res) + " is quantized along axis " + std::to_string(axis) +
                        "; TFLM's LUT decoder keeps per-channel tables along the first or the last axis only");
            }
        }
        try {
            out.buffers.push_back(decode_lut(in.buffers[in.tensors[static_cast<std::size_t>(enc)].buffer],
                                             in.buffers[in.tensors[static_cast<std::size_t>(anc)].buffer], count, channels, channels_last,
                                             element_bytes));
        } catch (const convert_error& e) {
            fail_op("output " + label(in, res) + ": " + e.what());
        }
        out.tensors[static_cast<std::size_t>(res)].buffer = static_cast<std::uint32_t>(out.buffers.size() - 1);
    }
    out.operators[k].folded = true;
}

}  // namespace

tfl_model fold_decode(const tfl_model& m) {
    tfl_model out = m;
    for (std::size_t k = 0; k < m.operators.size(); ++k) {
        const tfl_operator& op = m.operators[k];
        if (op.builtin_code == tfl::op::custom && op.custom_code == decode_custom_code) fold_one(m, out, k);
    }
    return out;
}

}  // namespace ctnn_convert
