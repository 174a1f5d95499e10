// A model's memory plan: residual fusion (when on), the steps that run in place by rows (the
// smallest-RAM schedule, under a RAM budget or not), then the arena planner, its safety proof
// and the lower bound. One per
// structure, fusion and schedule setting, so models that differ in other kernel options share it.
//
// Buffers 0..L are the tensors (tensor K is node K's output); after them comes one buffer per
// layer whose kernel asks for scratch (layer_facts::scratch_bytes), live at the step that runs
// the kernel only: node K's own step, or K + 1 when K runs inside the next ADD; then one band
// per step that runs in place by rows (plan/in_place_rows.hpp), live at that step.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>

#include "ctnn/graph/layer_state.hpp"
#include "ctnn/graph/layer_tables.hpp"
#include "ctnn/plan/arena_planner.hpp"
#include "ctnn/plan/in_place_rows.hpp"
#include "ctnn/plan/live_lower_bound.hpp"
#include "ctnn/plan/residual_fusion.hpp"

namespace ctnn::detail {

// O: the options of a smallest-RAM schedule (their kernels decide which steps may run in place
// as they are), kernel_options{} for the fastest one.
template <class S, bool Fuse, kernel_options O = kernel_options{}>
struct graph_plan {
    using tables = layer_tables<S>;
    static constexpr bool RowsInPlace = O.rows_in_place();
    static constexpr std::array<plan::row_band, tables::n + 1> bands = [] {
        if constexpr (RowsInPlace)
            return in_place_tables<S, O>::bands;
        else
            return std::array<plan::row_band, tables::n + 1>{};
    }();
    static constexpr std::size_t n = tables::n + 1;  // tensors: the input and one per node
    static constexpr std::size_t scratch_count = [] {
        std::size_t c = 0;
        for (std::size_t b : tables::scratch_bytes) c += b > 0 ? 1 : 0;
        return c;
    }();
    // scratch_slot[K]: the buffer holding node K's scratch, or -1.
    static constexpr std::array<int, n> scratch_slot = [] {
        std::array<int, n> slot{};
        slot[0] = -1;
        int next = int(n);
        for (std::size_t k = 1; k < n; ++k) slot[k] = tables::scratch_bytes[k - 1] > 0 ? next++ : -1;
        return slot;
    }();

    // The steps that may run in place by rows (none in the fastest schedule): each has a band
    // slot; a step kept out of place has a band of no bytes.
    struct banding_result {
        std::array<bool, n> fused, banded;
        std::size_t count;
    };
    static constexpr banding_result candidates = [] {
        banding_result r{};
        std::array<plan::buffer, n> b = tables::unfused_buffers;
        if (Fuse) plan::fuse_residual_adds(b.data(), tables::node_facts.data(), int(n), r.fused.data());
        if (RowsInPlace) plan::band_in_place(b.data(), tables::node_facts.data(), bands.data(), r.fused.data(), int(n), r.banded.data());
        for (bool banded : r.banded) r.count += banded ? 1 : 0;
        return r;
    }();
    static constexpr std::size_t band_count = candidates.count;
    // band_slot[K]: the buffer holding node K's band, or -1.
    static constexpr std::array<int, n> band_slot = [] {
        std::array<int, n> slot{};
        int next = int(n + scratch_count);
        for (std::size_t k = 0; k < n; ++k) slot[k] = candidates.banded[k] ? next++ : -1;
        return slot;
    }();
    using buffer_array = std::array<plan::buffer, n + scratch_count + band_count>;

    // The buffers of the schedule that runs the steps of `wanted` in place (of the candidates);
    // which steps run fused and in place, when asked.
    static constexpr buffer_array buffers_with(const std::array<bool, n>& wanted, std::array<bool, n>* banded_out,
                                               std::array<bool, n>* fused_out = nullptr) {
        buffer_array b{};
        std::array<bool, n> fused{}, banded{};
        for (std::size_t k = 0; k < n; ++k) b[k] = tables::unfused_buffers[k];
        if (Fuse) plan::fuse_residual_adds(b.data(), tables::node_facts.data(), int(n), fused.data());
        if (RowsInPlace)
            plan::band_in_place(b.data(), tables::node_facts.data(), bands.data(), fused.data(), int(n), banded.data(), wanted.data());
        for (std::size_t k = 1; k < n; ++k) {
            if (scratch_slot[k] < 0) continue;
            const int step = fused[k] ? int(k) + 1 : int(k);
            b[std::size_t(scratch_slot[k])] = {tables::scratch_bytes[k - 1], step, step, -1, -1};
        }
        for (std::size_t k = 1; k < n; ++k)
            if (band_slot[k] >= 0) b[std::size_t(band_slot[k])] = {banded[k] ? bands[k].band_bytes() : 0, int(k), int(k), -1, -1};
        if (banded_out != nullptr) *banded_out = banded;
        if (fused_out != nullptr) *fused_out = fused;
        return b;
    }

    // The instructions each step adds in place, estimated (plan::in_place_instructions).
    static constexpr std::array<std::size_t, n> step_cost = [] {
        std::array<std::size_t, n> cost{};
        for (std::size_t k = 1; k < n; ++k) {
            const int source = tables::node_facts[k].inputs[0];
            if (!candidates.banded[k] || source < 0) continue;
            cost[k] = plan::in_place_instructions(bands[k], tables::unfused_buffers[std::size_t(source)].bytes,
                                                  tables::unfused_buffers[k].bytes);
        }
        return cost;
    }();
    // The arena a plan of these activation bytes takes with the model's state after it
    // (graph.hpp: state_base).
    static constexpr std::size_t with_state(std::size_t bytes) noexcept {
        constexpr std::size_t state = state_layout<S>::bytes;
        return state > 0 ? align_state(bytes) + state : bytes;
    }

    // In place only where it pays (plan/in_place_rows.hpp); under a RAM budget
    // (kernel_options::ram_budget), only as many steps as the budget needs: the dearest
    // steps go back out of place, one at a time, while the arena still fits.
    static constexpr std::array<bool, n> chosen = [] {
        std::array<bool, n> wanted = candidates.banded;
        if constexpr (band_count > 0) {
            const buffer_array b = buffers_with(wanted, nullptr);
            const auto all = plan::plan_arena(b);
            constexpr std::size_t m = std::tuple_size_v<buffer_array>;
            std::array<int, m> order{};
            std::array<int, m + 1> painted{};
            std::array<std::size_t, m + 1> live{};
            plan::live_lower_bound(b.data(), int(m), all.root.data(), order.data(), painted.data(), live.data());
            plan::keep_in_place_where_it_pays(wanted.data(), int(n), live.data(), int(m + 1), bands.data(), b.data());
        }
        if constexpr (band_count > 0 && O.ram_budget > 0) {
            std::array<int, n> dearest{};
            int count = 0;
            for (std::size_t k = 1; k < n; ++k)
                if (wanted[k]) dearest[std::size_t(count++)] = int(k);
            plan::detail::heap_sort(dearest.data(), count, [](int x, int y) {
                return step_cost[std::size_t(x)] != step_cost[std::size_t(y)] ? step_cost[std::size_t(x)] > step_cost[std::size_t(y)] : x < y;
            });
            for (int i = 0; i < count; ++i) {
                const std::size_t k = std::size_t(dearest[std::size_t(i)]);
                if (step_cost[k] == 0) break;  // the rest cost nothing in place
                wanted[k] = false;
                if (with_state(plan::plan_arena(buffers_with(wanted, nullptr)).bytes) > O.ram_budget) wanted[k] = true;
            }
        }
        return wanted;
    }();

    struct fusion_result {
        buffer_array buffers;
        std::array<bool, n> fused, banded;
    };
    static constexpr fusion_result fusion = [] {
        fusion_result r{};
        r.buffers = buffers_with(chosen, &r.banded, &r.fused);
        return r;
    }();

    static constexpr buffer_array buffers = fusion.buffers;
    static constexpr auto arena = plan::plan_arena(buffers);
    static_assert(plan::plan_is_safe(buffers, arena), "ctnn: internal error: the arena plan overlaps live tensors");
    static constexpr std::size_t lower_bound = plan::live_lower_bound(buffers, arena.root);
    // The instructions the steps in place add, estimated.
    static constexpr std::size_t added_instructions = [] {
        std::size_t sum = 0;
        for (std::size_t k = 0; k < n; ++k) sum += fusion.banded[k] ? step_cost[k] : 0;
        return sum;
    }();
};

}  // namespace ctnn::detail
