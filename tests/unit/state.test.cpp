// Stateful layers (graph/layer_state.hpp): the state sits after the plan in the arena, each part
// aligned to 16 bytes, persists across invoke(), and reset_state() (and construction) puts it back.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <cstring>

#include <ctnn/ctnn.hpp>

namespace {

struct q8 {
    static constexpr float scale = 1.0f;
    static constexpr std::int32_t zero_point = 0;
};

// A running sum over invocations: out = in + state, then state = out. Int8 saturating; the
// state resets to Start (as TFLM writes a variable's zero point).
template <int Start>
struct running_sum : ctnn::layers::layer {
    template <class In>
    struct bind {
        using output = In;
        using kernel = ctnn::kernels::no_kernel;
        static constexpr ctnn::layers::layer_facts facts = ctnn::layers::unweighted_facts(ctnn::layers::separate_output, 0);
        static constexpr std::size_t state_bytes = In::size;
        template <ctnn::kernel_options>
        static constexpr ctnn::kernels::linked_constants constants() { return {}; }

        static void reset_state(std::byte* state) noexcept { std::memset(state, Start, state_bytes); }
        static void run_reference(const std::int8_t* in, std::int8_t* out, std::byte* state) {
            auto* sum = reinterpret_cast<std::int8_t*>(state);
            for (std::size_t i = 0; i < In::size; ++i) {
                const int v = in[i] + sum[i];
                out[i] = static_cast<std::int8_t>(v > 127 ? 127 : v < -128 ? -128 : v);
                sum[i] = out[i];
            }
        }
        template <ctnn::kernel_options>
        static void run(const std::int8_t* in, std::int8_t* out, std::byte* state, std::byte*) { run_reference(in, out, state); }
    };
};

using net = ctnn::sequential<ctnn::input<ctnn::shape<1, 5>, q8>, running_sum<1>, ctnn::layers::reshape<ctnn::shape<5>>, running_sum<0>>;

}  // namespace

TEST_CASE("state: after the plan, 16-byte aligned parts, counted in the arena and RAM") {
    static_assert(net::layer_state_bytes[1] == 5 && net::layer_state_bytes[2] == 0 && net::layer_state_bytes[3] == 5);
    static_assert(net::state_base % 16 == 0 && net::state_base >= net::plan.bytes);
    static_assert(net::state_offset[1] == net::state_base && net::state_offset[3] == net::state_base + 16);
    static_assert(net::state_bytes == 32 && net::arena_bytes == net::state_base + 32);
    static_assert(net::ram_bytes == sizeof(net::instance));
    // A stateless model's arena is its plan, as before.
    using stateless = ctnn::sequential<ctnn::input<ctnn::shape<1, 5>, q8>, ctnn::layers::reshape<ctnn::shape<5>>>;
    static_assert(stateless::state_bytes == 0 && stateless::arena_bytes == stateless::plan.bytes);
    static_assert(std::is_trivially_default_constructible_v<stateless::instance>);
}

TEST_CASE("state: persists across invoke(), reset by construction and reset_state()") {
    net::instance m;  // constructed: first layer's sums are 1, second's 0
    const std::array<std::int8_t, 5> x{1, 2, 3, -4, 100};
    auto feed = [&] {
        std::copy(x.begin(), x.end(), m.input().begin());
        m.invoke();
        return std::array<std::int8_t, 5>{m.output()[0], m.output()[1], m.output()[2], m.output()[3], m.output()[4]};
    };
    // Step 1: first sums x + 1; second sums that + 0.
    CHECK(feed() == std::array<std::int8_t, 5>{2, 3, 4, -3, 101});
    // Step 2: first = x + (x + 1) = 2x + 1; second = (2x + 1) + (x + 1) = 3x + 2, saturating.
    CHECK(feed() == std::array<std::int8_t, 5>{5, 8, 11, -10, 127});
    m.reset_state();
    CHECK(feed() == std::array<std::int8_t, 5>{2, 3, 4, -3, 101});
    // The reference path carries the same state.
    m.reset_state();
    std::copy(x.begin(), x.end(), m.input().begin());
    m.invoke_reference();
    CHECK(m.output()[4] == 101);
}
