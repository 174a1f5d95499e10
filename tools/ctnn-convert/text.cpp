#include "text.hpp"

#include <cstdio>

#include "operators.hpp"

namespace ctnn_convert {

std::string shape_text(const std::vector<int>& shape) {
    std::string s;
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "x" : "") + std::to_string(shape[i]);
    return s.empty() ? "scalar" : s;
}

std::string float_text(float value) { return real_text(static_cast<double>(value)); }

std::string real_text(double value) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.9g", value);
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

std::string layer_options_text(const ir_layer& l) { return l.entry->options_text ? l.entry->options_text(l) : ""; }

}  // namespace ctnn_convert
