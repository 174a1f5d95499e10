// RAM and flash budgets, and the compile-time verdict on whether a model fits one.
//
//   static_assert(ctnn::fits<kws::model, ctnn::targets::stm32f446re>);
//   static_assert(ctnn::fits<kws::model, ctnn::reserve<ctnn::targets::nrf52840, ctnn::kib(64), ctnn::kib(256)>>);
//
// A miss stops compilation with the numbers in the failing template's name:
//   required from 'struct ctnn::diag::model_needs_bytes_of_ram<71680>::budget_allows<65536>'
#pragma once

#include <concepts>
#include <cstddef>

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

// The RAM a model needs: its arena (activations and scratch) is the whole of it.
template <class Model>
inline constexpr std::size_t ram_bytes_v = Model::arena_bytes;
// The flash its constant data needs (code is known only at link time; see the firmware check).
template <class Model>
inline constexpr std::size_t flash_bytes_v = Model::flash_bytes;

namespace diag {
template <std::size_t Needed>
struct model_needs_bytes_of_ram {
    template <std::size_t Allowed>
    struct budget_allows {
        static_assert(Needed <= Allowed, "ctnn: model does not fit the RAM budget (bytes needed, then allowed, in the "
                                         "names model_needs_bytes_of_ram<N>::budget_allows<M>)");
    };
};
template <std::size_t Needed>
struct model_needs_bytes_of_flash {
    template <std::size_t Allowed>
    struct budget_allows {
        static_assert(Needed <= Allowed, "ctnn: model does not fit the flash budget (bytes needed, then allowed, in the "
                                         "names model_needs_bytes_of_flash<N>::budget_allows<M>)");
    };
};
}  // namespace diag

// Whether the model fits, without an error, for code that wants to choose.
template <class Model, Budget B>
inline constexpr bool fits_within = ram_bytes_v<Model> <= B::ram_bytes && flash_bytes_v<Model> <= B::flash_bytes;

// The same answer; a compile error naming the bytes needed and allowed when it is no.
template <class Model, Budget B>
inline constexpr bool fits =
    sizeof(typename diag::model_needs_bytes_of_ram<ram_bytes_v<Model>>::template budget_allows<B::ram_bytes>) &&
    sizeof(typename diag::model_needs_bytes_of_flash<flash_bytes_v<Model>>::template budget_allows<B::flash_bytes>) &&
    fits_within<Model, B>;

}  // namespace ctnn
