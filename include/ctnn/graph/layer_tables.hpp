// Per-layer compile-time facts of a model's structure (graph/structure.hpp), as flat constexpr
// tables built by one pack expansion each: no folds whose expression nests one level per
// layer, no per-layer lambdas. Independent of the kernel options, so a model and its
// with_kernel_options variants share them.
#pragma once

#include <array>
#include <cstddef>
#include <utility>

#include "ctnn/graph/structure.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/plan/buffer.hpp"
#include "ctnn/plan/in_place_rows.hpp"
#include "ctnn/plan/lifetimes.hpp"
#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn::detail {

// What residual fusion needs of node Step (node 0 stands for the model input). Keyed on the node,
// its bound layer and its output, not on the structure: GCC gives every function template
// specialisation a mangled name even when it only runs at compile time, a name keyed on the
// structure holds every node, and its mangler is quadratic in a name's length (cubic in depth).
template <class Node, class Layer, class Out, int Step>
constexpr plan::node_facts facts_of() {
    plan::node_facts f;
    if constexpr (Node::inputs.size() > 0) f.inputs[0] = checked_input(Node::inputs[0], Step);
    if constexpr (Node::inputs.size() > 1) f.inputs[1] = checked_input(Node::inputs[1], Step);
    if constexpr (Layer::facts.fusion == layers::fusion_role::conv_rows) {
        f.op = plan::node_facts::op_kind::conv2d;
        f.out_h = Out::shape::dims[1];
        f.out_w = Out::shape::dims[2];
        f.out_c = Out::shape::dims[3];
        f.chunking = Layer::kernel::set::residual_chunking;
    } else if constexpr (Layer::facts.fusion == layers::fusion_role::residual_add) {
        f.op = plan::node_facts::op_kind::add;
    }
    return f;
}

// How node Layer may write over its input by rows (plan/in_place_rows.hpp), or not at all.
template <class Layer>
constexpr plan::row_band row_band_of() noexcept {
    if constexpr (requires { Layer::in_place_rows; })
        return Layer::in_place_rows;
    else
        return {};
}

// Where a view's bytes start in its input's (a layer that views a part states view_offset).
template <class Bound>
constexpr std::size_t view_offset_of() noexcept {
    if constexpr (requires { Bound::view_offset; })
        return Bound::view_offset;
    else
        return 0;
}

// A concatenation whose inputs may live inside its output (plan/lifetimes.hpp) says joins_inputs.
template <class Bound>
constexpr bool joins_inputs_of() noexcept {
    if constexpr (requires { Bound::joins_inputs; })
        return Bound::joins_inputs;
    else
        return false;
}

template <class Bound>
constexpr plan::entry_kind entry_kind_of() noexcept {
    constexpr layers::source_kind k = source_of<Bound>();
    return k == layers::source_kind::input      ? plan::entry_kind::input
           : k == layers::source_kind::constant ? plan::entry_kind::constant
                                                : plan::entry_kind::computed;
}

template <class S, class Seq = std::make_index_sequence<S::layer_count>>
struct layer_tables;

template <class S, std::size_t... I>
struct layer_tables<S, std::index_sequence<I...>> {
    static constexpr std::size_t n = sizeof...(I);
    static constexpr std::array<std::size_t, n> param_bytes{bound_t<S, int(I) + 1>::facts.param_bytes...};
    static constexpr std::array<std::size_t, n> widenable_weights{bound_t<S, int(I) + 1>::facts.widenable_weights...};
    static constexpr std::array<std::size_t, n> macs{bound_t<S, int(I) + 1>::facts.macs...};
    static constexpr std::array<std::size_t, n> scratch_bytes{bound_t<S, int(I) + 1>::facts.scratch_bytes...};
    // The kernel set each layer runs on (kernels/select.hpp).
    static constexpr std::array<const char*, n> kernel_sets{bound_t<S, int(I) + 1>::kernel::set_name...};
    // Bytes of the tensor each layer produces (zero for a reshape: it reuses its input's).
    static constexpr std::array<std::size_t, n> activation_bytes{(bound_t<S, int(I) + 1>::facts.is_view ? std::size_t{0} : tensor_t<S, int(I) + 1>::bytes)...};

    static constexpr std::array<const int*, n> inputs{node_t<S, int(I) + 1>::inputs.data()...};
    static constexpr std::array<int, n> input_count{int(node_t<S, int(I) + 1>::inputs.size())...};

    // Where each view's bytes start in its input's (0 for the rest).
    static constexpr std::array<std::size_t, n> view_offsets{view_offset_of<bound_t<S, int(I) + 1>>()...};
    // What each entry is: a model input, a constant or a computed tensor (graph/sources.hpp).
    static constexpr std::array<plan::entry_kind, n + 1> kinds{plan::entry_kind::input, entry_kind_of<bound_t<S, int(I) + 1>>()...};
    // The model's inputs, in order: tensor 0 and every input entry after it.
    static constexpr std::size_t model_input_count = [] {
        std::size_t c = 0;
        for (plan::entry_kind k : kinds) c += k == plan::entry_kind::input ? 1 : 0;
        return c;
    }();
    static constexpr std::array<int, model_input_count> input_list = [] {
        std::array<int, model_input_count> list{};
        std::size_t at = 0;
        for (std::size_t k = 0; k <= n; ++k)
            if (kinds[k] == plan::entry_kind::input) list[at++] = int(k);
        return list;
    }();

    struct lifetimes_result {
        std::array<plan::buffer, n + 1> buffers;
        std::array<bool, n + 1> in_flash;
        std::array<bool, n + 1> joined;
    };
    // One buffer per tensor, with the lifetimes the unfused graph implies (plan/lifetimes.hpp).
    static constexpr lifetimes_result lifetimes = [] {
        constexpr std::array<std::size_t, n> bytes{tensor_t<S, int(I) + 1>::bytes...};
        constexpr std::array<bool, n> aliases{bound_t<S, int(I) + 1>::facts.is_view...};
        constexpr std::array<int, n> in_place{bound_t<S, int(I) + 1>::facts.in_place_input...};
        constexpr std::array<bool, n> joins{joins_inputs_of<bound_t<S, int(I) + 1>>()...};
        std::array<plan::entry_use, n + 1> use{};
        use[0] = {plan::entry_kind::input, S::input_tensor::bytes, -1, -1};
        for (std::size_t k = 0; k < n; ++k) {
            const int step = int(k) + 1;
            auto input = [&](int i) { return checked_input(inputs[k][i], step); };
            use[k + 1] = {kinds[k + 1], bytes[k], aliases[k] ? input(0) : -1, in_place[k] >= 0 ? input(in_place[k]) : -1,
                          aliases[k] ? view_offsets[k] : 0, joins[k]};
        }
        struct reads {
            const int* first;
            const int* last;
            constexpr const int* begin() const noexcept { return first; }
            constexpr const int* end() const noexcept { return last; }
        };
        lifetimes_result r{};
        plan::tensor_lifetimes(
            use.data(), int(n + 1),
            [](int k) { return k == 0 ? reads{nullptr, nullptr} : reads{inputs[k - 1], inputs[k - 1] + input_count[k - 1]}; },
            S::output_list.data(), int(S::output_list.size()), r.buffers.data(), r.in_flash.data(), r.joined.data());
        return r;
    }();
    static constexpr std::array<plan::buffer, n + 1> unfused_buffers = lifetimes.buffers;
    // in_flash[K]: tensor K's bytes are a constant's, in flash (a constant, or a view of one).
    static constexpr std::array<bool, n + 1> in_flash = lifetimes.in_flash;
    // joined[K]: node K is a concatenation whose inputs live inside its output: it runs no code.
    static constexpr std::array<bool, n + 1> joined = lifetimes.joined;
    // flash_entry[K]: the constant entry whose values tensor K is (or a view of), or -1;
    // flash_offset[K]: where in them tensor K starts, in bytes.
    static constexpr std::array<int, n + 1> flash_entry = [] {
        std::array<int, n + 1> e{};
        e[0] = -1;
        for (std::size_t k = 1; k <= n; ++k)
            e[k] = kinds[k] == plan::entry_kind::constant ? int(k)
                   : in_flash[k]                          ? e[std::size_t(checked_input(inputs[k - 1][0], int(k)))]
                                                          : -1;
        return e;
    }();
    static constexpr std::array<std::size_t, n + 1> flash_offset = [] {
        std::array<std::size_t, n + 1> o{};
        for (std::size_t k = 1; k <= n; ++k)
            if (in_flash[k] && kinds[k] != plan::entry_kind::constant)
                o[k] = o[std::size_t(checked_input(inputs[k - 1][0], int(k)))] + view_offsets[k - 1];
        return o;
    }();

    static constexpr std::array<plan::row_band, n + 1> row_bands{plan::row_band{}, row_band_of<bound_t<S, int(I) + 1>>()...};
    static constexpr std::array<plan::node_facts, n + 1> node_facts{plan::node_facts{}, facts_of<node_t<S, int(I) + 1>, bound_t<S, int(I) + 1>, tensor_t<S, int(I) + 1>, int(I) + 1>()...};
};

// The constant objects each layer's kernel links with options O, and the bytes each layer links
// first (kernels/linked_constants.hpp): the flash a build of the model places, per layer.
template <class S, kernel_options O, class Seq = std::make_index_sequence<S::layer_count>>
struct linked_tables;

template <class S, kernel_options O, std::size_t... I>
struct linked_tables<S, O, std::index_sequence<I...>> {
    static constexpr std::array<kernels::linked_constants, sizeof...(I)> constants{
        bound_t<S, int(I) + 1>::template constants<O>()...};
    static constexpr std::array<std::size_t, sizeof...(I)> first_bytes = kernels::first_linked_bytes(constants);
    static constexpr std::array<const char*, sizeof...(I)> weight_forms{constants[I].weight_form...};
};

// How node Layer may write over its input with options O: as its kernel is, when that kernel
// reads each group of pixels before writing them (row_band::whole), else by rows.
template <class Layer, kernel_options O>
constexpr plan::row_band row_band_with_options() noexcept {
    plan::row_band b = row_band_of<Layer>();
    if constexpr (requires { Layer::template in_place_whole<O>; }) {
        if (Layer::template in_place_whole<O> && b.delay == 0) {
            b.whole = true;
            b.chunk_rows = b.rows;
        }
    }
    return b;
}

// Each node's in-place rule with options O (node 0 stands for the model input): what the
// smallest-RAM schedule may use (graph/graph_plan.hpp).
template <class S, kernel_options O, class Seq = std::make_index_sequence<S::layer_count>>
struct in_place_tables;

template <class S, kernel_options O, std::size_t... I>
struct in_place_tables<S, O, std::index_sequence<I...>> {
    static constexpr std::array<plan::row_band, sizeof...(I) + 1> bands{plan::row_band{},
                                                                        row_band_with_options<bound_t<S, int(I) + 1>, O>()...};
};

}  // namespace ctnn::detail
