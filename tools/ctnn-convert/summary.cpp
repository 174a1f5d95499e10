#include "summary.hpp"

#include <cstdio>
#include <string>

#include "weight_census.hpp"

#include "layer_stats.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

std::string pad_right(std::string s, std::size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

std::string pad_left(const std::string& s, std::size_t width) { return s.size() < width ? std::string(width - s.size(), ' ') + s : s; }

std::string percent_text(std::size_t part, std::size_t whole) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return text;
}

// Per weighted layer, its weights in each storage the library has (weight_census.hpp); nothing
// for a model without weighted layers.
std::string weights_table(const model_ir& m) {
    std::string rows;
    for (const ir_layer& l : m.layers) {
        const auto c = census_of_layer(m, l);
        if (!c) continue;
        std::string row = pad_left(std::to_string(l.op_index), 3) + "  " + pad_right(l.op_name, 18) + "  " + pad_left(std::to_string(c->channels), 8) + "  " +
                          pad_left(std::to_string(c->taps), 6) + "  " + pad_left(percent_text(c->zeros, c->weights), 6) + "  " +
                          pad_left(std::to_string(c->max_distinct) + "/" + std::to_string(c->tensor_distinct), 9) + "  " + pad_right(c->four_bit, 11) + "  " +
                          pad_left(std::to_string(c->dense_bytes), 8) + "  " + pad_left(std::to_string(c->sparse_bytes), 8) + "  " +
                          pad_left(c->four_bit_bytes ? std::to_string(*c->four_bit_bytes) : std::string("-"), 8) + "  " +
                          pad_left(std::to_string(c->bitmap_bytes), 8) + "  " + (c->force.empty() ? "-" : c->force);
        rows += row + "\n";
    }
    if (rows.empty()) return "";
    return "\nweights: per weighted layer, its weights' zeros and distinct values (most in a channel / in the tensor), whether 4-bit codes hold "
           "them (int4: every weight in [-8, 7]; per-tensor, per-channel: 16-value tables; no: a channel has more), and the bytes each "
           "storage takes (include/ctnn/kernels/weight_forms/; bitmap: a mask bit a weight, a byte a non-zero); force: the form ctnn::with_sparsity<M, ctnn::sparsity::force> takes "
           "(- where the layer has no other form)\n" +
           pad_left("#", 3) + "  " + pad_right("operator", 18) + "  " + pad_left("channels", 8) + "  " + pad_left("taps", 6) + "  " + pad_left("zero %", 6) +
           "  " + pad_left("distinct", 9) + "  " + pad_right("4-bit", 11) + "  " + pad_left("dense B", 8) + "  " + pad_left("sparse B", 8) + "  " +
           pad_left("4-bit B", 8) + "  " + pad_left("bitmap B", 8) + "  force\n" + rows;
}

}  // namespace

std::string summary_table(const model_ir& m, const std::string& source_name) {
    const arena_plan plan = plan_model_arena(m);
    std::string out = "model: " + source_name + "\n";
    auto type_text = [](const ir_tensor& t) { return std::string(" ") + element_name(t.type); };
    for (std::size_t i = 0; i < m.inputs.size(); ++i) {
        const ir_tensor& input = m.tensors[static_cast<std::size_t>(m.inputs[i])];
        out += (m.inputs.size() > 1 ? "input " + std::to_string(i) + ": tensor " + std::to_string(m.inputs[i]) + ", " : std::string("input: ")) +
               shape_text(input.shape) + type_text(input) + " (" + std::to_string(input.bytes()) + " bytes) at arena offset " +
               std::to_string(plan.offsets[static_cast<std::size_t>(m.inputs[i])]) + "\n";
    }
    for (std::size_t o = 0; o < m.outputs.size(); ++o) {
        const ir_tensor& output = m.tensors[static_cast<std::size_t>(m.outputs[o])];
        out += (m.outputs.size() > 1 ? "output " + std::to_string(o) + ": tensor " + std::to_string(m.outputs[o]) + ", " : std::string("output: ")) +
               shape_text(output.shape) + type_text(output) + " (" + std::to_string(output.bytes()) + " bytes)\n";
    }
    out += "\n";

    out += pad_left("#", 3) + "  " + pad_right("operator", 18) + "  " + pad_right("input(s)", 24) + "  " + pad_right("output", 12) + "  " +
           pad_left("params", 8) + "  " + pad_left("param B", 8) + "  " + pad_left("tflite B", 8) + "  " + pad_left("MACs", 9) + "  " +
           pad_left("arena@", 7) + "  options\n";
    std::uint64_t macs = 0;
    std::size_t params = 0, param_bytes = 0, tflite_bytes = 0;
    for (std::size_t k = 0; k < m.layers.size(); ++k) {
        const ir_layer& l = m.layers[k];
        std::string ins;
        for (const int i : l.inputs) ins += (ins.empty() ? "" : ", ") + shape_text(m.tensors[static_cast<std::size_t>(i)].shape);
        const std::size_t p = layer_param_elements(l);
        const std::size_t pb = l.params ? l.params->weights.size() + l.params->bias_bytes() * static_cast<std::size_t>(l.params->output_channels()) : 0;
        const std::size_t fb = layer_tflite_param_bytes(l);
        const std::uint64_t mc = layer_macs(m, k);
        params += p;
        param_bytes += pb;
        tflite_bytes += fb;
        macs += mc;
        out += pad_left(l.entry->kind == ctnn::plan::entry_kind::computed ? std::to_string(l.op_index) : std::string("-"), 3) + "  " + pad_right(l.op_name, 18) + "  " + pad_right(ins, 24) + "  " +
               pad_right(shape_text(m.tensors[k + 1].shape), 12) + "  " + pad_left(std::to_string(p), 8) + "  " + pad_left(std::to_string(pb), 8) + "  " +
               pad_left(std::to_string(fb), 8) + "  " + pad_left(std::to_string(mc), 9) + "  " + pad_left(std::to_string(plan.offsets[k + 1]), 7) + "  " +
               layer_options_text(l) + (plan.fused_into_next[k + 1] ? " (fused: runs inside the next ADD, a chunk of rows at a time)" : "");
        while (out.back() == ' ') out.pop_back();
        out += "\n";
    }
    out += weights_table(m);
    std::size_t computed = 0;
    for (const ir_layer& l : m.layers) computed += l.entry->kind == ctnn::plan::entry_kind::computed ? 1 : 0;
    out += "\ntotal: " + std::to_string(computed) + " layers, " + std::to_string(params) + " parameters (" + std::to_string(param_bytes) +
           " bytes), " + std::to_string(macs) + " MACs\n";
    out += "arena_lower_bound: " + std::to_string(plan.lower_bound) + " (the most bytes live at one step: no plan can use less)\n";
    out += "arena_offsets:";
    for (const std::size_t offset : plan.offsets) out += " " + std::to_string(offset);
    out += "\n";
    const smallest_ram_plan small = plan_smallest_ram(m);
    out += "arena_bytes_smallest_ram: " + std::to_string(small.bytes) + " (ctnn::optimize_for<M, ctnn::smallest_ram>; in place:";
    for (const int k : small.in_place) out += " " + std::to_string(k);
    out += small.in_place.empty() ? " none" : "";
    out += "; estimated instructions added: " + std::to_string(small.added_instructions) + ")\n";
    // The converter cannot know the kernel set of a later build: its figures are the ones it
    // can state exactly, and it says which.
    out += "figures: tflite_param_bytes is the model's constants as TFLite stores them; the flash a build links is its "
           "kernel set's (Model::flash_bytes: ctnn-run-<model> --info on the host, flash_bytes: in the firmware's output); "
           "arena_bytes is the host kernels' (the Arm kernels add their scratch: Model::arena_bytes)\n";
    out += "tflite_param_bytes: " + std::to_string(tflite_bytes) + "\n";
    if (plan.state_bytes > 0) out += "state_bytes: " + std::to_string(plan.state_bytes) + " (stateful layers' variables, after the activations; kept across invocations)\n";
    out += "arena_bytes: " + std::to_string(plan.bytes) + "\n";
    return out;
}

}  // namespace ctnn_convert
