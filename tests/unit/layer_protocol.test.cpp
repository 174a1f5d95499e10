// The layer protocol (layers/layer_base.hpp): kernel scratch is a buffer of the arena plan,
// live at its layer's step only, and every layer reports the kernel set it runs on.
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "ctnn/ctnn.hpp"

namespace {

struct q {
    static constexpr float scale = 0.5f;
    static constexpr std::int32_t zero_point = 0;
};

// out[i] = in[n - 1 - i], through Bytes of scratch: the graph must hand it the arena bytes the
// plan reserved, which no live tensor uses.
std::ptrdiff_t last_scratch_offset = -1;
std::byte* arena_base = nullptr;

template <std::size_t Bytes>
struct reverse_through_scratch : ctnn::layers::layer {
    template <class In>
    struct bind {
        using output = In;
        using kernel = ctnn::kernels::no_kernel;
        static constexpr ctnn::layers::layer_facts facts{.param_bytes = 0, .macs = 0, .widenable_weights = 0,
                                                         .in_place_input = -1, .is_view = false,
                                                         .fusion = ctnn::layers::fusion_role::none,
                                                         .scratch_bytes = Bytes};
        static_assert(In::size <= Bytes);
        template <ctnn::kernel_options>
        static constexpr ctnn::kernels::linked_constants constants() { return {}; }
        template <ctnn::kernel_options>
        static void run(const std::int8_t* in, std::int8_t* out, std::byte* scratch) {
            last_scratch_offset = scratch - arena_base;
            auto* s = reinterpret_cast<std::int8_t*>(scratch);
            for (std::size_t i = 0; i < In::size; ++i) s[i] = in[In::size - 1 - i];
            std::memcpy(out, s, In::size);
        }
        static void run_reference(const std::int8_t* in, std::int8_t* out) {
            for (std::size_t i = 0; i < In::size; ++i) out[i] = in[In::size - 1 - i];
        }
    };
};

using net = ctnn::sequential<ctnn::input<ctnn::shape<1, 8>, q>, reverse_through_scratch<64>, reverse_through_scratch<32>,
                             ctnn::layers::reshape<ctnn::shape<2, 4>>>;

}  // namespace

// Step 1: input (8) + output (8) + scratch (64); step 2: 8 + 8 + 32. The scratch of the two
// steps shares bytes (never live together), and nothing can be smaller than step 1's 80.
static_assert(net::layer_scratch_bytes[0] == 64 && net::layer_scratch_bytes[1] == 32 && net::layer_scratch_bytes[2] == 0);
static_assert(net::scratch_slot[0] == -1 && net::scratch_slot[1] == 4 && net::scratch_slot[2] == 5 && net::scratch_slot[3] == -1);
static_assert(net::buffers.size() == 6);
static_assert(net::buffers[4].first_step == 1 && net::buffers[4].last_step == 1 && net::buffers[5].first_step == 2);
static_assert(net::arena_bytes == 80 && net::arena_lower_bound == 80);
static_assert(ctnn::fits<net, ctnn::budget<80, 1024>>);  // (79 would stop the build: tests/fail/ram_budget.cpp)

TEST_CASE("kernel scratch lives in the arena, where the plan put it") {
    alignas(4) std::array<std::byte, net::arena_bytes> arena{};
    arena_base = arena.data();
    auto* in = net::tensor_data<0>(arena.data());
    for (int i = 0; i < 8; ++i) in[i] = static_cast<std::int8_t>(i + 1);
    net::run(arena.data());
    CHECK(last_scratch_offset == static_cast<std::ptrdiff_t>(net::plan.offsets[5]));
    const auto* out = net::tensor_data<3>(arena.data());
    for (int i = 0; i < 8; ++i) CHECK(out[i] == i + 1);  // reversed twice
}

using pads = ctnn::paddings<0, 0, 1, 1>;
using mixed = ctnn::sequential<ctnn::input<ctnn::shape<1, 4>, ctnn::float32>, ctnn::layers::quantize<q>,
                               ctnn::layers::pad<pads>, ctnn::layers::reshape<ctnn::shape<6>>>;

TEST_CASE("every layer names the kernel set it runs on") {
    // QUANTIZE has only the reference kernel: the selection falls back to it, explicitly.
    CHECK(std::string_view(mixed::layer_kernel_sets[0]) == "reference");
    CHECK(std::string_view(mixed::layer_kernel_sets[1]) == "portable");
    CHECK(std::string_view(mixed::layer_kernel_sets[2]) == "view");
    CHECK(std::string_view(net::layer_kernel_sets[0]) == "view");
}

// A layer's options are concepts, checked where the layer type is named (layers/options.hpp):
// each takes its own kind of type only. A stride, dilation or window below 1 is refused in our
// words instead, with the numbers (tests/fail/*_positive.cpp).
static_assert(ctnn::Stride<ctnn::stride<2, 1>> && !ctnn::Stride<ctnn::dilation<2, 1>> && !ctnn::Stride<int>);
static_assert(ctnn::Dilation<ctnn::dilation<1, 3>> && !ctnn::Dilation<ctnn::stride<1, 3>>);
static_assert(ctnn::Window<ctnn::window<3, 3>> && !ctnn::Window<ctnn::stride<3, 3>>);
static_assert(ctnn::Axes<ctnn::axes<1, 2>> && !ctnn::Axes<ctnn::shape<1, 2>>);
static_assert(ctnn::Paddings<pads> && !ctnn::Paddings<ctnn::paddings<>> && !ctnn::Paddings<ctnn::axes<0, 0>>);
static_assert(ctnn::layers::Beta<ctnn::layers::beta_one> && !ctnn::layers::Beta<q>);
