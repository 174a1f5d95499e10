// The layer protocol. A layer type (conv2d<...>, pad<...>) derives from `ctnn::layers::layer`
// and has a member template `bind<In...>`: the layer applied to its input tensor types. A
// bound layer states, with no defaults:
//   output          : tensor_type of the result
//   kernel          : kernels::kernel_for<kernels::op::X> (kernels/select.hpp), or kernels::no_kernel
//   facts           : a layer_facts, every field given by name (a missing or misspelt one does not
//                     compile, and the message names it: required_fact<..., fact::NAME>)
//   template <kernel_options O> static void run(const In*..., Out*, std::byte* scratch)
//                     the fast kernel; scratch: facts.scratch_bytes bytes of the arena, live for
//                     this step only (word aligned)
//   static void run_reference(const In*..., Out*)   the readable oracle
//   template <kernel_options O> static constexpr kernels::linked_constants constants()
//                     the constant objects run<O> links (kernels/linked_constants.hpp): what
//                     Model::flash_bytes adds up
// Layers in a residual-fusion role add (see facts.fusion):
//   conv_rows    : template <kernel_options O> run_rows(in, out, y_begin, y_end, scratch) and
//                  run_reference_rows(in, out, y_begin, y_end), out = row y_begin's first byte
//   residual_add : run_range(a, b, out, n) and run_reference_range(a, b, out, n), n elements
#pragma once

#include <concepts>
#include <cstddef>

#include "ctnn/core/tensor_type.hpp"

namespace ctnn::layers {

// The base every layer type derives from: what `node<...>` checks.
struct layer {};

enum class fact { param_bytes, macs, widenable_weights, in_place_input, is_view, fusion, scratch_bytes };

// A fact that must be given: no default constructor, so an omitted field fails to compile with
// this type, and so the fact's name, in the message.
template <class T, fact Name>
struct required_fact {
    T value;
    constexpr required_fact(T v) noexcept : value(v) {}  // NOLINT: implicit, for `.macs = n`
    constexpr operator T() const noexcept { return value; }
};

enum class fusion_role { none, conv_rows, residual_add };

struct layer_facts {
    // Constant bytes the layer keeps in flash, as TFLite stores them (weights, bias, tables).
    required_fact<std::size_t, fact::param_bytes> param_bytes;
    // Multiply-accumulates per inference.
    required_fact<std::size_t, fact::macs> macs;
    // int8 weights that kernel_options::weights (weight_storage::int16) stores as int16 (counted twice then).
    required_fact<std::size_t, fact::widenable_weights> widenable_weights;
    // Index of an input the output may overwrite when that input dies here, or -1.
    required_fact<int, fact::in_place_input> in_place_input;
    // The output is the input's bytes (RESHAPE): no work, no storage.
    required_fact<bool, fact::is_view> is_view;
    // The part the layer can play in residual fusion (plan/residual_fusion.hpp).
    required_fact<fusion_role, fact::fusion> fusion;
    // Arena bytes the build's kernel needs for this step (kernels/<set>/: each says its own).
    required_fact<std::size_t, fact::scratch_bytes> scratch_bytes;
};

// What every layer of one operator shares, whatever its parameters: stated once, next to the
// layer type (`inline constexpr operator_traits <op>_traits`), and read both by its bound
// layers' facts and by the converter's operator table (tools/ctnn-convert/operators.hpp), so
// the two cannot disagree. Every field by name, as for layer_facts.
struct operator_traits {
    // Its int8 weights are what kernel_options::weights may store as int16.
    required_fact<bool, fact::widenable_weights> widenable_weights;
    // Index of an input the output may overwrite when that input dies here, or -1.
    required_fact<int, fact::in_place_input> in_place_input;
    // The output is the input's bytes (RESHAPE).
    required_fact<bool, fact::is_view> is_view;
    required_fact<fusion_role, fact::fusion> fusion;
};

// The facts of a layer with no weights, no MACs and no scratch (element-wise operators, data
// movement); table_bytes: the constant table it keeps in flash (HARD_SWISH's), or 0.
constexpr layer_facts unweighted_facts(operator_traits t, std::size_t table_bytes) noexcept {
    return {.param_bytes = table_bytes, .macs = 0, .widenable_weights = 0, .in_place_input = t.in_place_input,
            .is_view = t.is_view, .fusion = t.fusion, .scratch_bytes = 0};
}

// An operator whose output is a tensor of its own and that plays no part in residual fusion.
inline constexpr operator_traits separate_output{
    .widenable_weights = false, .in_place_input = -1, .is_view = false, .fusion = fusion_role::none};
// An element-wise operator whose output may overwrite its first input.
inline constexpr operator_traits in_place_elementwise{
    .widenable_weights = false, .in_place_input = 0, .is_view = false, .fusion = fusion_role::none};

}  // namespace ctnn::layers

namespace ctnn {

// A layer type: what a graph's nodes hold.
template <class L>
concept layer = std::derived_from<L, layers::layer>;

// A layer bound to its input tensors, in its three parts (each checked on its own where a graph
// binds a node, so that the message says which one is missing: graph/structure.hpp).
template <class B>
inline constexpr bool declares_output = requires {
    typename B::output;
    requires TensorType<typename B::output>;
};
template <class B>
inline constexpr bool declares_kernel = requires { typename B::kernel; };
template <class B>
inline constexpr bool declares_facts = requires {
    { B::facts } -> std::same_as<const layers::layer_facts&>;
};
template <class B>
concept bound_layer = declares_output<B> && declares_kernel<B> && declares_facts<B>;

}  // namespace ctnn
