// The arena planner on hand-made lifetimes: exact offsets, sharing rules, and the safety proof.
#include <doctest/doctest.h>

#include <array>
#include <random>
#include <vector>

#include "ctnn/plan/arena_planner.hpp"
#include "ctnn/plan/residual_fusion.hpp"
#include "plan_oracle.hpp"

using ctnn::plan::buffer;

namespace {
template <std::size_t N>
constexpr bool safe(const std::array<buffer, N>& b) {
    return ctnn::plan::plan_is_safe(b, ctnn::plan::plan_arena(b));
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
    std::array<int, 2> root{0, 1}, order{};
    const std::array<buffer, 2> b{{{16, 0, 1}, {16, 1, 2}}};
    CHECK_FALSE(ctnn::plan::plan_is_safe(b.data(), 2, offsets.data(), root.data(), 24, order.data()));
    offsets[1] = 16;
    CHECK(ctnn::plan::plan_is_safe(b.data(), 2, offsets.data(), root.data(), 32, order.data()));
    CHECK_FALSE(ctnn::plan::plan_is_safe(b.data(), 2, offsets.data(), root.data(), 31, order.data()));  // outside the arena
}

TEST_CASE("sizes are aligned to whole words") {
    constexpr std::array<buffer, 2> odd{{{5, 0, 1}, {3, 1, 2}}};
    constexpr auto p = ctnn::plan::plan_arena(odd);
    CHECK(p.offsets[1] == 8);
    CHECK(p.bytes == 12);
}

// Residual fusion (plan/residual_fusion.hpp) on a hand-made ResNet block, 8x8x4 tensors of
// 256 bytes: t1 = conv(t0), t2 = conv(t1), t3 = add(t2, t0). Unfused, t0, t1 and t2 are live
// together at step 2: 768 bytes. Fused, node 2 runs inside node 3 and t2 is a chunk of rows
// (8 rows of 8: three rows give 24 pixels, 96 bytes) live at step 3 only; t1 lives to step 3;
// t3 overwrites t0. Peak: t0 + t1 + chunk = 608 bytes.
namespace fusion {
using ctnn::plan::node_facts;
constexpr auto conv = node_facts::op_kind::conv2d;
constexpr auto add = node_facts::op_kind::add;

struct result {
    std::array<buffer, 4> buffers;
    std::array<bool, 4> fused;
};
constexpr result fuse(std::array<buffer, 4> b, std::array<node_facts, 4> nodes) {
    result r{b, {}};
    ctnn::plan::fuse_residual_adds(r.buffers.data(), nodes.data(), 4, r.fused.data());
    return r;
}
constexpr std::array<buffer, 4> block{{{256, 0, 3}, {256, 1, 2}, {256, 2, 3}, {256, 3, 4, -1, 0}}};
constexpr ctnn::plan::chunk_rule threes{.pixel_multiple = 3, .min_pixels = 24};  // the Arm DSP set's
constexpr std::array<node_facts, 4> block_nodes{
    {{}, {conv, {0, -1}, 8, 8, 4, threes}, {conv, {1, -1}, 8, 8, 4, threes}, {add, {2, 0}}}};
constexpr result fused_block = fuse(block, block_nodes);
static_assert(!fused_block.fused[1] && fused_block.fused[2] && !fused_block.fused[3]);
static_assert(ctnn::plan::fused_chunk_rows(8, 8, threes) == 3);
static_assert(fused_block.buffers[2].bytes == 96 && fused_block.buffers[2].first_step == 3 &&
              fused_block.buffers[2].last_step == 3);
static_assert(fused_block.buffers[1].last_step == 3);   // the convolution's input lives on
static_assert(fused_block.buffers[3].in_place_of == 0);  // the ADD may overwrite the skip
static_assert(ctnn::plan::plan_arena(block).bytes == 768);
static_assert(ctnn::plan::plan_arena(fused_block.buffers).bytes == 608);
static_assert(ctnn::plan::plan_arena(fused_block.buffers).offsets[3] == ctnn::plan::plan_arena(fused_block.buffers).offsets[0]);
static_assert(safe(fused_block.buffers));

// Not fused: the skip is the convolution's own input (t2 = add(conv(t1), t1)): the ADD would
// overwrite rows the convolution still reads.
constexpr std::array<node_facts, 4> own_input{
    {{}, {conv, {0, -1}, 8, 8, 4, threes}, {conv, {1, -1}, 8, 8, 4, threes}, {add, {2, 1}}}};
constexpr std::array<buffer, 4> own_input_buffers{{{256, 0, 1}, {256, 1, 3}, {256, 2, 3}, {256, 3, 4, -1, 1}}};
static_assert(!fuse(own_input_buffers, own_input).fused[2]);
// Not fused: the convolution's output is read again later (here by a node after the ADD).
constexpr std::array<buffer, 4> read_later{{{256, 0, 3}, {256, 1, 2}, {256, 2, 4}, {256, 3, 4, -1, 0}}};
static_assert(!fuse(read_later, block_nodes).fused[2]);
// Not fused: the node before the ADD is not a convolution.
constexpr std::array<node_facts, 4> not_conv{{{}, {conv, {0, -1}, 8, 8, 4, threes}, {}, {add, {2, 0}}}};
static_assert(!fuse(block, not_conv).fused[2]);
// Row chunks: the fewest rows giving a multiple of three pixels and at least 24 of them (Arm
// DSP), or just at least 24 pixels (a set computing one pixel at a time).
static_assert(ctnn::plan::fused_chunk_rows(32, 32, threes) == 3 && ctnn::plan::fused_chunk_rows(16, 16, threes) == 3);
static_assert(ctnn::plan::fused_chunk_rows(10, 24, threes) == 1 && ctnn::plan::fused_chunk_rows(5, 5, threes) == 5);
static_assert(ctnn::plan::fused_chunk_rows(9, 6, threes) == 4);
constexpr ctnn::plan::chunk_rule ones{.pixel_multiple = 1, .min_pixels = 24};
static_assert(ctnn::plan::fused_chunk_rows(32, 32, ones) == 1 && ctnn::plan::fused_chunk_rows(16, 16, ones) == 2);
static_assert(ctnn::plan::fused_chunk_rows(8, 8, ones) == 3 && ctnn::plan::fused_chunk_rows(9, 7, ones) == 4);
}  // namespace fusion


// The planner against its former self (plan_oracle.hpp) on random lifetimes: the same offsets,
// roots and arena bytes, and the same lower bound as the O(n^3) formula. Sizes come from a
// small set so that ties, which the placement orders break by index, are frequent.
namespace {
struct random_plan {
    std::vector<buffer> buffers;
    std::vector<std::size_t> offsets;
    std::vector<int> root;
    std::size_t bytes = 0, lower_bound = 0;
    bool safe = false;
};

random_plan plan_with_library(std::vector<buffer> buffers) {
    const std::size_t n = buffers.size();
    random_plan r{std::move(buffers), std::vector<std::size_t>(n), std::vector<int>(n), 0, 0, false};
    std::vector<int> order(n), by_first(n), reach(n), placed(n), live(n), painted(n + 1);
    std::vector<ctnn::plan::detail::group_span> spans(n);
    std::vector<std::size_t> trial(n), live_bytes(n + 1);
    const ctnn::plan::plan_workspace w{order.data(), spans.data(), {by_first.data(), reach.data(), placed.data(), live.data(), trial.data()}};
    const int count = static_cast<int>(n);
    r.bytes = ctnn::plan::plan_arena(r.buffers.data(), count, r.offsets.data(), r.root.data(), w);
    r.lower_bound = ctnn::plan::live_lower_bound(r.buffers.data(), count, r.root.data(), order.data(), painted.data(), live_bytes.data());
    r.safe = ctnn::plan::plan_is_safe(r.buffers.data(), count, r.offsets.data(), r.root.data(), r.bytes, order.data());
    return r;
}

std::vector<buffer> random_lifetimes(std::mt19937& rng, int n, bool model_like) {
    constexpr std::size_t sizes[] = {0, 1, 3, 4, 16, 16, 64, 64, 64, 100, 256};
    auto pick = [&](int below) { return static_cast<int>(rng() % static_cast<unsigned>(below)); };
    std::vector<buffer> b(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        buffer& x = b[static_cast<std::size_t>(i)];
        x.bytes = sizes[rng() % std::size(sizes)];
        x.first_step = model_like ? i : pick(n);
        x.last_step = x.first_step + pick(pick(4) == 0 ? n + 1 - x.first_step : std::min(4, n + 1 - x.first_step));
        if (i > 0 && pick(6) == 0) x.alias_of = pick(i);
        else if (i > 0 && pick(4) == 0) x.in_place_of = pick(i);
    }
    return b;
}
}  // namespace

TEST_CASE("the planner matches the former planner and the O(n^3) lower bound on random lifetimes") {
    std::mt19937 rng(18);
    for (int trial = 0; trial < 3000; ++trial) {
        const int n = 1 + static_cast<int>(rng() % (trial < 2500 ? 24u : 120u));
        const auto buffers = random_lifetimes(rng, n, trial % 3 != 0);
        const oracle::plan want = oracle::plan_arena(buffers);
        const random_plan got = plan_with_library(buffers);
        INFO("trial " << trial << ", " << n << " tensors");
        REQUIRE(got.bytes == want.bytes);
        REQUIRE(got.offsets == want.offsets);
        REQUIRE(got.root == want.root);
        REQUIRE(got.lower_bound == oracle::live_lower_bound(buffers, want.root));
        REQUIRE(got.lower_bound <= got.bytes);
        REQUIRE(got.safe);
    }
}

// Steps whose output resizes in place (buffer::resizes: QUANTIZE float32 -> int8, DEQUANTIZE
// back). The autoencoder's edges: the 2,560-byte float input quantized over itself, a 128-byte
// tensor placed over its dead float bytes, the float output grown over the last int8 tensor.
// Layer by layer that is 640 + 2,560 at each edge; with the group's height changing at the step,
// the arena is the float tensor alone.
TEST_CASE("resizing in place: the group is as tall as its live members, before and after the step") {
    const std::vector<buffer> edges = {{2560, 0, 1}, {640, 1, 2, -1, 0, 0, true}, {128, 2, 3}, {640, 3, 4}, {2560, 4, 5, -1, 3, 0, true}};
    const random_plan got = plan_with_library(edges);
    CHECK(got.bytes == 2560);
    CHECK(got.lower_bound == 2560);
    CHECK(got.safe);
    CHECK(got.root[1] == got.root[0]);
    CHECK(got.root[4] == got.root[3]);
    CHECK(got.offsets[1] == got.offsets[0]);
    CHECK(got.offsets[4] == got.offsets[3]);
    // Growing: the 128-byte tensor is live with the int8 one only before the step; it may sit
    // where the float output later goes.
    CHECK(got.offsets[2] >= 640);
    // Out of place (no resizing), both edges hold 3,200 bytes.
    std::vector<buffer> apart = edges;
    apart[1].in_place_of = apart[4].in_place_of = -1;
    CHECK(plan_with_library(apart).bytes == 3200);
}

TEST_CASE("resizing in place on random lifetimes: every plan is safe and above the lower bound") {
    std::mt19937 rng(27);
    for (int trial = 0; trial < 2000; ++trial) {
        const int n = 1 + static_cast<int>(rng() % 40u);
        std::vector<buffer> buffers = random_lifetimes(rng, n, trial % 2 == 0);
        for (std::size_t i = 1; i < buffers.size(); ++i) {
            buffer& b = buffers[i];
            // Half the trials chain steps over their predecessor (as a model's in-place steps
            // do), mixing resizing and same-size steps in one group.
            if (trial % 4 < 2 && b.alias_of < 0 && rng() % 2 == 0) b.in_place_of = static_cast<int>(i) - 1;
            if (b.in_place_of >= 0 && rng() % 2 == 0) b.resizes = true;
        }
        const random_plan got = plan_with_library(buffers);
        INFO("trial " << trial << ", " << n << " tensors");
        REQUIRE(got.safe);
        REQUIRE(got.lower_bound <= got.bytes);
    }
}
