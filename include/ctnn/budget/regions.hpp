// RAM regions of a part: DTCM, AXI SRAM, SRAM1-3 on an STM32H7, FlexRAM and OCRAM on an
// i.MX RT. A region is a type with its bytes, its speed rank (0 = fastest; equal ranks keep the
// listed order) and a name; a target lists its regions:
//
//   struct my_part : ctnn::budget<kib(640), mib(2)> {
//       struct dtcm : ctnn::memory_region<kib(128), 0> { static constexpr const char* name = "DTCM"; };
//       struct sram : ctnn::memory_region<kib(512), 1> { static constexpr const char* name = "SRAM"; };
//       using regions = ctnn::regions<dtcm, sram>;
//   };
//
// ctnn::placed<Model, my_part> (graph/placed.hpp) splits the model's arena across them, and
// ctnn::fits checks every region, naming the one that overflows.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <tuple>

namespace ctnn {

template <std::size_t Bytes, int SpeedRank>
struct memory_region {
    static constexpr std::size_t bytes = Bytes;
    static constexpr int speed_rank = SpeedRank;
};

template <class R>
concept MemoryRegion = requires {
    { R::bytes } -> std::convertible_to<std::size_t>;
    { R::speed_rank } -> std::convertible_to<int>;
    { R::name } -> std::convertible_to<const char*>;
};

template <MemoryRegion... R>
struct regions {
    static_assert(sizeof...(R) >= 1, "ctnn: a region list names at least one region");
    static constexpr std::size_t count = sizeof...(R);
    // Listed positions, fastest first (a stable order by speed rank).
    static constexpr std::array<int, sizeof...(R)> by_speed = [] {
        constexpr std::array<int, sizeof...(R)> rank{R::speed_rank...};
        std::array<int, sizeof...(R)> order{};
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = int(i);
        for (std::size_t i = 1; i < order.size(); ++i)  // insertion sort: stable, few regions
            for (std::size_t j = i; j > 0 && rank[std::size_t(order[j])] < rank[std::size_t(order[j - 1])]; --j) {
                const int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        return order;
    }();
    // The I-th fastest region.
    template <std::size_t I>
    using at = std::tuple_element_t<std::size_t(by_speed[I]), std::tuple<R...>>;
    static constexpr std::array<std::size_t, sizeof...(R)> capacity = [] {
        constexpr std::array<std::size_t, sizeof...(R)> listed{R::bytes...};
        std::array<std::size_t, sizeof...(R)> c{};
        for (std::size_t i = 0; i < c.size(); ++i) c[i] = listed[std::size_t(by_speed[i])];
        return c;
    }();
};

template <class Target>
concept HasRegions = requires { Target::regions::count; };

namespace diag {
template <std::size_t Needed, class Region>
struct model_needs_bytes_of_ram_in_region {
    template <std::size_t Allowed>
    struct budget_allows {
        static_assert(Needed <= Allowed, "ctnn: model needs more RAM in this region than it has once the faster regions "
                                         "are full (bytes needed, the region, then bytes allowed: "
                                         "model_needs_bytes_of_ram_in_region<N, Region>::budget_allows<M>)");
    };
};
}  // namespace diag

}  // namespace ctnn
