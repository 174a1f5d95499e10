// Persistent state of stateful layers (LSTM, SVDF: TFLite's variable tensors). A bound layer
// that keeps state between invocations declares
//   static constexpr std::size_t state_bytes = N;            // N > 0
//   static void reset_state(std::byte* state) noexcept;      // as TFLM resets its variables
// and its kernels take the state right after the output:
//   run<O>(in..., out, state, scratch), run_reference(in..., out, state).
// The model keeps every layer's state in the arena after the activation plan, each part aligned
// to 16 bytes: it outlives every step, so the planner never sees it, and arena_bytes (so RAM and
// the budget checks) includes it.
#pragma once

#include <array>
#include <cstddef>
#include <utility>

#include "ctnn/graph/structure.hpp"

namespace ctnn::detail {

template <class Bound>
constexpr std::size_t state_bytes_of() noexcept {
    if constexpr (requires { Bound::state_bytes; })
        return Bound::state_bytes;
    else
        return 0;
}

template <class Bound>
inline constexpr bool stateful = state_bytes_of<Bound>() > 0;

constexpr std::size_t state_alignment = 16;
constexpr std::size_t align_state(std::size_t n) noexcept { return (n + state_alignment - 1) / state_alignment * state_alignment; }

template <class S, class Seq = std::make_index_sequence<S::layer_count>>
struct state_layout;

template <class S, std::size_t... I>
struct state_layout<S, std::index_sequence<I...>> {
    static constexpr std::size_t n = sizeof...(I);
    // layer_bytes[K]: node K's state (0 for stateless nodes and for tensor 0).
    static constexpr std::array<std::size_t, n + 1> layer_bytes{std::size_t{0}, state_bytes_of<bound_t<S, int(I) + 1>>()...};
    // offsets[K]: where node K's state starts, relative to the start of the state area.
    static constexpr std::array<std::size_t, n + 1> offsets = [] {
        std::array<std::size_t, n + 1> o{};
        std::size_t at = 0;
        for (std::size_t k = 0; k <= n; ++k) {
            o[k] = at;
            at += align_state(layer_bytes[k]);
        }
        return o;
    }();
    static constexpr std::size_t bytes = offsets[n] + align_state(layer_bytes[n]);
};

}  // namespace ctnn::detail
