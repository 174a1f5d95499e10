#include "layer_stats.hpp"

#include <ctnn/layers/weighted_facts.hpp>
#include <ctnn/graph/layer_state.hpp>
#include <ctnn/plan/arena_planner.hpp>
#include <ctnn/plan/lifetimes.hpp>
#include <ctnn/kernels/kernel_set.hpp>
#include <ctnn/plan/residual_fusion.hpp>
#include <ctnn/plan/in_place_rows.hpp>
#include <ctnn/layers/options.hpp>

#include <memory>

#include "operators.hpp"

namespace ctnn_convert {

std::size_t layer_param_elements(const ir_layer& layer) {
    if (layer.lstm) return layer.lstm->input_weights.size() + layer.lstm->recurrent_weights.size() + layer.lstm->bias.size();
    if (!layer.params) return 0;
    return layer.params->weights.size() + static_cast<std::size_t>(layer.params->output_channels());
}

// MACs and constant bytes through the library's own rules (ctnn/layers/weighted_facts.hpp), the
// functions the layer types state theirs with.
std::uint64_t layer_macs(const model_ir& model, std::size_t layer) {
    const ir_layer& l = model.layers[layer];
    if (l.lstm) return model.output_of(layer).elements() * 4 * static_cast<std::size_t>(l.lstm->input_size + l.lstm->units);  // as the layer states them
    if (!l.params) return 0;
    return ctnn::layers::weighted_macs(model.output_of(layer).elements(), l.params->weights.size(), static_cast<std::size_t>(l.params->output_channels()));
}

std::size_t layer_tflite_param_bytes(const ir_layer& layer) {
    if (layer.entry->kind == ctnn::plan::entry_kind::constant) return layer.constant_values.size();
    if (!layer.rhs.empty()) return layer.rhs.size();  // BATCH_MATMUL's constant rhs, as batch_matmul_constant counts it
    if (layer.lstm) return layer.lstm->input_weights.size() + layer.lstm->recurrent_weights.size() + (layer.lstm->int16 ? 8 : 4) * layer.lstm->bias.size();
    if (!layer.params) return layer.table_bytes;
    const bool per_channel_requantization = !layer.entry->constant_per_tensor_multiplier || layer.params->weight_scales.size() > 1;
    return ctnn::layers::weighted_param_bytes(layer.params->weights.size(), static_cast<std::size_t>(layer.params->output_channels()),
                                              per_channel_requantization, layer.params->bias_bytes());
}

namespace {

// Every tensor's buffer after residual fusion (the rule the graph applies with
// kernel_options::residual_add), and the facts the fusion and in-place rules read.
struct fused_buffers {
    std::vector<ctnn::plan::buffer> buffers;
    std::vector<ctnn::plan::node_facts> facts;
    std::unique_ptr<bool[]> fused;
};

fused_buffers plan_fusion(const model_ir& model) {
    const int n = static_cast<int>(model.tensors.size());
    const int layers = static_cast<int>(model.layers.size());
    // The library's lifetime rule (ctnn/plan/lifetimes.hpp), from each layer's entry: its kind
    // and the sharing rules of its layer type (operator_traits).
    std::vector<ctnn::plan::entry_use> use(static_cast<std::size_t>(n));
    use[0] = {ctnn::plan::entry_kind::input, model.tensors[0].bytes(), -1, -1};
    for (int k = 0; k < layers; ++k) {
        const ir_layer& l = model.layers[static_cast<std::size_t>(k)];
        const ctnn::layers::operator_traits& traits = l.entry->traits;
        ctnn::plan::entry_use& u = use[static_cast<std::size_t>(k + 1)];
        u.kind = l.entry->kind;
        u.bytes = model.tensors[static_cast<std::size_t>(k + 1)].bytes();
        if (traits.is_view || l.view) u.alias_of = l.inputs[0];
        if (l.view) u.alias_offset = l.view_offset;
        u.joins = l.joins;
        if (traits.in_place_input >= 0) u.in_place_of = l.inputs[static_cast<std::size_t>(int(traits.in_place_input))];
    }
    std::vector<ctnn::plan::buffer> buffers(static_cast<std::size_t>(n));
    const std::unique_ptr<bool[]> in_flash(new bool[static_cast<std::size_t>(n)]), joined(new bool[static_cast<std::size_t>(n)]);
    const std::vector<int> none;
    ctnn::plan::tensor_lifetimes(
        use.data(), n, [&](int k) -> const std::vector<int>& { return k == 0 ? none : model.layers[static_cast<std::size_t>(k - 1)].inputs; },
        model.outputs.data(), static_cast<int>(model.outputs.size()), buffers.data(), in_flash.get(), joined.get());

    // Residual fusion, the same rule the graph applies (kernel_options::residual_add).
    std::vector<ctnn::plan::node_facts> facts(static_cast<std::size_t>(n));
    for (int k = 0; k < layers; ++k) {
        const ir_layer& l = model.layers[static_cast<std::size_t>(k)];
        ctnn::plan::node_facts& f = facts[static_cast<std::size_t>(k + 1)];
        for (std::size_t i = 0; i < l.inputs.size() && i < 2; ++i) f.inputs[i] = l.inputs[i];
        const std::vector<int>& out = model.output_of(static_cast<std::size_t>(k)).shape;
        const ctnn::layers::fusion_role role = l.entry->traits.fusion;
        if (role == ctnn::layers::fusion_role::conv_rows && out.size() == 4) {
            f.op = ctnn::plan::node_facts::op_kind::conv2d;
            f.out_h = out[1];
            f.out_w = out[2];
            f.out_c = out[3];
            f.chunking = ctnn::kernels::portable_set::residual_chunking;  // the host build's plan
        } else if (role == ctnn::layers::fusion_role::residual_add && model.output_of(static_cast<std::size_t>(k)).type == element::int8) {
            // (int16 ADD takes the broadcast walk and never fuses: layers/add.hpp)
            f.op = ctnn::plan::node_facts::op_kind::add;
        }
    }
    std::unique_ptr<bool[]> fused(new bool[static_cast<std::size_t>(n)]);
    ctnn::plan::fuse_residual_adds(buffers.data(), facts.data(), n, fused.get());
    return {std::move(buffers), std::move(facts), std::move(fused)};
}

// The planner's scratch (ctnn::plan::plan_workspace): n entries each.
std::size_t planned_bytes(const std::vector<ctnn::plan::buffer>& buffers, std::vector<std::size_t>& offsets, std::vector<int>& root) {
    const std::size_t size = buffers.size();
    offsets.assign(size, 0);
    root.assign(size, 0);
    std::vector<int> order(size), by_first(size), reach(size), placed(size), live(size);
    std::vector<ctnn::plan::detail::group_span> spans(size);
    std::vector<std::size_t> trial(size);
    const ctnn::plan::plan_workspace workspace{order.data(), spans.data(), {by_first.data(), reach.data(), placed.data(), live.data(), trial.data()}};
    return ctnn::plan::plan_arena(buffers.data(), static_cast<int>(size), offsets.data(), root.data(), workspace);
}

}  // namespace


arena_plan plan_model_arena(const model_ir& model) {
    const int n = static_cast<int>(model.tensors.size());
    fused_buffers f = plan_fusion(model);
    std::vector<ctnn::plan::buffer>& buffers = f.buffers;
    const std::unique_ptr<bool[]>& fused = f.fused;
    arena_plan plan;
    plan.fused_into_next.assign(fused.get(), fused.get() + n);
    plan.offsets.assign(static_cast<std::size_t>(n), 0);
    // The planner's scratch (ctnn::plan::plan_workspace): n entries each; the lower bound's
    // step arrays have one more (steps 0..n).
    const std::size_t size = static_cast<std::size_t>(n);
    std::vector<int> root(size), order(size), by_first(size), reach(size), placed(size), live(size), painted(size + 1);
    std::vector<ctnn::plan::detail::group_span> spans(size);
    std::vector<std::size_t> trial(size), live_bytes(size + 1);
    const ctnn::plan::plan_workspace workspace{order.data(), spans.data(), {by_first.data(), reach.data(), placed.data(), live.data(), trial.data()}};
    plan.bytes = ctnn::plan::plan_arena(buffers.data(), n, plan.offsets.data(), root.data(), workspace);
    plan.lower_bound = ctnn::plan::live_lower_bound(buffers.data(), n, root.data(), order.data(), painted.data(), live_bytes.data());
    plan.buffers = std::move(buffers);
    // Stateful layers' state follows the plan, each part aligned to 16 (ctnn/graph/layer_state.hpp).
    for (const ir_layer& l : model.layers) plan.state_bytes += ctnn::detail::align_state(l.state_bytes);
    plan.activation_bytes = plan.bytes;
    if (plan.state_bytes > 0) plan.bytes = ctnn::detail::align_state(plan.bytes) + plan.state_bytes;
    return plan;
}

smallest_ram_plan plan_smallest_ram(const model_ir& model) {
    const int n = static_cast<int>(model.tensors.size());
    const fused_buffers f = plan_fusion(model);
    // Each layer's rule as conv2d, depthwise_conv2d and quantize state it (row_band_with, portable kernels):
    // stride 1 down the rows, the input's rows, width and element type, no more channels;
    // depthwise int8 only, the input's shape.
    std::vector<ctnn::plan::row_band> bands(static_cast<std::size_t>(n));
    for (std::size_t k = 0; k < model.layers.size(); ++k) {
        const ir_layer& l = model.layers[k];
        // QUANTIZE from float32 and DEQUANTIZE to float32 convert over their input's bytes
        // (layers/quantize.hpp: converting_in_place).
        if (!l.inputs.empty() && ((l.op_name == "QUANTIZE" && model.tensors[static_cast<std::size_t>(l.inputs[0])].type == element::float32) ||
                                  (l.op_name == "DEQUANTIZE" && model.output_of(k).type == element::float32))) {
            bands[k + 1] = ctnn::plan::converting_in_place();
            continue;
        }
        const bool conv = l.entry->traits.fusion == ctnn::layers::fusion_role::conv_rows;
        const bool depthwise = l.op_name == "DEPTHWISE_CONV_2D";
        if (!(conv || depthwise) || !l.params || l.inputs.empty() || l.params->weight_shape.size() != 4) continue;
        const ir_tensor& in = model.tensors[static_cast<std::size_t>(l.inputs[0])];
        const ir_tensor& out = model.output_of(k);
        // The input's rows and width; a convolution's output may have fewer channels.
        if (in.shape.size() != 4 || out.shape.size() != 4 || in.type != out.type || l.stride_h != 1) continue;
        if (in.shape[0] != out.shape[0] || in.shape[1] != out.shape[1] || in.shape[2] != out.shape[2]) continue;
        if (depthwise ? in.shape[3] != out.shape[3] || out.type != element::int8 : out.shape[3] > in.shape[3]) continue;
        const int rows = out.shape[1];
        const int pad_top = l.same_padding
            ? ctnn::compute_extent<ctnn::padding::same>(in.shape[1], l.params->weight_shape[1], 1, l.dilation_h).pad_before
            : 0;
        const int chunk = depthwise ? 1 : ctnn::plan::in_place_chunk_rows(rows, out.shape[2], ctnn::kernels::portable_set::residual_chunking);
        bands[k + 1] = {.delay = pad_top, .chunk_rows = chunk, .row_bytes = out.bytes() / static_cast<std::size_t>(rows), .rows = rows};
    }
    const std::size_t size = static_cast<std::size_t>(n);
    std::unique_ptr<bool[]> candidates(new bool[size]), wanted(new bool[size]), banded(new bool[size]);
    {
        std::vector<ctnn::plan::buffer> b = f.buffers;
        ctnn::plan::band_in_place(b.data(), f.facts.data(), bands.data(), f.fused.get(), n, candidates.get());
    }
    // As graph/graph_plan.hpp lays them out: the tensors, then one band per candidate (no bytes
    // where the step stays out of place), so both plan the same buffers in the same order.
    auto buffers_with = [&](const bool* want) {
        std::vector<ctnn::plan::buffer> b = f.buffers;
        ctnn::plan::band_in_place(b.data(), f.facts.data(), bands.data(), f.fused.get(), n, banded.get(), want);
        for (int k = 0; k < n; ++k)
            if (candidates[static_cast<std::size_t>(k)])
                b.push_back({banded[static_cast<std::size_t>(k)] ? bands[static_cast<std::size_t>(k)].band_bytes() : 0, k, k, -1, -1});
        return b;
    };
    std::vector<std::size_t> offsets;
    std::vector<int> root;
    for (std::size_t k = 0; k < size; ++k) wanted[k] = candidates[k];
    {
        const std::vector<ctnn::plan::buffer> all = buffers_with(wanted.get());
        planned_bytes(all, offsets, root);
        const int count = static_cast<int>(all.size());
        std::vector<int> order(all.size()), painted(all.size() + 1);
        std::vector<std::size_t> live(all.size() + 1);
        ctnn::plan::live_lower_bound(all.data(), count, root.data(), order.data(), painted.data(), live.data());
        ctnn::plan::keep_in_place_where_it_pays(wanted.get(), n, live.data(), count + 1, bands.data(), all.data());
    }
    smallest_ram_plan plan;
    std::vector<ctnn::plan::buffer> buffers = buffers_with(wanted.get());
    plan.bytes = planned_bytes(buffers, offsets, root);
    for (int k = 0; k < n; ++k) {
        const std::size_t at = static_cast<std::size_t>(k);
        if (candidates[at]) plan.band_of.push_back(k);
        if (!banded[at]) continue;
        plan.in_place.push_back(k);
        const int source = f.facts[at].inputs[0];
        plan.added_instructions +=
            ctnn::plan::in_place_instructions(bands[at], f.buffers[static_cast<std::size_t>(source)].bytes, f.buffers[at].bytes);
    }
    const int count = static_cast<int>(buffers.size());
    std::vector<int> order(buffers.size()), painted(buffers.size() + 1);
    std::vector<std::size_t> live_bytes(buffers.size() + 1);
    plan.plan.lower_bound = ctnn::plan::live_lower_bound(buffers.data(), count, root.data(), order.data(), painted.data(), live_bytes.data());
    plan.plan.fused_into_next.assign(f.fused.get(), f.fused.get() + n);
    plan.plan.buffers = std::move(buffers);
    plan.plan.offsets = std::move(offsets);
    std::size_t state = 0;
    for (const ir_layer& l : model.layers) state += ctnn::detail::align_state(l.state_bytes);
    plan.plan.activation_bytes = plan.bytes;
    plan.plan.state_bytes = state;
    if (state > 0) plan.bytes = ctnn::detail::align_state(plan.bytes) + state;
    plan.plan.bytes = plan.bytes;
    return plan;
}

}  // namespace ctnn_convert
