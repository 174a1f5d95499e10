// RAM and flash budgets, and the compile-time verdict on whether a model fits one.
//
//   static_assert(ctnn::fits<kws::model, ctnn::targets::stm32f446re>);
//   static_assert(ctnn::fits<kws::model, ctnn::reserve<ctnn::targets::nrf52840, ctnn::kib(64), ctnn::kib(256)>>);
//
// A miss stops compilation with the part and the numbers in the failing template's name:
//   required from 'struct ctnn::diag::model_needs_bytes_of_flash_for_constants<38772>::budget_allows<32768>'
//   required from 'struct ctnn::diag::model_needs_bytes_of_ram_for_arena<71680>::budget_allows<65536>'
//
// Both figures are exact for the build's kernel set (docs/concepts.md): flash is every constant
// object the kernels link for the model, RAM the instance (the arena, scratch included). The
// stack and the rest of the firmware are the reserve's (reserve<Target, Ram, Flash> below).
#pragma once

#include <concepts>
#include <cstddef>
#include <utility>

#include "ctnn/budget/regions.hpp"

namespace ctnn {

constexpr std::size_t kib(std::size_t n) noexcept { return n * 1024; }
constexpr std::size_t mib(std::size_t n) noexcept { return n * 1024 * 1024; }

template <std::size_t RamBytes, std::size_t FlashBytes>
struct budget {
    static constexpr std::size_t ram_bytes = RamBytes;
    static constexpr std::size_t flash_bytes = FlashBytes;
};

template <class B>
concept Budget = requires {
    { B::ram_bytes } -> std::convertible_to<std::size_t>;
    { B::flash_bytes } -> std::convertible_to<std::size_t>;
};

namespace diag {
template <std::size_t Reserved, std::size_t Available>
struct reservation_exceeds_target {
    static_assert(Reserved <= Available, "ctnn: the reservation for the rest of the firmware exceeds the target's memory");
    static constexpr std::size_t left = Available - Reserved;
};
}  // namespace diag

// What is left of a target for the model once the rest of the firmware has taken its share.
template <Budget Target, std::size_t RamReserved, std::size_t FlashReserved>
struct reserve {
    static constexpr std::size_t ram_bytes = diag::reservation_exceeds_target<RamReserved, Target::ram_bytes>::left;
    static constexpr std::size_t flash_bytes =
        diag::reservation_exceeds_target<FlashReserved, Target::flash_bytes>::left;
};

// The RAM a model needs: its instance, the arena (activations and scratch) aligned to 16 bytes.
template <class Model>
inline constexpr std::size_t ram_bytes_v = Model::ram_bytes;
// The flash its constants need: every table the build's kernels link for it (code is known
// only at link time; see the firmware check).
template <class Model>
inline constexpr std::size_t flash_bytes_v = Model::flash_bytes;

namespace diag {
template <std::size_t Needed>
struct model_needs_bytes_of_ram_for_arena {
    template <std::size_t Allowed>
    struct budget_allows {
        static_assert(Needed <= Allowed, "ctnn: model needs more RAM for its arena than the budget allows (bytes needed, "
                                         "then allowed: model_needs_bytes_of_ram_for_arena<N>::budget_allows<M>)");
    };
};
template <std::size_t Needed>
struct model_needs_bytes_of_flash_for_constants {
    template <std::size_t Allowed>
    struct budget_allows {
        static_assert(Needed <= Allowed, "ctnn: model needs more flash for its constants than the budget allows (bytes "
                                         "needed, then allowed: model_needs_bytes_of_flash_for_constants<N>::budget_allows<M>)");
    };
};
}  // namespace diag

namespace detail {
// A model placed across its target's RAM regions (graph/placed.hpp).
template <class Model>
concept placed_across_regions = requires { Model::region_plan.placed; };

// What region I (fastest first) of a placed model needs: its arena, or, when some tensor fits
// nowhere, what the last region would need with it (the region the error names).
template <class Model, std::size_t I>
constexpr std::size_t region_need() noexcept {
    if (Model::region_plan.placed) return Model::region_plan.bytes[I];
    return I + 1 == Model::region_count ? Model::region_plan.overflow_bytes : 0;
}

template <class Model, class B>
constexpr bool ram_fits_within() noexcept {
    if constexpr (placed_across_regions<Model>)
        return Model::region_plan.placed && Model::ram_bytes <= B::ram_bytes;
    else
        return ram_bytes_v<Model> <= B::ram_bytes;
}

// The RAM check with its diagnostic: per region for a placed model, else the arena.
template <class Model, class B>
constexpr bool ram_check() noexcept {
    if constexpr (placed_across_regions<Model>) {
        return []<std::size_t... I>(std::index_sequence<I...>) {
            return (sizeof(typename diag::model_needs_bytes_of_ram_in_region<
                           region_need<Model, I>(), typename Model::template region_at<I>>::template budget_allows<
                           Model::template region_at<I>::bytes>) && ...);
        }(std::make_index_sequence<Model::region_count>{});
    } else {
        return sizeof(typename diag::model_needs_bytes_of_ram_for_arena<ram_bytes_v<Model>>::template budget_allows<B::ram_bytes>) > 0;
    }
}
}  // namespace detail

// Whether the model fits, without an error, for code that wants to choose.
template <class Model, Budget B>
inline constexpr bool fits_within = detail::ram_fits_within<Model, B>() && flash_bytes_v<Model> <= B::flash_bytes;

// The same answer; a compile error naming the part (and the region), the bytes needed and
// allowed when it is no.
template <class Model, Budget B>
inline constexpr bool fits =
    detail::ram_check<Model, B>() &&
    sizeof(typename diag::model_needs_bytes_of_flash_for_constants<flash_bytes_v<Model>>::template budget_allows<B::flash_bytes>) &&
    fits_within<Model, B>;

}  // namespace ctnn
