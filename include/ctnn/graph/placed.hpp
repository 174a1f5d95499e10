// A model whose arena is split across a part's RAM regions (budget/regions.hpp), planned at
// compile time: small tensors and scratch in the fastest region, what does not fit spilling to
// the next (plan/region_planner.hpp). Each region's arena is its own static object, so each can
// go where the linker script puts that region:
//
//   using net = ctnn::placed<kws::model, ctnn::targets::stm32h743zi>;
//   CTNN_REGION_ARENA(net, ctnn::targets::stm32h743zi::dtcm, ".bss.dtcm");  // else: plain .bss
//   static_assert(ctnn::fits<net, ctnn::targets::stm32h743zi>);             // every region
//   net::instance model;   // a handle: the arenas are the region objects
//   model.invoke();
//
// The same layers, kernels and results as Model; only the addresses differ.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <type_traits>
#include <utility>

#include "ctnn/budget/regions.hpp"
#include "ctnn/graph/fixed_inputs.hpp"
#include "ctnn/graph/records.hpp"
#include "ctnn/graph/run_node.hpp"
#include "ctnn/plan/region_planner.hpp"

namespace ctnn {

template <class Placed>
class placed_instance;

namespace detail {

template <class Model, HasRegions Target>
struct placed_model : Model {
    using target = Target;
    using region_list = typename Target::regions;
    static constexpr std::size_t region_count = region_list::count;
    // The I-th fastest region: where region_plan's region index I lives.
    template <std::size_t I>
    using region_at = typename region_list::template at<I>;

    static constexpr auto region_plan = plan::plan_regions(Model::buffers, region_list::capacity);
    static_assert(!region_plan.placed || plan::regions_are_safe(Model::buffers, region_plan),
                  "ctnn: internal error: a region's plan overlaps live tensors");
    // Bytes of each region's arena, fastest first (0: the region holds nothing).
    static constexpr std::array<std::size_t, region_list::count> region_bytes = region_plan.bytes;
    static constexpr std::size_t ram_bytes = [] {
        std::size_t sum = 0;
        for (std::size_t b : region_bytes) sum += b;
        return sum;
    }();

    template <class Region>
    static constexpr std::size_t bytes_in = [] {
        std::size_t b = 0;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((b = std::is_same_v<Region, region_at<I>> ? region_bytes[I] : b), ...);
        }(std::make_index_sequence<region_list::count>{});
        return b;
    }();

    using instance = placed_instance<placed_model>;
};

}  // namespace detail

template <class Model, HasRegions Target>
using placed = detail::placed_model<Model, Target>;

// Bytes of Placed's arena object for Region (at least 1: C++ has no empty arrays).
template <class Placed, class Region>
inline constexpr std::size_t region_storage_bytes = Placed::template bytes_in<Region> > 0 ? Placed::template bytes_in<Region> : 1;

// The arena of Region for Placed: in .bss unless CTNN_REGION_ARENA names its section. (GCC
// ignores a section attribute on a template's members; on an explicit specialisation it holds.)
template <class Placed, class Region>
struct region_storage {
    alignas(16) static inline std::byte bytes[region_storage_bytes<Placed, Region>];
};

// Places Region's arena of Placed in SECTION (a name your linker script maps to the region;
// ".bss.<name>" keeps it out of the flash image). Put it before the first use of Placed's instance.
#define CTNN_REGION_ARENA(PLACED, REGION, SECTION)                                                     \
    template <>                                                                                         \
    struct ctnn::region_storage<PLACED, REGION> {                                                       \
        alignas(16) __attribute__((section(SECTION))) static inline std::byte                           \
            bytes[::ctnn::region_storage_bytes<PLACED, REGION>];                                        \
    }

namespace detail {
template <class Placed, std::size_t I>
std::byte* region_base() noexcept {
    return region_storage<Placed, typename Placed::template region_at<I>>::bytes;
}
}  // namespace detail

namespace diag {
template <class Model, bool Placed>
struct model_does_not_fit_the_regions {
    static_assert(Placed, "ctnn: the model's tensors do not fit the target's RAM regions (ctnn::fits<Model, Target> "
                          "names the region and the bytes)");
};
}  // namespace diag

// A placed model's handle: input, invoke, output, as ctnn::instance; its arenas are the
// region objects (static storage, one set per placed model type).
template <class Placed>
class placed_instance {
    static_assert(sizeof(diag::model_does_not_fit_the_regions<Placed, Placed::region_plan.placed>));

  public:
    using model = Placed;
    using input_element = typename Placed::input_element;
    using output_element = typename Placed::output_element;

    std::span<input_element, Placed::input_size> input() noexcept {
        return std::span<input_element, Placed::input_size>(detail::tensor_of<Placed, Placed::input_tensors[0]>(nullptr), Placed::input_size);
    }
    // Stateful layers are not placed across regions yet (graph/arena_access.hpp says so at
    // compile time): for the models that can be placed there is nothing to reset.
    void reset_state() noexcept { detail::reset_layer_states<Placed>(nullptr); }
    status invoke() noexcept {
        if constexpr (detail::has_fixed_inputs<Placed>)
            if (!detail::fixed_inputs_hold<Placed>(nullptr)) return status::fixed_input_mismatch;
        detail::run_layers<Placed, false>(nullptr);
        return status::ok;
    }
    status invoke_reference() noexcept {
        if constexpr (detail::has_fixed_inputs<Placed>)
            if (!detail::fixed_inputs_hold<Placed>(nullptr)) return status::fixed_input_mismatch;
        detail::run_layers<Placed, true>(nullptr);
        return status::ok;
    }
    std::span<const output_element, Placed::output_size> output() noexcept {
        return std::span<const output_element, Placed::output_size>(detail::tensor_of<Placed, Placed::output_tensors[0]>(nullptr),
                                                                    Placed::output_size);
    }
    void read_inputs(const void* record) noexcept { detail::read_inputs<Placed>(nullptr, record); }
    void write_outputs(void* record) const noexcept { detail::write_outputs<Placed>(nullptr, record); }
};

}  // namespace ctnn
