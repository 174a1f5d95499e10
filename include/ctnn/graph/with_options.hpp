// A model with other kernel options: the same layers, tensors and arena, different kernels.
//
//   using fast = ctnn::with_int16_weights<kws::model>;   // int16 weights: more flash, fewer instructions
//   static_assert(ctnn::fits<fast, ctnn::targets::stm32f446re>);   // counts the doubled weights
//   fast::instance net;
//   using dense = ctnn::with_sparsity<kws::model, ctnn::sparsity::off>;   // zeros stored and multiplied
//   using small = ctnn::optimize_for<kws::model, ctnn::smallest_ram>;     // in place by rows: less arena
//   using fits  = ctnn::fastest_within<kws::model, 12 * 1024>;           // the fastest that fits 12 KiB
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctnn/graph/graph.hpp"
#include "ctnn/graph/instance.hpp"
#include "ctnn/kernels/kernel_options.hpp"

namespace ctnn {
namespace diag {
template <class NotAModel>
struct kernel_options_apply_to_models_only {
    static_assert(sizeof(NotAModel) == 0, "ctnn: with_kernel_options takes a model (ctnn::graph or ctnn::sequential)");
};
}  // namespace diag

namespace detail {
// A model is a basic_graph or a type derived from one (the converter emits
// `struct model : ctnn::graph<...> {};`); deduction finds the base without naming it.
template <kernel_options O, class Input, class... Nodes>
void graph_base_of(const basic_graph<O, Input, Nodes...>*);  // declared only
template <class M>
concept model_type = requires { detail::graph_base_of(static_cast<const M*>(nullptr)); };

// Model with options O, as a type named after Model: its run steps and errors say
// `reoptioned<ns::model, ...>`, not the whole graph (see graph/run_node.hpp).
template <class Model, kernel_options O>
struct reoptioned : Model::template with_options<O> {
    using instance = ctnn::instance<reoptioned>;
};

template <class Model>
struct original_model {
    using type = Model;
};
template <class Model, kernel_options O>
struct original_model<reoptioned<Model, O>> {
    using type = Model;
};

// Options apply to the model as written, so applying them twice or undoing them gives back a
// type that is_same recognises.
template <class Model, kernel_options O>
struct with_kernel_options : diag::kernel_options_apply_to_models_only<Model> {};
template <model_type Model, kernel_options O>
struct with_kernel_options<Model, O> {
    using original = typename original_model<Model>::type;
    using type = std::conditional_t<O == original::options, original, reoptioned<original, O>>;
};

template <class Model>
inline constexpr kernel_options options_of = kernel_options{};  // not a model: refused above
template <model_type Model>
inline constexpr kernel_options options_of<Model> = Model::options;

constexpr kernel_options int16_weights_on(kernel_options o) noexcept {
    o.weights = weight_storage::int16;
    return o;
}
constexpr kernel_options sparsity_set(kernel_options o, sparsity s) noexcept {
    o.sparse_weights = s;
    return o;
}
constexpr kernel_options ram_set(kernel_options o, ram_schedule r, std::size_t budget = 0) noexcept {
    o.ram = r;
    o.ram_budget = r == ram_schedule::smallest ? budget : 0;
    return o;
}
}  // namespace detail

template <class Model, kernel_options O>
using with_kernel_options = typename detail::with_kernel_options<Model, O>::type;

// The model's options with convolution and fully connected weights stored as int16 (see
// kernel_options::weights (weight_storage::int16)); its other options stay.
template <class Model>
using with_int16_weights = with_kernel_options<Model, detail::int16_weights_on(detail::options_of<Model>)>;

// The model's options with the given sparsity (see kernel_options::sparse_weights):
//   using dense  = ctnn::with_sparsity<kws::model, ctnn::sparsity::off>;    // every layer dense
//   using sparse = ctnn::with_sparsity<kws::model, ctnn::sparsity::force>;  // sparse wherever smaller
template <class Model, sparsity S>
using with_sparsity = with_kernel_options<Model, detail::sparsity_set(detail::options_of<Model>, S)>;

// What the schedule optimises (kernel_options::ram):
//   using small = ctnn::optimize_for<kws::model, ctnn::smallest_ram>;   // the least arena
//   using fast  = ctnn::optimize_for<kws::model, ctnn::fastest>;        // the default
struct smallest_ram {
    static constexpr ram_schedule ram = ram_schedule::smallest;
};
struct fastest {
    static constexpr ram_schedule ram = ram_schedule::fastest;
};
template <class Model, class Goal>
using optimize_for = with_kernel_options<Model, detail::ram_set(detail::options_of<Model>, Goal::ram)>;

namespace diag {
template <std::size_t NeededBytes, std::size_t AllowedBytes, bool Fits>
struct no_schedule_fits_the_ram_budget {
    static_assert(Fits, "ctnn: fastest_within: even the smallest-RAM schedule needs more arena than the budget "
                        "(template arguments: bytes needed, bytes allowed)");
};
}  // namespace diag

namespace detail {
template <class Model, std::size_t Bytes, bool DefaultFits>
struct fastest_within {  // the default schedule fits
    using type = optimize_for<Model, ctnn::fastest>;
};
template <class Model, std::size_t Bytes>
struct fastest_within<Model, Bytes, false> {
    using small = optimize_for<Model, smallest_ram>;
    static_assert(sizeof(diag::no_schedule_fits_the_ram_budget<small::arena_bytes, Bytes, small::arena_bytes <= Bytes>));
    using type = ctnn::with_kernel_options<Model, ram_set(options_of<Model>, ram_schedule::smallest, Bytes)>;
    static_assert(small::arena_bytes > Bytes || type::arena_bytes <= Bytes,
                  "ctnn: internal error: the schedule chosen for a RAM budget does not fit it");
};
}  // namespace detail

// The fastest schedule whose arena fits RamBytes: the default one when it fits, else the
// smallest-RAM one with only as many steps in place as the budget needs (those whose copies
// cost the fewest instructions: kernel_options::ram_budget); a compile error, numbers first,
// when not even the smallest-RAM schedule fits.
template <class Model, std::size_t RamBytes>
using fastest_within = typename detail::fastest_within<Model, RamBytes, optimize_for<Model, ctnn::fastest>::arena_bytes <= RamBytes>::type;

}  // namespace ctnn
