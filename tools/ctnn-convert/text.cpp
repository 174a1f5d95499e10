#include "text.hpp"

#include <cstdio>

namespace ctnn_convert {

std::string shape_text(const std::vector<int>& shape) {
    std::string s;
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "x" : "") + std::to_string(shape[i]);
    return s.empty() ? "scalar" : s;
}

std::string float_text(float value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(value));
    return buf;
}

std::string float_literal(float value) {
    std::string s = float_text(value);
    if (s.find_first_of(".en") == std::string::npos) s += ".0";  // "1" -> "1.0" so that "f" makes a literal
    return s + "f";
}

std::string comment_text(const std::string& text) {
    std::string s = text;
    // A backslash at the end of a // comment would continue it onto the next line.
    for (char& c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') c = '?';
    }
    return s;
}

std::string activation_text(activation act) {
    switch (act) {
        case activation::none: return "NONE";
        case activation::relu: return "RELU";
        case activation::relu6: return "RELU6";
        case activation::relu_n1_to_1: return "RELU_N1_TO_1";
    }
    return "?";
}

std::string layer_options_text(const ir_layer& l) {
    const auto pair = [](int a, int b) { return std::to_string(a) + "x" + std::to_string(b); };
    const std::string padding = l.same_padding ? "SAME" : "VALID";
    switch (l.kind) {
        case layer_kind::conv2d:
        case layer_kind::depthwise_conv2d: {
            const auto& ws = l.params->weight_shape;
            std::string s = "kernel " + pair(ws[1], ws[2]) + " stride " + pair(l.stride_h, l.stride_w);
            if (l.dilation_h != 1 || l.dilation_w != 1) s += " dilation " + pair(l.dilation_h, l.dilation_w);
            s += " " + padding + " " + activation_text(l.act);
            s += l.params->weight_scales.size() > 1 ? " per-channel" : " per-tensor";
            return s;
        }
        case layer_kind::fully_connected:
            return "weights " + shape_text(l.params->weight_shape) + " " + activation_text(l.act) + (l.keep_dims ? " keep_dims" : "") +
                   (l.params->weight_scales.size() > 1 ? " per-channel" : " per-tensor");
        case layer_kind::average_pool2d:
        case layer_kind::max_pool2d:
            return "window " + pair(l.filter_h, l.filter_w) + " stride " + pair(l.stride_h, l.stride_w) + " " + padding + " " + activation_text(l.act);
        case layer_kind::add: return activation_text(l.act);
        case layer_kind::softmax: return "beta " + float_text(l.beta);
        case layer_kind::pad: {
            std::string s = "paddings";
            for (std::size_t i = 0; i + 1 < l.paddings.size(); i += 2) {
                s += " " + std::to_string(l.paddings[i]) + "/" + std::to_string(l.paddings[i + 1]);
            }
            return s;
        }
        case layer_kind::mean: {
            std::string axes = "axes ";
            for (std::size_t i = 0; i < l.axes.size(); ++i) axes += (i ? "," : "") + std::to_string(l.axes[i]);
            return axes + (l.keep_dims ? " keep_dims" : "");
        }
        case layer_kind::quantize:
        case layer_kind::dequantize:
        case layer_kind::reshape: return "";
    }
    return "";
}

}  // namespace ctnn_convert
