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
#include "ctnn/detail/type_at.hpp"
#include "ctnn/graph/fused_step.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/plan/arena_planner.hpp"
#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn {

template <class Model>
class instance;

template <Shape S, class Q>
struct input {
    using tensor = tensor_type<S, Q>;
};

template <class Layer, int... Inputs>
struct node {
    static_assert(sizeof...(Inputs) >= 1, "ctnn: a node reads at least one tensor");
    using layer = Layer;
    static constexpr std::array<int, sizeof...(Inputs)> inputs{Inputs...};
};

namespace diag {
template <int Node, int Tensor, bool Earlier>
struct node_reads_a_tensor_not_yet_produced {
    static_assert(Earlier, "ctnn: node <Node> reads tensor <Tensor>, which is not produced before it "
                           "(tensor 0 is the input; node K produces tensor K)");
};
}  // namespace diag

namespace detail {

template <class G, int K>
struct graph_bound;

template <class G, int K>
struct graph_tensor {
    using type = typename graph_bound<G, K>::type::output;
};
template <class G>
struct graph_tensor<G, 0> {
    using type = typename G::input_tensor;
};

template <class G, int K>
struct graph_bound {
    using node_type = typename G::template node_at<K>;
    template <std::size_t... I>
    static auto bind(std::index_sequence<I...>)
        -> typename node_type::layer::template bind<typename graph_tensor<G, node_type::inputs[I]>::type...>;
    static constexpr int first_bad_input = [] {
        for (int i : node_type::inputs)
            if (i < 0 || i >= K) return i;
        return 0;
    }();
    static_assert(sizeof(diag::node_reads_a_tensor_not_yet_produced<K, first_bad_input,
                                                                     (first_bad_input >= 0 && first_bad_input < K)>));
    using type = decltype(bind(std::make_index_sequence<node_type::inputs.size()>{}));
};

}  // namespace detail

template <kernel_options Options, class Input, class... Nodes>
struct basic_graph {
    static_assert(sizeof...(Nodes) >= 1, "ctnn: a model needs at least one layer");
    using input_tensor = typename Input::tensor;
    static constexpr int layer_count = sizeof...(Nodes);
    static constexpr kernel_options options = Options;

    template <int K>
    using node_at = detail::type_at<K - 1, Nodes...>;
    template <int K>
    using tensor = typename detail::graph_tensor<basic_graph, K>::type;
    template <int K>
    using layer_at = typename detail::graph_bound<basic_graph, K>::type;

    using output_tensor = tensor<layer_count>;
    using instance = ctnn::instance<basic_graph>;
    using input_shape = typename input_tensor::shape;
    using output_shape = typename output_tensor::shape;
    using input_element = typename input_tensor::element;
    using output_element = typename output_tensor::element;
    static constexpr std::size_t input_size = input_tensor::size;
    static constexpr std::size_t output_size = output_tensor::size;

  private:
    template <class F, std::size_t... K>
    static constexpr auto per_layer(F f, std::index_sequence<K...>) {
        return std::array<std::size_t, sizeof...(K)>{f.template operator()<int(K) + 1>()...};
    }
    static constexpr auto all_layers = std::make_index_sequence<sizeof...(Nodes)>{};

  public:
    // Constant bytes per layer; weights the options store as int16 count twice.
    static constexpr auto layer_param_bytes = per_layer(
        []<int K>() {
            return layer_at<K>::param_bytes + (Options.int16_weights ? layer_at<K>::widenable_weights : 0);
        },
        all_layers);
    static constexpr auto layer_macs = per_layer([]<int K>() { return layer_at<K>::macs; }, all_layers);
    // Bytes of the tensor each layer produces (zero for a reshape: it reuses its input's).
    static constexpr auto layer_activation_bytes = per_layer(
        []<int K>() { return layer_at<K>::aliases_input ? std::size_t{0} : tensor<K>::bytes; }, all_layers);

    static constexpr std::size_t flash_bytes = [] {
        std::size_t sum = 0;
        for (std::size_t b : layer_param_bytes) sum += b;
        return sum;
    }();
    static constexpr std::size_t macs = [] {
        std::size_t sum = 0;
        for (std::size_t m : layer_macs) sum += m;
        return sum;
    }();

  private:
    template <int K>
    static constexpr plan::node_facts facts_of() {
        using layer = layer_at<K>;
        plan::node_facts f;
        f.inputs[0] = node_at<K>::inputs[0];
        if constexpr (node_at<K>::inputs.size() > 1) f.inputs[1] = node_at<K>::inputs[1];
        if constexpr (layer::computes_row_ranges) {
            f.op = plan::node_facts::op_kind::conv2d;
            f.out_h = tensor<K>::shape::dims[1];
            f.out_w = tensor<K>::shape::dims[2];
            f.out_c = tensor<K>::shape::dims[3];
        } else if constexpr (layer::is_residual_add) {
            f.op = plan::node_facts::op_kind::add;
        }
        return f;
    }
    // One buffer per tensor, with the lifetimes the unfused graph implies.
    static constexpr std::array<plan::buffer, sizeof...(Nodes) + 1> unfused_buffers = [] {
        std::array<plan::buffer, sizeof...(Nodes) + 1> b{};
        b[0] = {input_tensor::bytes, 0, 0, -1, -1};
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((b[I + 1] = {tensor<int(I) + 1>::bytes, int(I) + 1, int(I) + 1,
                          layer_at<int(I) + 1>::aliases_input ? node_at<int(I) + 1>::inputs[0] : -1,
                          layer_at<int(I) + 1>::in_place_input >= 0
                              ? node_at<int(I) + 1>::inputs[layer_at<int(I) + 1>::in_place_input]
                              : -1}),
             ...);
            auto extend = [&](int step, const auto& inputs) {
                for (int t : inputs)
                    if (b[t].last_step < step) b[t].last_step = step;
            };
            (extend(int(I) + 1, node_at<int(I) + 1>::inputs), ...);
        }(all_layers);
        b[layer_count].last_step = layer_count + 1;  // the output outlives the run
        return b;
    }();
    struct fusion_result {
        std::array<plan::buffer, sizeof...(Nodes) + 1> buffers;
        std::array<bool, sizeof...(Nodes) + 1> fused;
    };
    static constexpr fusion_result fusion = [] {
        fusion_result r{unfused_buffers, {}};
        std::array<plan::node_facts, sizeof...(Nodes) + 1> facts{};
        [&]<std::size_t... I>(std::index_sequence<I...>) { ((facts[I + 1] = facts_of<int(I) + 1>()), ...); }(all_layers);
        if (Options.fuse_residual_add)
            plan::fuse_residual_adds(r.buffers.data(), facts.data(), layer_count + 1, r.fused.data());
        return r;
    }();

  public:
    // fused_into_next[k]: node k is a convolution that runs inside the ADD after it, a few rows
    // at a time, so its tensor exists only as a chunk (plan/residual_fusion.hpp).
    static constexpr std::array<bool, sizeof...(Nodes) + 1> fused_into_next = fusion.fused;
    // One buffer per tensor, with the lifetimes of the schedule that runs (fusion applied).
    static constexpr std::array<plan::buffer, sizeof...(Nodes) + 1> buffers = fusion.buffers;

    static constexpr auto plan = plan::plan_arena(buffers);
    static constexpr std::size_t arena_bytes = plan.bytes;
    // Every model proves its own plan: no two tensors live at the same step share a byte
    // unless the planner merged them on purpose (reshape, in-place element-wise layers).
    static_assert(plan::plan_is_safe(buffers.data(), layer_count + 1, plan.offsets.data(), plan.root.data(), plan.bytes),
                  "ctnn: internal error: the arena plan overlaps live tensors");

    // No plan for these lifetimes can be smaller (see plan::live_lower_bound).
    static constexpr std::size_t arena_lower_bound =
        plan::live_lower_bound(buffers.data(), layer_count + 1, plan.root.data());

    template <int K>
    static auto* tensor_data(std::byte* arena) noexcept {
        return reinterpret_cast<typename tensor<K>::element*>(arena + plan.offsets[K]);
    }

    template <int K, bool Reference = false>
    static void run_layer(std::byte* arena) noexcept {
        using layer = layer_at<K>;
        if constexpr (fused_into_next[K]) {
            // runs inside node K + 1
        } else if constexpr (fused_into_next[K - 1]) {
            detail::run_fused_step<basic_graph, K - 1, Reference>(arena);
        } else {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                if constexpr (Reference) {
                    layer::run_reference(tensor_data<node_at<K>::inputs[I]>(arena)..., tensor_data<K>(arena));
                } else if constexpr (layer::takes_kernel_options) {
                    layer::template run_with<Options>(tensor_data<node_at<K>::inputs[I]>(arena)..., tensor_data<K>(arena));
                } else {
                    layer::run(tensor_data<node_at<K>::inputs[I]>(arena)..., tensor_data<K>(arena));
                }
            }(std::make_index_sequence<node_at<K>::inputs.size()>{});
        }
    }

    // Runs every layer in order on an arena of arena_bytes bytes.
    static void run(std::byte* arena) noexcept {
        [&]<std::size_t... I>(std::index_sequence<I...>) { (run_layer<int(I) + 1>(arena), ...); }(all_layers);
    }

    // The same with every layer's reference kernel: the baseline benchmarks compare against.
    static void run_reference(std::byte* arena) noexcept {
        [&]<std::size_t... I>(std::index_sequence<I...>) { (run_layer<int(I) + 1, true>(arena), ...); }(all_layers);
    }

    // As run, calling observe(layer, bytes of its output) after each layer: for debugging and
    // for comparing intermediates layer by layer. A convolution fused into the next ADD has no
    // tensor of its own: it is observed with an empty span (its work counts in the ADD's step).
    template <class Observer>
    static void run_observed(std::byte* arena, Observer&& observe) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((run_layer<int(I) + 1>(arena),
              observe(int(I) + 1, fused_into_next[I + 1] ? std::span<const std::byte>()
                                                          : std::span<const std::byte>(arena + plan.offsets[I + 1],
                                                                                       tensor<int(I) + 1>::bytes))),
             ...);
        }(all_layers);
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
