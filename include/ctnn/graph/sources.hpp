// The entries of a model that are not computed: its inputs, its constant tensors, and the list of
// its outputs. Inputs and constants are tensors like a node's output (entry K is tensor K) and
// can be read by any node; they run no code.
//
//   using net = ctnn::graph<
//       ctnn::input<ctnn::shape<1, 8>, q_a>,                    // tensor 0: input 0
//       ctnn::input<ctnn::shape<1, 8>, q_b>,                    // tensor 1: input 1
//       ctnn::constant<ctnn::shape<8>, q_c, w::offsets>,        // tensor 2: in flash
//       ctnn::node<add<q_s>, 0, 1>,                             // tensor 3
//       ctnn::node<add<q_t>, 3, 2>,                             // tensor 4
//       ctnn::outputs<4, 3>>;                                   // outputs 0 and 1, in this order
//
// An input's bytes are written before the run (instance::input<K>()); the planner keeps them
// from step 0 to their last reader. A constant's values are `Data::values`, an array of the
// tensor's element type in flash: it takes no arena bytes and counts in Model::flash_bytes
// (once, however many constants name it). Without `outputs<...>`, the model's one output is its
// last tensor.
//
// A fixed input is a model input whose values the static shapes already fix: a shape-like
// operand TFLite lets a model take at run time (TFLM's TRANSPOSE_CONV tests feed the output
// shape as input 0). ctnn's kernels use the compile-time shape; the input stays in the record,
// and instance::invoke() returns status::fixed_input_mismatch, running nothing, when the values
// written differ from Data::values (in flash, counted in Model::flash_bytes).
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {

namespace diag {
template <class Shape, std::size_t Values, bool Matches>
struct constant_values_do_not_match_its_shape {
    static_assert(Matches, "ctnn: a constant's Data::values must hold one value of the tensor's element type per element "
                           "(template arguments: the shape, the number of values)");
};
}  // namespace diag

namespace layers {

// What a source entry is; the planner and the run treat each kind on its own.
enum class source_kind { none, input, constant };

// Entries that no node computes: no inputs, no work, their own storage rule.
inline constexpr operator_traits source_traits{
    .widenable_weights = false, .in_place_input = -1, .is_view = false, .fusion = fusion_role::none};

// The bound form every source shares: a tensor, no kernel, nothing to run.
template <class Tensor, source_kind Kind>
struct bound_source {
    using output = Tensor;
    using kernel = kernels::no_kernel;
    static constexpr source_kind source = Kind;
    static constexpr layer_facts facts = unweighted_facts(source_traits, 0);
    template <kernel_options>
    static void run(typename Tensor::element*, std::byte*) {}
    static void run_reference(typename Tensor::element*) {}
};

}  // namespace layers

// A model input of shape S and quantization Q (or ctnn::float32).
template <Shape S, class Q>
struct input : layers::layer {
    using tensor = tensor_type<S, Q>;
    template <class... None>
    struct bind : layers::bound_source<tensor, layers::source_kind::input> {
        static_assert(sizeof...(None) == 0, "ctnn: a model input reads no tensor");
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return {}; }
    };
};

// A model input whose values must be Data::values (see the top of this file).
template <Shape S, class Q, class Data>
struct fixed_input : layers::layer {
    using tensor = tensor_type<S, Q>;
    template <class... None>
    struct bind : layers::bound_source<tensor, layers::source_kind::input> {
        static_assert(sizeof...(None) == 0, "ctnn: a model input reads no tensor");
        static_assert(sizeof(diag::constant_values_do_not_match_its_shape<
                             S, std::extent_v<std::remove_cvref_t<decltype(Data::values)>>,
                             std::is_same_v<std::remove_cv_t<std::remove_extent_t<std::remove_cvref_t<decltype(Data::values)>>>,
                                            typename tensor::element> &&
                                 std::extent_v<std::remove_cvref_t<decltype(Data::values)>> == S::size>));
        static constexpr layers::layer_facts facts = layers::unweighted_facts(layers::source_traits, tensor::bytes);
        // The values the input must hold: what invoke() compares it with.
        static constexpr const typename tensor::element* fixed_values() noexcept { return Data::values; }
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernels::linked_constants{}.and_shared(Data::values); }
    };
};

// A constant tensor: shape S, quantization Q, values Data::values (in flash).
template <Shape S, class Q, class Data>
struct constant : layers::layer {
    using tensor = tensor_type<S, Q>;
    template <class... None>
    struct bind : layers::bound_source<tensor, layers::source_kind::constant> {
        static_assert(sizeof...(None) == 0, "ctnn: a constant reads no tensor");
        static_assert(sizeof(diag::constant_values_do_not_match_its_shape<
                             S, std::extent_v<std::remove_cvref_t<decltype(Data::values)>>,
                             std::is_same_v<std::remove_cv_t<std::remove_extent_t<std::remove_cvref_t<decltype(Data::values)>>>,
                                            typename tensor::element> &&
                                 std::extent_v<std::remove_cvref_t<decltype(Data::values)>> == S::size>));
        // Its values are constant bytes of the model, as TFLite stores them too.
        static constexpr layers::layer_facts facts = layers::unweighted_facts(layers::source_traits, tensor::bytes);
        static constexpr const typename tensor::element* data() noexcept { return Data::values; }
        // The values are the model's, shared by every entry that names them.
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernels::linked_constants{}.and_shared(Data::values); }
    };
};

// The model's outputs, in order: tensor indices. Only as a model's last entry.
template <int... Tensors>
struct outputs {
    static_assert(sizeof...(Tensors) >= 1, "ctnn: outputs<...> names at least one tensor");
    static constexpr std::array<int, sizeof...(Tensors)> tensors{Tensors...};
};

namespace detail {
template <class E>
inline constexpr bool is_outputs = false;
template <int... T>
inline constexpr bool is_outputs<outputs<T...>> = true;

template <class B>
inline constexpr bool is_fixed_input = requires { B::fixed_values(); };

template <class B>
constexpr layers::source_kind source_of() noexcept {
    if constexpr (requires { B::source; })
        return B::source;
    else
        return layers::source_kind::none;
}
}  // namespace detail

}  // namespace ctnn
