#include "custom_ops.hpp"

#include <sstream>

#include "convert_error.hpp"

namespace ctnn_convert {

namespace {

bool is_op_name(const std::string& s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '/')) return false;
    return true;
}

// A qualified C++ name: identifiers joined by ::, optionally starting with ::.
bool is_type_name(std::string s) {
    if (s.rfind("::", 0) == 0) s.erase(0, 2);
    std::size_t at = 0;
    for (;;) {
        const std::size_t sep = s.find("::", at);
        const std::string part = s.substr(at, sep == std::string::npos ? std::string::npos : sep - at);
        if (part.empty() || (part[0] >= '0' && part[0] <= '9')) return false;
        for (const char c : part)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        if (sep == std::string::npos) return true;
        at = sep + 2;
    }
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

custom_op_mapping parse_custom_mapping(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos) fail("custom operator mapping '" + text + "' is not OP=TYPE");
    custom_op_mapping m{trim(text.substr(0, eq)), trim(text.substr(eq + 1))};
    if (!is_op_name(m.op)) fail("custom operator mapping '" + text + "': '" + m.op + "' is not an operator name");
    if (!is_type_name(m.layer_type)) fail("custom operator mapping '" + text + "': '" + m.layer_type + "' is not a C++ type name (a::b::layer)");
    return m;
}

custom_ops parse_custom_map_file(const std::string& text) {
    custom_ops out;
    std::istringstream in(text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const auto hash = line.find('#');
        if (hash != std::string::npos) line.resize(hash);
        line = trim(line);
        if (line.empty()) continue;
        if (line.rfind("include ", 0) == 0) {
            std::string header = trim(line.substr(8));
            if (header.size() >= 2 && (header.front() == '"' || header.front() == '<')) header = header.substr(1, header.size() - 2);
            if (header.empty() || header.find_first_of("\"<>\n") != std::string::npos) fail("custom map line " + std::to_string(number) + ": bad header name");
            out.includes.push_back(header);
            continue;
        }
        const auto space = line.find_first_of(" \t=");
        if (space == std::string::npos) fail("custom map line " + std::to_string(number) + ": expected 'OP TYPE' or 'include HEADER'");
        std::string rest = trim(line.substr(space + 1));
        if (!rest.empty() && rest[0] == '=') rest = trim(rest.substr(1));
        try {
            out.ops.push_back(parse_custom_mapping(line.substr(0, space) + "=" + rest));
        } catch (const convert_error& e) {
            fail("custom map line " + std::to_string(number) + ": " + e.what());
        }
    }
    return out;
}

}  // namespace ctnn_convert
