#include "emit_header.hpp"

#include <sstream>

#include "layer_stats.hpp"
#include "text.hpp"
#include "version.hpp"

namespace ctnn_convert {

namespace {

std::string shape_type(const std::vector<int>& shape) {
    std::string s = "ctnn::shape<";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + ">";
}

std::string q_name(std::size_t tensor) { return "q::t" + std::to_string(tensor); }

std::string act_type(activation a) {
    switch (a) {
        case activation::none: return "ctnn::act::none";
        case activation::relu: return "ctnn::act::relu";
        case activation::relu6: return "ctnn::act::relu6";
        case activation::relu_n1_to_1: return "ctnn::act::relu_n1_to_1";
    }
    return "";
}

std::string params_name(const ir_layer& l, std::size_t node) {
    const char* prefix = l.kind == layer_kind::conv2d ? "conv" : l.kind == layer_kind::depthwise_conv2d ? "dwconv" : "fc";
    return prefix + std::to_string(node);
}

std::string beta_name(std::size_t node) { return "softmax" + std::to_string(node) + "_beta"; }

// Writes `values` as an initializer list body, `per_line` values a line.
template <class T, class Format>
void write_list(std::ostream& out, const std::vector<T>& values, std::size_t per_line, Format format) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        out << (i % per_line == 0 ? "        " : " ") << format(values[i]) << ',';
        if (i % per_line == per_line - 1 || i + 1 == values.size()) out << '\n';
    }
}

void write_params(std::ostream& out, const ir_layer& l, std::size_t node) {
    const ir_params& p = *l.params;
    out << "// operator #" << l.op_index << " " << l.op_name << ": " << (p.weight_scales.size() > 1 ? "per-channel" : "per-tensor")
        << " weights " << shape_text(p.weight_shape) << "\n";
    out << "struct " << params_name(l, node) << " {\n";
    out << "    using weight_shape = " << shape_type(p.weight_shape) << ";\n";
    out << "    static constexpr std::int8_t weights[" << p.weights.size() << "] = {\n";
    write_list(out, p.weights, 24, [](std::int8_t v) { return std::to_string(static_cast<int>(v)); });
    out << "    };\n";
    out << "    static constexpr float weight_scales[" << p.weight_scales.size() << "] = {\n";
    write_list(out, p.weight_scales, 6, float_literal);
    out << "    };\n";
    out << "    static constexpr std::int32_t bias[" << p.bias.size() << "] = {\n";
    write_list(out, p.bias, 12, [](std::int32_t v) { return std::to_string(v); });
    out << "    };\n";
    out << "};\n\n";
}

std::string layer_type(const model_ir& m, const ir_layer& l, std::size_t node) {
    const std::string out_q = q_name(node);
    const std::string stride = "ctnn::stride<" + std::to_string(l.stride_h) + ", " + std::to_string(l.stride_w) + ">";
    const std::string padding = l.same_padding ? "ctnn::padding::same" : "ctnn::padding::valid";
    const std::string dilation = (l.dilation_h != 1 || l.dilation_w != 1)
                                     ? ", ctnn::dilation<" + std::to_string(l.dilation_h) + ", " + std::to_string(l.dilation_w) + ">"
                                     : "";
    switch (l.kind) {
        case layer_kind::quantize: return "ctnn::layers::quantize<" + out_q + ">";
        case layer_kind::dequantize: return "ctnn::layers::dequantize";
        case layer_kind::fully_connected:
            return "ctnn::layers::fully_connected<w::" + params_name(l, node) + ", " + out_q + ", " + act_type(l.act) + (l.keep_dims ? ", true" : "") + ">";
        case layer_kind::conv2d:
        case layer_kind::depthwise_conv2d:
            return std::string("ctnn::layers::") + (l.kind == layer_kind::conv2d ? "conv2d" : "depthwise_conv2d") + "<w::" + params_name(l, node) + ", " +
                   out_q + ", " + stride + ", " + padding + ", " + act_type(l.act) + dilation + ">";
        case layer_kind::average_pool2d:
        case layer_kind::max_pool2d:
            return std::string("ctnn::layers::") + (l.kind == layer_kind::average_pool2d ? "average_pool2d" : "max_pool2d") + "<ctnn::window<" +
                   std::to_string(l.filter_h) + ", " + std::to_string(l.filter_w) + ">, " + stride + ", " + padding + ", " + act_type(l.act) + ">";
        case layer_kind::add: return "ctnn::layers::add<" + out_q + ", " + act_type(l.act) + ">";
        case layer_kind::reshape: return "ctnn::layers::reshape<" + shape_type(m.tensors[node].shape) + ">";
        case layer_kind::softmax: return "ctnn::layers::softmax<" + out_q + (l.beta != 1.0f ? ", w::" + beta_name(node) : "") + ">";
        case layer_kind::pad: {
            std::string s = "ctnn::layers::pad<ctnn::paddings<";
            for (std::size_t i = 0; i < l.paddings.size(); ++i) s += (i ? ", " : "") + std::to_string(l.paddings[i]);
            return s + ">>";
        }
        case layer_kind::mean: {
            std::string axes;
            for (const int a : l.axes) axes += (axes.empty() ? "" : ", ") + std::to_string(a);
            return "ctnn::layers::mean<" + out_q + ", " + (l.keep_dims ? "true" : "false") + ", ctnn::axes<" + axes + ">>";
        }
    }
    return "";
}

}  // namespace

std::string emit_header(const model_ir& m, const std::string& source_name, const std::string& ns) {
    std::uint64_t macs = 0;
    std::size_t params = 0, flash = 0;
    for (std::size_t k = 0; k < m.layers.size(); ++k) {
        macs += layer_macs(m, k);
        params += layer_param_elements(m.layers[k]);
        flash += layer_flash_bytes(m.layers[k]);
    }
    const arena_plan plan = plan_model_arena(m);

    std::ostringstream out;
    out << "// Generated by ctnn-convert " << version << " from " << comment_text(source_name) << ". Do not edit.\n";
    out << "// " << m.layers.size() << " layers, " << params << " parameters, " << macs << " MACs per inference, flash " << flash
        << " bytes, arena " << plan.bytes << " bytes.\n";
    out << "#pragma once\n\n#include <cstdint>\n\n#include <ctnn/ctnn.hpp>\n\n";
    out << "namespace " << ns << " {\n\n";

    out << "// Quantization of the int8 activations: graph tensor 0 is the model input, tensor k the\n"
           "// output of node k. Comments give the tensor's name in the .tflite file.\n";
    out << "namespace q {\n";
    for (std::size_t t = 0; t < m.tensors.size(); ++t) {
        const ir_tensor& x = m.tensors[t];
        if (x.type != element::int8) continue;
        out << "struct t" << t << " { static constexpr float scale = " << float_literal(x.q.scale)
            << "; static constexpr std::int32_t zero_point = " << x.q.zero_point << "; };  // " << shape_text(x.shape) << " '" << comment_text(x.name) << "'\n";
    }
    out << "}  // namespace q\n\n";

    out << "// Constant parameters of the weighted layers, in TFLite's layout.\nnamespace w {\n\n";
    for (std::size_t k = 0; k < m.layers.size(); ++k) {
        const ir_layer& l = m.layers[k];
        if (l.params) write_params(out, l, k + 1);
        if (l.kind == layer_kind::softmax && l.beta != 1.0f) {
            out << "struct " << beta_name(k + 1) << " { static constexpr float value = " << float_literal(l.beta) << "; };\n\n";
        }
    }
    out << "}  // namespace w\n\n";

    const ir_tensor& input = m.tensors[0];
    // A struct, not an alias: errors and symbols name `ns::model`, not the whole graph type (a
    // deep model's run steps would otherwise carry every node in every symbol name).
    out << "struct model : ctnn::graph<\n";
    out << "    // tensor 0: model input " << shape_text(input.shape) << (input.type == element::float32 ? " float32" : " int8") << "\n";
    out << "    ctnn::input<" << shape_type(input.shape) << ", " << (input.type == element::float32 ? std::string("ctnn::float32") : q_name(0)) << ">";
    for (std::size_t k = 0; k < m.layers.size(); ++k) {
        const ir_layer& l = m.layers[k];
        const std::size_t node = k + 1;
        std::string ins;
        for (const int i : l.inputs) ins += (ins.empty() ? "" : " + ") + shape_text(m.tensors[static_cast<std::size_t>(i)].shape);
        const std::string opts = layer_options_text(l);
        out << ",\n    // tensor " << node << ": operator #" << l.op_index << " " << l.op_name << " " << ins << " -> " << shape_text(m.tensors[node].shape)
            << (opts.empty() ? "" : ", " + opts);
        if (l.params) out << ", params " << layer_param_elements(l) << ", MACs " << layer_macs(m, k);
        out << "\n    ctnn::node<" << layer_type(m, l, node);
        for (const int i : l.inputs) out << ", " << i;
        out << ">";
    }
    out << "\n> {};\n\n}  // namespace " << ns << "\n";
    return out.str();
}

}  // namespace ctnn_convert
