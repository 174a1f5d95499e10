// Models as types. A model is the input tensor followed by nodes; node K produces tensor K
// and reads earlier tensors by index, so residual connections are written directly:
//
//   using net = ctnn::graph<
//       ctnn::input<ctnn::shape<1, 32, 32, 16>, q_in>,   // tensor 0
//       ctnn::node<conv2d<...>, 0>,                        // tensor 1
//       ctnn::node<conv2d<...>, 1>,                        // tensor 2
//       ctnn::node<add<q_out, act::relu>, 0, 2>>;          // tensor 3: the output
//
// From it the compiler derives every tensor's type, per-layer facts, the activation plan and
// the code: `run` is one straight line of kernel calls on fixed arena offsets.
//
// `graph` is `basic_graph` with the default kernel_options; graph/with_options.hpp derives a
// model that makes other speed/flash choices (ctnn::with_int16_weights<Model>).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/graph/for_each_layer.hpp"
#include "ctnn/graph/graph_plan.hpp"
#include "ctnn/graph/layer_state.hpp"
#include "ctnn/graph/layer_tables.hpp"
#include "ctnn/graph/run_node.hpp"
#include "ctnn/graph/sources.hpp"
#include "ctnn/graph/structure.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/plan/arena_planner.hpp"

namespace ctnn {

template <class Model>
class instance;

namespace diag {
template <class Type, bool IsLayer>
struct node_holds_a_type_that_is_not_a_layer {
    static_assert(IsLayer, "ctnn: a node's first argument must be a layer type (one that derives from "
                           "ctnn::layers::layer, such as ctnn::layers::conv2d<...>; template argument: the type given)");
};
}  // namespace diag

template <class Layer, int... Inputs>
struct node {
    static_assert(sizeof(diag::node_holds_a_type_that_is_not_a_layer<Layer, ctnn::layer<Layer>>));
    static_assert(sizeof...(Inputs) >= 1, "ctnn: a node reads at least one tensor");
    using layer = Layer;
    static constexpr std::array<int, sizeof...(Inputs)> inputs{Inputs...};
};

template <kernel_options Options, class Input, class... Nodes>
struct basic_graph {
    static_assert(sizeof...(Nodes) >= 1, "ctnn: a model needs at least one layer");

    // The options-independent part (graph/structure.hpp); the library's per-layer code looks
    // tensors and layers up through it.
    using structure = detail::graph_structure<Input, Nodes...>;

  private:
    using tables = detail::layer_tables<structure>;
    using planned = detail::graph_plan<structure, Options.fuse_residual_add(), Options.rows_in_place() ? Options : kernel_options{}>;

  public:
    using input_tensor = typename structure::input_tensor;
    // Entries after tensor 0: nodes, further inputs and constants (tensors 1..layer_count).
    static constexpr int layer_count = structure::layer_count;
    static constexpr kernel_options options = Options;
    // The same model with other kernel options (graph/with_options.hpp).
    template <kernel_options O>
    using with_options = basic_graph<O, Input, Nodes...>;

    // For users; the library itself uses the detail:: aliases (see graph/structure.hpp).
    template <int K>
    using node_at = detail::node_t<structure, K>;
    template <int K>
    using tensor = detail::tensor_t<structure, K>;
    template <int K>
    using layer_at = detail::bound_t<structure, K>;

    // The model's inputs and outputs, by tensor index, in model order (graph/sources.hpp).
    static constexpr auto input_tensors = tables::input_list;
    static constexpr auto output_tensors = structure::output_list;
    static constexpr int input_count = int(input_tensors.size());
    static constexpr int output_count = int(output_tensors.size());
    template <int I>
    using input_tensor_at = detail::tensor_t<structure, input_tensors[I]>;
    template <int O>
    using output_tensor_at = detail::tensor_t<structure, output_tensors[O]>;
    // A run's record: every input's bytes, concatenated in input order; outputs likewise.
    static constexpr std::size_t input_record_bytes = [] {
        return [&]<std::size_t... I>(std::index_sequence<I...>) { return (std::size_t{0} + ... + input_tensor_at<int(I)>::bytes); }(
            std::make_index_sequence<input_tensors.size()>{});
    }();
    static constexpr std::size_t output_record_bytes = [] {
        return [&]<std::size_t... O>(std::index_sequence<O...>) { return (std::size_t{0} + ... + output_tensor_at<int(O)>::bytes); }(
            std::make_index_sequence<output_tensors.size()>{});
    }();
    // in_flash[K]: tensor K is a constant's values (or a view of them), not arena bytes.
    static constexpr std::array<bool, structure::layer_count + 1> in_flash = tables::in_flash;
    static constexpr std::array<int, structure::layer_count + 1> flash_entry = tables::flash_entry;
    // joined[K]: node K is a concatenation whose inputs were written in place inside its output
    // (plan/lifetimes.hpp): no copy, no arena bytes of its own, no code.
    static constexpr std::array<bool, structure::layer_count + 1> joined = tables::joined;
    static constexpr std::array<std::size_t, structure::layer_count + 1> flash_offset = tables::flash_offset;

    // Input 0 and output 0 (for the many models with one of each).
    using output_tensor = output_tensor_at<0>;
    // A converted model (struct model : graph<...>) and with_kernel_options re-declare this keyed
    // on their own short name (graph/run_node.hpp says why deep models need that).
    using instance = ctnn::instance<basic_graph>;
    using input_shape = typename input_tensor::shape;
    using output_shape = typename output_tensor::shape;
    using input_element = typename input_tensor::element;
    using output_element = typename output_tensor::element;
    static constexpr std::size_t input_size = input_tensor::size;
    static constexpr std::size_t output_size = output_tensor::size;

    // Flash: the bytes of every constant object this build's kernels link for each layer
    // (re-laid weights, folded biases, requantization tables, rows of the zero point; an
    // object two layers share counts at the first), computed from the definitions that create
    // those objects (kernels/linked_constants.hpp): what the linker places, byte for byte.
    static constexpr std::array<std::size_t, structure::layer_count> layer_flash_bytes =
        detail::linked_tables<structure, Options>::first_bytes;
    // The same layers in TFLite's terms (int8 weights, int32 bias, a multiplier and shift per
    // channel): what the .tflite file holds, independent of kernel set and options.
    static constexpr std::array<std::size_t, structure::layer_count> layer_tflite_param_bytes = tables::param_bytes;
    static constexpr std::array<std::size_t, structure::layer_count> layer_macs = tables::macs;
    // Bytes of the tensor each layer produces (zero for a reshape: it reuses its input's).
    static constexpr std::array<std::size_t, structure::layer_count> layer_activation_bytes = tables::activation_bytes;
    // The kernel set each layer runs on in this build ("arm_dsp", "portable", "reference", ...):
    // kernels/select.hpp's choice, the first set in the build's list that has the operation.
    static constexpr std::array<const char*, structure::layer_count> layer_kernel_sets = tables::kernel_sets;
    // How each weighted layer stores its weights in this build and with these options ("dense",
    // "sparse", "nibbles": kernels/weight_forms/), "" for the others.
    static constexpr std::array<const char*, structure::layer_count> layer_weight_forms =
        detail::linked_tables<structure, Options>::weight_forms;

    // Tensor 0 is no layer; a fixed input there keeps its values in flash (graph/sources.hpp).
    static constexpr std::size_t input_flash_bytes = kernels::first_linked_bytes(
        std::array{detail::layer_constants<typename structure::input_entry::template bind<>, Options>})[0];
    static constexpr std::size_t flash_bytes = [] {
        std::size_t sum = input_flash_bytes;
        for (std::size_t b : layer_flash_bytes) sum += b;
        return sum;
    }();
    static constexpr std::size_t tflite_param_bytes = [] {
        std::size_t sum = 0;
        for (std::size_t b : layer_tflite_param_bytes) sum += b;
        return sum;
    }();
    static constexpr std::size_t macs = [] {
        std::size_t sum = 0;
        for (std::size_t m : layer_macs) sum += m;
        return sum;
    }();

    // fused_into_next[k]: node k is a convolution that runs inside the ADD after it, a few rows
    // at a time, so its tensor exists only as a chunk (plan/residual_fusion.hpp).
    static constexpr std::array<bool, structure::layer_count + 1> fused_into_next = planned::fusion.fused;
    // One buffer per tensor, with the lifetimes of the schedule that runs (fusion applied), then
    // one per layer whose kernel needs scratch (graph/graph_plan.hpp): scratch is in the arena.
    static constexpr auto buffers = planned::buffers;
    // scratch_slot[K]: the buffer (and plan offset) of node K's kernel scratch, or -1.
    static constexpr std::array<int, structure::layer_count + 1> scratch_slot = planned::scratch_slot;
    // in_place_rows[K]: node K writes over its input by rows, through a band of a few rows
    // (plan/in_place_rows.hpp; the smallest-RAM schedule); band_slot[K]: that band's buffer, or -1.
    static constexpr std::array<bool, structure::layer_count + 1> in_place_rows = planned::fusion.banded;
    static constexpr std::array<int, structure::layer_count + 1> band_slot = planned::band_slot;
    static constexpr std::array<plan::row_band, structure::layer_count + 1> row_bands = planned::bands;
    // The instructions those steps add, estimated (plan::in_place_instructions; 0 in the
    // default schedule): what kernel_options::ram_budget weighs.
    static constexpr std::size_t in_place_added_instructions = planned::added_instructions;
    static constexpr std::array<std::size_t, structure::layer_count> layer_scratch_bytes = tables::scratch_bytes;
    // Every model proves its own plan (graph/graph_plan.hpp): no two tensors live at the same
    // step share a byte unless the planner merged them on purpose (reshape, in place).
    static constexpr auto plan = planned::arena;
    // Persistent state of stateful layers (graph/layer_state.hpp): after the plan's bytes, at
    // state_base + state_offset[K]; kept across invoke(), cleared by instance::reset_state().
    static constexpr std::size_t state_bytes = detail::state_layout<structure>::bytes;
    static constexpr std::array<std::size_t, structure::layer_count + 1> layer_state_bytes = detail::state_layout<structure>::layer_bytes;
    static constexpr std::size_t state_base = state_bytes > 0 ? detail::align_state(plan.bytes) : plan.bytes;
    static constexpr std::array<std::size_t, structure::layer_count + 1> state_offset = [] {
        std::array<std::size_t, structure::layer_count + 1> o{};
        for (std::size_t k = 0; k < o.size(); ++k) o[k] = state_base + detail::state_layout<structure>::offsets[k];
        return o;
    }();
    static constexpr std::size_t arena_bytes = state_base + state_bytes;
    // RAM: the instance (graph/instance.hpp) is the arena (with any state), aligned to 16 bytes,
    // and nothing else.
    static constexpr std::size_t ram_bytes = ((arena_bytes > 0 ? arena_bytes : 1) + 15) / 16 * 16;
    // No plan for these lifetimes can be smaller (see plan/live_lower_bound.hpp).
    static constexpr std::size_t arena_lower_bound = planned::lower_bound;

    template <int K>
    static auto* tensor_data(std::byte* arena) noexcept {
        return detail::tensor_of<basic_graph, K>(arena);
    }

    // Runs every layer in order on an arena of arena_bytes bytes.
    static void run(std::byte* arena) noexcept { detail::run_layers<basic_graph, false>(arena); }

    // Puts every stateful layer's state as TFLM resets its variable tensors (a new sequence).
    static void reset_state(std::byte* arena) noexcept { detail::reset_layer_states<basic_graph>(arena); }

    // The same with every layer's reference kernel: the baseline benchmarks compare against.
    static void run_reference(std::byte* arena) noexcept { detail::run_layers<basic_graph, true>(arena); }

    // As run, calling observe(layer, bytes of its output) after each layer: for debugging and
    // for comparing intermediates layer by layer. A convolution fused into the next ADD has no
    // tensor of its own: it is observed with an empty span (its work counts in the ADD's step).
    template <class Observer>
    static void run_observed(std::byte* arena, Observer&& observe) {
        detail::run_layers_observed<basic_graph>(arena, observe);
    }
};

template <class Input, class... Nodes>
using graph = basic_graph<kernel_options{}, Input, Nodes...>;

// The simple case: each layer reads the one before it.
namespace detail {
template <class Input, class Seq, class... Layers>
struct sequential_graph;
template <class Input, std::size_t... I, class... Layers>
struct sequential_graph<Input, std::index_sequence<I...>, Layers...> {
    using type = graph<Input, node<Layers, int(I)>...>;
};
}  // namespace detail

template <class Input, class... Layers>
using sequential = typename detail::sequential_graph<Input, std::make_index_sequence<sizeof...(Layers)>, Layers...>::type;

}  // namespace ctnn
