#include "cli.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>

#include "convert_error.hpp"
#include "custom_ops.hpp"
#include "emit_header.hpp"
#include "lower.hpp"
#include "arena_svg.hpp"
#include "summary.hpp"
#include "tflite_model.hpp"
#include "version.hpp"

namespace ctnn_convert {

namespace {

constexpr std::string_view usage =
    "usage: ctnn-convert [options] model.tflite\n"
    "\n"
    "Converts an int8-quantized TensorFlow Lite model into a self-contained C++ header for ctnn.\n"
    "\n"
    "options:\n"
    "  -o FILE           write the header (or summary) to FILE instead of standard output\n"
    "  --namespace NS    namespace of the generated code (default: the model file's stem)\n"
    "  --summary         print the per-layer table (shapes, parameters, MACs, arena offsets)\n"
    "                    ending with the lines 'tflite_param_bytes: N' and 'arena_bytes: N'\n"
    "  --svg             draw the arena plan (tensors over time, peak marked) as SVG\n"
    "  --smallest-ram    with --svg: the smallest-RAM schedule's plan (steps in place by rows)\n"
    "  --custom OP=TYPE  run operator OP (a CUSTOM operator's custom code, or a builtin's\n"
    "                    name to override ctnn's layer) as the C++ layer template TYPE\n"
    "  --custom-map FILE the same for every 'OP TYPE' line of FILE, whose 'include HEADER'\n"
    "                    lines name the headers that declare the layers\n"
    "  --include HEADER  #include HEADER in the generated header (where TYPE is declared)\n"
    "  --help            print this help\n"
    "  --version         print the version\n"
    "\n"
    "Exit status: 0 on success, 2 when the model or the command line is not supported.\n";

// Every C++20 keyword and alternative token, which cannot name a namespace, and the namespaces a
// model's must not reopen (its `model` would land in the library's or the standard's).
constexpr std::array<std::string_view, 94> keywords = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char", "char8_t",
    "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit", "const_cast", "continue",
    "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit",
    "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
    "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
    "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned",
    "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "std", "ctnn"};

bool is_identifier(std::string_view s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    for (const auto k : keywords) if (s == k) return false;
    return s.find("__") == std::string_view::npos && !(s[0] == '_' && s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z');
}

bool is_namespace_name(std::string_view s) {
    for (;;) {
        const auto sep = s.find("::");
        if (!is_identifier(s.substr(0, sep))) return false;
        if (sep == std::string_view::npos) return true;
        s.remove_prefix(sep + 2);
    }
}

std::string file_name(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<std::uint8_t> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(std::string("cannot open: ") + std::strerror(errno));
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail(std::string("cannot read: ") + std::strerror(errno));
    return bytes;
}

struct options {
    std::string model;
    std::optional<std::string> output;
    std::optional<std::string> ns;
    bool summary = false;
    bool svg = false;
    bool smallest_ram = false;
    custom_ops custom;  // user layers (custom_ops.hpp)
};

}  // namespace

model_ir load_model(std::span<const std::uint8_t> file, const custom_ops& custom) { return lower_to_ir(read_tflite(file), custom); }

std::string namespace_for(const std::string& path) {
    std::string stem = file_name(path);
    const auto dot = stem.rfind('.');
    if (dot != std::string::npos && dot > 0) stem.resize(dot);
    std::string id;
    for (const char c : stem) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        id += ok ? c : '_';
    }
    if (id.empty() || (id[0] >= '0' && id[0] <= '9') || id[0] == '_') id = "model_" + id;
    while (id.find("__") != std::string::npos) id.replace(id.find("__"), 2, "_");
    if (!is_identifier(id)) id += "_model";
    return id;
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    options opt;
    const auto usage_error = [&](const std::string& message) {
        err << "ctnn-convert: error: " << message << "\n" << "Try 'ctnn-convert --help'.\n";
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            out << usage;
            return 0;
        } else if (a == "--version") {
            out << "ctnn-convert " << version << "\n";
            return 0;
        } else if (a == "--summary") {
            opt.summary = true;
        } else if (a == "--svg") {
            opt.svg = true;
        } else if (a == "--smallest-ram") {
            opt.smallest_ram = true;
        } else if (a == "-o" || a == "--output") {
            opt.output = value();
            if (!opt.output) return usage_error(a + " needs a file name");
        } else if (a.rfind("--output=", 0) == 0) {
            opt.output = a.substr(9);
        } else if (a == "--custom" || a == "--include" || a == "--custom-map") {
            const auto v = value();
            if (!v) return usage_error(a + " needs a value");
            try {
                if (a == "--custom") {
                    opt.custom.ops.push_back(parse_custom_mapping(*v));
                } else if (a == "--include") {
                    opt.custom.includes.push_back(*v);
                } else {
                    const std::vector<std::uint8_t> text = read_file(*v);
                    const custom_ops file = parse_custom_map_file(std::string(text.begin(), text.end()));
                    opt.custom.ops.insert(opt.custom.ops.end(), file.ops.begin(), file.ops.end());
                    opt.custom.includes.insert(opt.custom.includes.end(), file.includes.begin(), file.includes.end());
                }
            } catch (const convert_error& e) {
                return usage_error((a == "--custom-map" ? *v + ": " : std::string()) + e.what());
            }
        } else if (a == "--namespace") {
            opt.ns = value();
            if (!opt.ns) return usage_error("--namespace needs a name");
        } else if (a.rfind("--namespace=", 0) == 0) {
            opt.ns = a.substr(12);
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usage_error("unknown option '" + a + "'");
        } else if (!opt.model.empty()) {
            return usage_error("more than one model given ('" + opt.model + "' and '" + a + "')");
        } else {
            opt.model = a;
        }
    }
    if (opt.model.empty()) return usage_error("no model given");
    if (opt.ns && !is_namespace_name(*opt.ns)) return usage_error("'" + *opt.ns + "' is not a valid C++ namespace name (identifiers separated by ::, no keyword, not in std or ctnn)");

    try {
        const std::vector<std::uint8_t> bytes = read_file(opt.model);
        const model_ir model = load_model(bytes, opt.custom);
        const std::string text = opt.summary ? summary_table(model, file_name(opt.model))
                                 : opt.svg   ? arena_svg(model, file_name(opt.model), opt.smallest_ram)
                                             : emit_header(model, file_name(opt.model), opt.ns ? *opt.ns : namespace_for(opt.model));
        if (opt.output) {
            std::ofstream file(*opt.output, std::ios::binary | std::ios::trunc);
            file << text;
            file.close();
            if (!file) {
                err << "ctnn-convert: error: " << *opt.output << ": cannot write: " << std::strerror(errno) << "\n";
                return 2;
            }
        } else {
            out << text;
        }
        return 0;
    } catch (const convert_error& e) {
        err << "ctnn-convert: error: " << opt.model << ": " << e.what() << "\n";
    } catch (const std::bad_alloc&) {
        err << "ctnn-convert: error: " << opt.model << ": out of memory (is the file malformed?)\n";
    } catch (const std::exception& e) {
        err << "ctnn-convert: error: " << opt.model << ": internal error: " << e.what() << "\n";
    }
    return 2;
}

}  // namespace ctnn_convert
