// The arena planner on hand-made lifetimes: exact offsets, sharing rules, and the safety proof.
#include <doctest/doctest.h>

#include <array>

#include "ctnn/plan/arena_planner.hpp"

using ctnn::plan::buffer;

namespace {
template <std::size_t N>
constexpr bool safe(const std::array<buffer, N>& b) {
    const auto p = ctnn::plan::plan_arena(b);
    return ctnn::plan::plan_is_safe(b.data(), int(N), p.offsets.data(), p.root.data(), p.bytes);
}
}  // namespace

// A chain a -> b -> c -> d of 100, 60, 100, 8 bytes: ping-pong.
// Largest first: a (100, live 0..1) at 0; c (100, live 2..3) is not live with a: at 0;
// b (60, live 1..2) is live with both: at 100; d (8, live 3..4) live with c: at 100.
constexpr std::array<buffer, 4> chain{{{100, 0, 1}, {60, 1, 2}, {100, 2, 3}, {8, 3, 4}}};
constexpr auto chain_plan = ctnn::plan::plan_arena(chain);
static_assert(chain_plan.bytes == 160);
static_assert(chain_plan.offsets[0] == 0 && chain_plan.offsets[2] == 0);
static_assert(chain_plan.offsets[1] == 100 && chain_plan.offsets[3] == 100);
static_assert(safe(chain));

// A residual block: t0 feeds t1 and (skip) t3 = add(t2, t0): t0 lives to step 3.
// With in_place_of = 0 for the add (t0 dies at step 3, same size), t3 reuses t0's bytes.
constexpr std::array<buffer, 4> residual{{{64, 0, 3}, {64, 1, 2}, {64, 2, 3}, {64, 3, 4, -1, 0}}};
constexpr auto residual_plan = ctnn::plan::plan_arena(residual);
static_assert(residual_plan.bytes == 192);
static_assert(residual_plan.offsets[3] == residual_plan.offsets[0]);
static_assert(safe(residual));

// In place is refused when the input is still needed later, or when sizes differ.
constexpr std::array<buffer, 4> still_live{{{64, 0, 4}, {64, 1, 2}, {64, 2, 3}, {64, 3, 4, -1, 0}}};
static_assert(ctnn::plan::plan_arena(still_live).offsets[3] != ctnn::plan::plan_arena(still_live).offsets[0]);
static_assert(safe(still_live));
constexpr std::array<buffer, 2> different_size{{{64, 0, 1}, {32, 1, 2, -1, 0}}};
static_assert(ctnn::plan::plan_arena(different_size).bytes == 96);

// An alias (reshape) shares its input's bytes and extends its life.
constexpr std::array<buffer, 4> reshaped{{{40, 0, 1}, {12, 1, 2}, {12, 2, 3, 1}, {20, 3, 4}}};
constexpr auto reshaped_plan = ctnn::plan::plan_arena(reshaped);
static_assert(reshaped_plan.offsets[2] == reshaped_plan.offsets[1]);
static_assert(safe(reshaped));

TEST_CASE("plan_is_safe rejects overlapping live buffers") {
    std::array<std::size_t, 2> offsets{0, 8};
    std::array<int, 2> root{0, 1};
    const std::array<buffer, 2> b{{{16, 0, 1}, {16, 1, 2}}};
    CHECK_FALSE(ctnn::plan::plan_is_safe(b.data(), 2, offsets.data(), root.data(), 24));
    offsets[1] = 16;
    CHECK(ctnn::plan::plan_is_safe(b.data(), 2, offsets.data(), root.data(), 32));
    CHECK_FALSE(ctnn::plan::plan_is_safe(b.data(), 2, offsets.data(), root.data(), 31));  // outside the arena
}

TEST_CASE("sizes are aligned to whole words") {
    constexpr std::array<buffer, 2> odd{{{5, 0, 1}, {3, 1, 2}}};
    constexpr auto p = ctnn::plan::plan_arena(odd);
    CHECK(p.offsets[1] == 8);
    CHECK(p.bytes == 12);
}
