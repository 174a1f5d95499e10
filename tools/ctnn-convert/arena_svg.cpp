#include "arena_svg.hpp"

#include <algorithm>
#include <cstdio>

#include "layer_stats.hpp"

namespace ctnn_convert {
namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string arena_svg(const model_ir& model, const std::string& title, bool smallest_ram) {
    // The smallest-RAM schedule: its tensors, then the bands of the steps in place by rows.
    const smallest_ram_plan small = smallest_ram ? plan_smallest_ram(model) : smallest_ram_plan{};
    const arena_plan plan = smallest_ram ? small.plan : plan_model_arena(model);
    const std::size_t tensors = model.tensors.size();
    auto in_place = [&](std::size_t t) { return std::find(small.in_place.begin(), small.in_place.end(), int(t)) != small.in_place.end(); };
    const int steps = static_cast<int>(model.layers.size()) + 2;  // 0 (input) .. L + 1 (output read)
    const double left = 80, top = 50, width = std::max(600.0, 28.0 * steps), height = 420;
    const double x_step = width / steps;
    const double y_byte = plan.bytes > 0 ? height / static_cast<double>(plan.bytes) : 0;
    auto x_of = [&](int step) { return left + step * x_step; };
    auto y_of = [&](std::size_t bytes) { return top + height - static_cast<double>(bytes) * y_byte; };

    std::string svg;
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(left + width + 40) + "\" height=\"" +
           number(top + height + 70) + "\" font-family=\"sans-serif\" font-size=\"11\">\n";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    if (smallest_ram)
        svg += "<defs><pattern id=\"in-place\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
               "<rect width=\"6\" height=\"6\" fill=\"#59a14f\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"white\" stroke-width=\"2\"/></pattern></defs>\n";
    svg += "<text x=\"" + number(left) + "\" y=\"22\" font-size=\"15\">" + escape(title) + ": arena " +
           std::to_string(plan.bytes) + " bytes (lower bound " + std::to_string(plan.lower_bound) + ")" +
           (smallest_ram ? ", smallest-RAM schedule (hatched: steps in place by rows, and their bands)" : "") + "</text>\n";
    // Axes.
    svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(top) + "\" x2=\"" + number(left) + "\" y2=\"" +
           number(top + height) + "\" stroke=\"black\"/>\n";
    svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(top + height) + "\" x2=\"" + number(left + width) +
           "\" y2=\"" + number(top + height) + "\" stroke=\"black\"/>\n";
    for (int s = 0; s < steps; ++s) {
        const std::string label = s == 0 ? "in" : (s == steps - 1 ? "out" : std::to_string(s - 1));
        svg += "<text x=\"" + number(x_of(s) + x_step / 2) + "\" y=\"" + number(top + height + 15) +
               "\" text-anchor=\"middle\">" + label + "</text>\n";
    }
    svg += "<text x=\"" + number(left + width / 2) + "\" y=\"" + number(top + height + 35) +
           "\" text-anchor=\"middle\">operator (time)</text>\n";
    svg += "<text x=\"" + number(left - 8) + "\" y=\"" + number(top + 4) + "\" text-anchor=\"end\">" +
           std::to_string(plan.bytes) + "</text>\n";
    svg += "<text x=\"" + number(left - 8) + "\" y=\"" + number(top + height) + "\" text-anchor=\"end\">0</text>\n";

    // One rectangle per tensor that owns bytes (a reshape shares its input's).
    static const char* const colours[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"};
    for (std::size_t t = 0; t < plan.buffers.size(); ++t) {
        const ctnn::plan::buffer& b = plan.buffers[t];
        if (b.alias_of >= 0 || b.bytes == 0) continue;
        const double x = x_of(b.first_step), w = x_of(b.last_step + 1) - x;
        const double y = y_of(plan.offsets[t] + b.bytes), h = static_cast<double>(b.bytes) * y_byte;
        const int owner = t < tensors ? int(t) : small.band_of[t - tensors];  // the tensor, or the band's step
        std::string name = owner == 0 ? "input" : model.layers[std::size_t(owner) - 1].op_name + " #" + std::to_string(owner - 1);
        if (t < tensors && plan.fused_into_next[t]) name += " (fused into the next ADD: one chunk of rows)";
        if (t < tensors && in_place(t)) name += " (in place over its input, by rows)";
        if (t >= tensors) name += ": its band of rows";
        const bool hatched = t >= tensors || in_place(t);
        svg += "<rect x=\"" + number(x + 1) + "\" y=\"" + number(y) + "\" width=\"" + number(w - 2) + "\" height=\"" +
               number(std::max(h, 1.0)) + "\" fill=\"" + (hatched ? std::string("url(#in-place)") : colours[owner % 8]) +
               "\" fill-opacity=\"0.75\" stroke=\"black\" stroke-width=\"0.5\">" +
               "<title>" + escape(name) + ": " + std::to_string(b.bytes) + " bytes at offset " +
               std::to_string(plan.offsets[t]) + "</title></rect>\n";
        if (h > 12 && w > 30)
            svg += "<text x=\"" + number(x + 4) + "\" y=\"" + number(y + 12) + "\" fill=\"white\">" + (t < tensors ? "t" : "band ") +
                   std::to_string(owner) + "</text>\n";
    }
    // The peak and the lower bound.
    svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(y_of(plan.bytes)) + "\" x2=\"" + number(left + width) +
           "\" y2=\"" + number(y_of(plan.bytes)) + "\" stroke=\"red\" stroke-dasharray=\"6,3\"/>\n";
    svg += "<text x=\"" + number(left + width - 4) + "\" y=\"" + number(y_of(plan.bytes) - 4) +
           "\" text-anchor=\"end\" fill=\"red\">peak " + std::to_string(plan.bytes) + " B</text>\n";
    if (plan.lower_bound < plan.bytes) {
        svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(y_of(plan.lower_bound)) + "\" x2=\"" +
               number(left + width) + "\" y2=\"" + number(y_of(plan.lower_bound)) + "\" stroke=\"gray\" stroke-dasharray=\"2,3\"/>\n";
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace ctnn_convert
