// Models as types: shape inference, per-layer facts, the memory plan and running a model,
// on small hand-written models whose numbers are worked out in the comments.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ctnn/ctnn.hpp"
#include "ctnn/kernels/reference/fully_connected_s8.hpp"
#include "in_place_model.hpp"

namespace hand {

struct in_q { static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = 1; };
struct out_q { static constexpr float scale = 0.125f; static constexpr std::int32_t zero_point = -3; };

// 4 inputs -> 2 outputs, per-tensor weights.
struct fc {
    using weight_shape = ctnn::shape<2, 4>;
    static constexpr std::int8_t weights[8] = {1, 2, 3, 4, -1, 0, 1, 0};
    static constexpr float weight_scales[1] = {0.25f};
    static constexpr std::int32_t bias[2] = {10, -5};
};

using tiny = ctnn::sequential<ctnn::input<ctnn::shape<1, 4>, in_q>,
                              ctnn::layers::fully_connected<fc, out_q, ctnn::act::relu>>;

}  // namespace hand

static_assert(std::is_same_v<hand::tiny::output_shape, ctnn::shape<1, 2>>);
static_assert(hand::tiny::layer_macs[0] == 8);
static_assert(hand::tiny::tflite_param_bytes == 8 + 2 * 4);
// The portable kernel links the model's 8 weights, the 2 biases with zp_in folded in, and its
// requantization table (one entry, in the 64-bit form: kernels/portable/detail/requantize_row.hpp).
static_assert(std::string_view(hand::tiny::layer_kernel_sets[0]) != "portable" ||
              hand::tiny::flash_bytes == 8 + 2 * 4 + sizeof(ctnn::kernels::portable::detail::requant_table<1>));

TEST_CASE("fully connected: a case worked out by hand") {
    // x - zp = [2, 0, -2, 4]; acc0 = 10 + 2 + 0 - 6 + 16 = 22; acc1 = -5 - 2 + 0 - 2 + 0 = -9.
    // real multiplier 0.5 * 0.25 / 0.125 = 1, so out = acc + zp_out: 19 and -12, and relu
    // clamps below at q(0) = zp_out = -3.
    static hand::tiny::instance net;
    const std::array<std::int8_t, 4> x{3, 1, -1, 5};
    std::memcpy(net.input().data(), x.data(), x.size());
    net.invoke();
    CHECK(net.output()[0] == 19);
    CHECK(net.output()[1] == -3);
}

namespace chain {

struct q0 { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = -7; };
struct q1 { static constexpr float scale = 0.11f; static constexpr std::int32_t zero_point = 3; };
struct q2 { static constexpr float scale = 0.2f; static constexpr std::int32_t zero_point = 0; };
struct q3 { static constexpr float scale = 1.0f / 256.0f; static constexpr std::int32_t zero_point = -128; };

constexpr std::uint32_t xorshift(std::uint32_t& s) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
}
template <std::size_t N>
constexpr std::array<std::int8_t, N> random_weights(std::uint32_t seed) {
    std::array<std::int8_t, N> w{};
    for (auto& v : w) v = static_cast<std::int8_t>(xorshift(seed) & 0xff);
    return w;
}

template <int Out, int In, std::uint32_t Seed, bool PerChannel>
struct dense {
    using weight_shape = ctnn::shape<Out, In>;
    static constexpr std::array<std::int8_t, Out * In> weights = random_weights<Out * In>(Seed);
    static constexpr std::array<float, PerChannel ? Out : 1> weight_scales = [] {
        std::array<float, PerChannel ? Out : 1> s{};
        for (std::size_t i = 0; i < s.size(); ++i) s[i] = 0.002f + 0.0005f * float(i % 7);
        return s;
    }();
    static constexpr std::array<std::int32_t, Out> bias = [] {
        std::array<std::int32_t, Out> b{};
        std::uint32_t seed = Seed * 7 + 1;
        for (auto& v : b) v = static_cast<std::int32_t>(xorshift(seed) % 4001) - 2000;
        return b;
    }();
};

using fc1 = dense<32, 64, 11, true>;
using fc2 = dense<16, 32, 23, false>;

// 64 -> 32 -> 16 -> softmax(16).
using net = ctnn::sequential<ctnn::input<ctnn::shape<1, 64>, q0>,
                             ctnn::layers::fully_connected<fc1, q1, ctnn::act::relu>,
                             ctnn::layers::fully_connected<fc2, q2>,
                             ctnn::layers::softmax<q3>>;

}  // namespace chain

// Tensors: t0 64 B live [0,1], t1 32 B [1,2], t2 16 B [2,3], t3 16 B [3,4]. Softmax may write
// over t2 (it dies at step 3 and has t3's size), so t2 and t3 share one 16-byte buffer live
// [2,4]. Largest first: t0 at 0; t1 is live with t0 at step 1, so at 64; the t2/t3 buffer is
// live with t1 at step 2 but not with t0, so at 0. Arena = 64 + 32 = 96, which is also the
// lower bound (step 1 touches 64 + 32 bytes).
static_assert(chain::net::arena_bytes == 96);
static_assert(chain::net::arena_lower_bound == 96);
static_assert(chain::net::plan.offsets[0] == 0);
static_assert(chain::net::plan.offsets[1] == 64);
static_assert(chain::net::plan.offsets[2] == 0 && chain::net::plan.offsets[3] == 0);
static_assert(chain::net::layer_tflite_param_bytes[0] == 64 * 32 + 32 * 4 + 32 * 8);  // per-channel: multipliers
static_assert(chain::net::layer_tflite_param_bytes[1] == 32 * 16 + 16 * 4);
static_assert(chain::net::layer_tflite_param_bytes[2] == 0);
static_assert(chain::net::tflite_param_bytes == 64 * 32 + 32 * 4 + 32 * 8 + 32 * 16 + 16 * 4);
static_assert(chain::net::macs == 64 * 32 + 32 * 16);
static_assert(std::is_same_v<chain::net::tensor<2>::shape, ctnn::shape<1, 16>>);

TEST_CASE("a three-layer model matches the reference kernels layer by layer") {
    using namespace chain;
    std::uint32_t seed = 99;
    for (int trial = 0; trial < 20; ++trial) {
        std::array<std::int8_t, 64> x{};
        for (auto& v : x) v = static_cast<std::int8_t>(xorshift(seed) & 0xff);

        // Reference path.
        using L1 = net::layer_at<1>;
        using L2 = net::layer_at<2>;
        std::array<std::int8_t, 32> h1{};
        std::array<std::int8_t, 16> h2{};
        ctnn::kernels::reference::fully_connected_s8(L1::spec::params, x.data(), fc1::weights.data(),
                                                     fc1::bias.data(), L1::spec::requant.data(), h1.data());
        ctnn::kernels::reference::fully_connected_s8(L2::spec::params, h1.data(), fc2::weights.data(),
                                                     fc2::bias.data(), L2::spec::requant.data(), h2.data());
        std::array<std::int8_t, 16> y{};
        ctnn::kernels::reference::softmax_s8(net::layer_at<3>::params, h2.data(), y.data());

        static net::instance inst;
        std::memcpy(inst.input().data(), x.data(), x.size());
        std::vector<std::vector<std::int8_t>> seen;
        inst.invoke_observed([&](int, std::span<const std::byte> t) {
            seen.emplace_back(reinterpret_cast<const std::int8_t*>(t.data()),
                              reinterpret_cast<const std::int8_t*>(t.data()) + t.size());
        });
        REQUIRE(seen.size() == 3);
        CHECK(std::equal(h1.begin(), h1.end(), seen[0].begin()));
        CHECK(std::equal(h2.begin(), h2.end(), seen[1].begin()));
        CHECK(std::equal(y.begin(), y.end(), inst.output().begin()));
    }
}

// Copies x into the model's input, runs it (fast or reference kernels) and returns the output.
template <class Instance, class Input>
std::vector<std::int8_t> outputs_of(Instance& net, const Input& x, bool reference = false) {
    std::memcpy(net.input().data(), x.data(), x.size());
    if (reference)
        net.invoke_reference();
    else
        net.invoke();
    return {net.output().begin(), net.output().end()};
}

// The int16-weights option: the same model with convolution and fully connected weights
// stored twice as wide by the kernels that gain from it (the Arm DSP set: one more byte of
// flash per such weight there); the arena and the results do not change.
namespace widen {

// Channels: Out for a convolution, In for a depthwise one (weights <1, kh, kw, channels>).
template <int Out, int Kh, int Kw, int In, std::uint32_t Seed, int Channels = Out>
struct conv_weights {
    using weight_shape = ctnn::shape<Out, Kh, Kw, In>;
    static constexpr auto weights = chain::random_weights<Out * Kh * Kw * In>(Seed);
    static constexpr std::array<float, Channels> weight_scales = [] {
        std::array<float, Channels> s{};
        for (int i = 0; i < Channels; ++i) s[i] = 0.003f + 0.001f * float(i % 3);
        return s;
    }();
    static constexpr std::array<std::int32_t, Channels> bias{};
};

using conv = conv_weights<6, 3, 3, 2, 5>;   // 108 weights
using dw = conv_weights<1, 3, 3, 6, 6, 6>;  // 54 weights, depthwise
using fc = chain::dense<4, 24, 7, false>;  // 96 weights

// 4x4x2 -> conv 3x3 -> 4x4x6 -> depthwise 3x3 stride 2 -> 2x2x6 (24 values) -> fc 4.
using net = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 4, 4, 2>, chain::q0>,
    ctnn::layers::conv2d<conv, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>,
    ctnn::layers::depthwise_conv2d<dw, chain::q1, ctnn::stride<2, 2>, ctnn::padding::same>,
    ctnn::layers::reshape<ctnn::shape<1, 24>>,
    ctnn::layers::fully_connected<fc, chain::q2>>;
using wide = ctnn::with_int16_weights<net>;

}  // namespace widen

static_assert(!widen::net::options.int16_weights() && widen::wide::options.int16_weights());
// TFLite's figure is the file's; the flash a build links is its kernels' (the portable and
// x86 kernels read int8 weights either way; the Arm DSP ones store them as int16: the
// firmware's fw.flash_exact tests).
static_assert(widen::wide::tflite_param_bytes == widen::net::tflite_param_bytes);
static_assert(widen::wide::layer_flash_bytes[2] == 0);
static_assert(widen::wide::arena_bytes == widen::net::arena_bytes);

// Flash counts each linked object once (kernels/linked_constants.hpp): two identical layers
// run one kernel plan, and depthwise layers with the same channels and input zero point read
// one row of that zero point. True on every kernel set the host builds.
namespace shared_constants {
using q = chain::q1;
using fc = chain::dense<16, 16, 31, true>;
// The second layer's input has the first's type, so both bind to the very same layer type.
using twice = ctnn::sequential<ctnn::input<ctnn::shape<1, 16>, q>, ctnn::layers::fully_connected<fc, q>,
                               ctnn::layers::fully_connected<fc, q>>;
using once = ctnn::sequential<ctnn::input<ctnn::shape<1, 16>, q>, ctnn::layers::fully_connected<fc, q>>;
static_assert(std::is_same_v<twice::layer_at<1>, twice::layer_at<2>>);
static_assert(twice::layer_flash_bytes[0] == once::flash_bytes && twice::layer_flash_bytes[1] == 0);
static_assert(twice::tflite_param_bytes == 2 * once::tflite_param_bytes);  // TFLite stores both

using dw_a = widen::conv_weights<1, 3, 3, 8, 41, 8>;
using dw_b = widen::conv_weights<1, 3, 3, 8, 42, 8>;
template <class W, class Padding>
using dw = ctnn::layers::depthwise_conv2d<W, q, ctnn::stride<1, 1>, Padding>;
using in = ctnn::input<ctnn::shape<1, 6, 6, 8>, q>;
using one = ctnn::sequential<in, dw<dw_a, ctnn::padding::same>>;
using two = ctnn::sequential<in, dw<dw_a, ctnn::padding::same>, dw<dw_b, ctnn::padding::same>>;
// Weights (9 taps x 8), folded bias and multipliers (8 each), and the 8-byte row of zp_in.
static_assert(one::flash_bytes > 9 * 8 + 8 * 4 + 8);
static_assert(two::layer_flash_bytes[0] == one::flash_bytes);
static_assert(two::layer_flash_bytes[1] == one::flash_bytes - 8);  // the row is the first layer's
}  // namespace shared_constants
static_assert(std::is_same_v<ctnn::with_int16_weights<widen::wide>, widen::wide>);
static_assert(std::is_same_v<ctnn::with_kernel_options<widen::wide, ctnn::kernel_options{}>, widen::net>);
static_assert(std::is_same_v<widen::wide::output_shape, ctnn::shape<1, 4>>);

TEST_CASE("int16 weights: same results as int8 weights and as the reference kernels") {
    static widen::net::instance narrow;
    static widen::wide::instance wide;
    std::uint32_t seed = 7;
    for (int trial = 0; trial < 10; ++trial) {
        std::array<std::int8_t, widen::net::input_size> x{};  // kept: invoke() may overwrite the input
        for (auto& v : x) v = static_cast<std::int8_t>(chain::xorshift(seed) & 0xff);
        const auto want = outputs_of(narrow, x);
        CHECK(outputs_of(wide, x) == want);
        CHECK(outputs_of(wide, x, true) == want);
    }
}

// Residual fusion: t1 = conv(t0), t2 = conv(t1), t3 = add(t2, t0) on 8x8x4 tensors of 256
// bytes. Node 2 runs inside node 3, three rows (96 bytes) at a time; the ADD overwrites t0.
// Unfused, t0, t1 and t2 are live together: 768 bytes; fused, t0 + t1 + one chunk: 608.
namespace residual {
using c1 = widen::conv_weights<4, 3, 3, 4, 21>;
using c2 = widen::conv_weights<4, 3, 3, 4, 22>;
using net = ctnn::graph<
    ctnn::input<ctnn::shape<1, 8, 8, 4>, chain::q0>,
    ctnn::node<ctnn::layers::conv2d<c1, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>, 0>,
    ctnn::node<ctnn::layers::conv2d<c2, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>, 1>,
    ctnn::node<ctnn::layers::add<chain::q1, ctnn::act::relu>, 2, 0>>;
using unfused = ctnn::with_kernel_options<net, ctnn::kernel_options{.residual_add = ctnn::residual_fusion::off}>;
// The same block with the ADD's operands the other way round (skip first): the fused step must
// hand each operand with its own multiplier (swapping the pointers alone would mix them up).
using swapped = ctnn::graph<
    ctnn::input<ctnn::shape<1, 8, 8, 4>, chain::q0>,
    ctnn::node<ctnn::layers::conv2d<c1, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>, 0>,
    ctnn::node<ctnn::layers::conv2d<c2, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>, 1>,
    ctnn::node<ctnn::layers::add<chain::q1, ctnn::act::relu>, 0, 2>>;
using swapped_unfused = ctnn::with_kernel_options<swapped, ctnn::kernel_options{.residual_add = ctnn::residual_fusion::off}>;
}  // namespace residual

static_assert(residual::net::fused_into_next == std::array<bool, 4>{false, false, true, false});
static_assert(residual::unfused::fused_into_next == std::array<bool, 4>{});
static_assert(residual::net::arena_bytes == 608 && residual::net::arena_lower_bound == 608);
static_assert(residual::unfused::arena_bytes == 768);
static_assert(residual::swapped::fused_into_next[2] && residual::swapped::arena_bytes == 608);
static_assert(residual::net::plan.offsets[3] == residual::net::plan.offsets[0]);
// int16 weights keep the model's other options (fusion stays on).
static_assert(ctnn::with_int16_weights<residual::net>::arena_bytes == 608);
static_assert(ctnn::with_int16_weights<residual::unfused>::arena_bytes == 768);

TEST_CASE("residual fusion: same results as the unfused model and the reference kernels") {
    static residual::net::instance fused;
    static residual::unfused::instance plain;
    std::uint32_t seed = 5;
    for (int trial = 0; trial < 10; ++trial) {
        std::array<std::int8_t, residual::net::input_size> x{};
        for (auto& v : x) v = static_cast<std::int8_t>(chain::xorshift(seed) & 0xff);
        const auto want = outputs_of(plain, x);
        CHECK(outputs_of(fused, x) == want);
        CHECK(outputs_of(plain, x, true) == want);
        CHECK(outputs_of(fused, x, true) == want);
        std::vector<std::size_t> sizes;
        std::memcpy(fused.input().data(), x.data(), x.size());
        fused.invoke_observed([&](int, std::span<const std::byte> t) { sizes.push_back(t.size()); });
        CHECK(sizes == std::vector<std::size_t>{256, 0, 256});  // the fused convolution has no tensor
        CHECK(std::equal(fused.output().begin(), fused.output().end(), want.begin()));

        static residual::swapped::instance swapped;
        static residual::swapped_unfused::instance swapped_plain;
        CHECK(outputs_of(swapped_plain, x) == want);  // each operand keeps its own multiplier
        CHECK(outputs_of(swapped, x) == want);
        CHECK(outputs_of(swapped, x, true) == want);
    }
}

TEST_CASE("softmax: equal inputs share probability evenly") {
    // Each of 4 equal logits gets 1/4, i.e. 64/256, stored as 64 - 128 = -64.
    const auto p = ctnn::kernels::make_softmax_params(1, 4, 1.0f, 0.1f);
    const std::array<std::int8_t, 4> x{5, 5, 5, 5};
    std::array<std::int8_t, 4> y{};
    ctnn::kernels::reference::softmax_s8(p, x.data(), y.data());
    for (auto v : y) CHECK(v == -64);
    // Two logits with a huge gap: the larger takes everything (255/256 saturates to 127).
    const std::array<std::int8_t, 2> z{127, -128};
    std::array<std::int8_t, 2> w{};
    ctnn::kernels::reference::softmax_s8(ctnn::kernels::make_softmax_params(1, 2, 1.0f, 1.0f), z.data(), w.data());
    CHECK(w[0] == 127);
    CHECK(w[1] == -128);
}

TEST_CASE("quantize and dequantize use float division and a double product") {
    const float x[4] = {0.0f, 1.0f, -1.0f, 100.0f};
    std::int8_t q[4]{};
    ctnn::kernels::reference::quantize_f32(0.4f, 3, x, q, 4);
    CHECK(q[0] == 3);
    CHECK(q[1] == 6);    // 1 / 0.4 = 2.5 rounds away from zero to 3
    CHECK(q[2] == 0);    // -2.5 -> -3
    CHECK(q[3] == 127);  // 250 + 3 saturates
    float back[4]{};
    ctnn::kernels::reference::dequantize_s8_f32(0.4f, 3, q, back, 4);
    CHECK(back[1] == static_cast<float>(static_cast<double>(0.4f) * 3));
}

// Arenas split across RAM regions (graph/placed.hpp). The 1x1024 float input (4096 B) and its
// int8 quantization (1024 B) are live together: 5120 bytes, more than either region below.
namespace regions {
using q = chain::q1;
using net = ctnn::sequential<ctnn::input<ctnn::shape<1, 1024>, ctnn::float32>, ctnn::layers::quantize<q>,
                             ctnn::layers::fully_connected<chain::dense<8, 1024, 77, false>, q>>;
static_assert(net::arena_bytes == 5120);

struct two_banks : ctnn::budget<6144, ctnn::kib(64)> {
    struct slow : ctnn::memory_region<2048, 1> { static constexpr const char* name = "slow"; };
    struct fast : ctnn::memory_region<4096, 0> { static constexpr const char* name = "fast"; };
    using regions = ctnn::regions<slow, fast>;  // listed slow first: the rank orders them
};
using split = ctnn::placed<net, two_banks>;
static_assert(std::is_same_v<split::region_at<0>, two_banks::fast>);
// Smallest first would put the 1024-byte tensor in the fast region and leave the 4096 nowhere;
// largest first places the float input in the fast region, its quantization in the slow one,
// and the 8-byte output in the fast one again (the input is dead by then).
static_assert(split::region_plan.placed);
static_assert(split::region_bytes[0] == 4096 && split::region_bytes[1] == 1024);
static_assert(split::region_plan.region[0] == 0 && split::region_plan.region[1] == 1 && split::region_plan.region[2] == 0);
static_assert(!ctnn::fits_within<net, ctnn::budget<4096, ctnn::kib(64)>>);  // in one region it does not fit
static_assert(ctnn::fits<split, two_banks>);
static_assert(split::bytes_in<two_banks::slow> == 1024 && split::bytes_in<two_banks::fast> == 4096);

// What fits in one region stays there, the fastest.
struct roomy : ctnn::budget<ctnn::kib(72), ctnn::kib(64)> {
    struct tcm : ctnn::memory_region<ctnn::kib(8), 0> { static constexpr const char* name = "TCM"; };
    struct sram : ctnn::memory_region<ctnn::kib(64), 1> { static constexpr const char* name = "SRAM"; };
    using regions = ctnn::regions<tcm, sram>;
};
using roomy_net = ctnn::placed<net, roomy>;
static_assert(roomy_net::region_bytes[0] == 5120 && roomy_net::region_bytes[1] == 0);

// Too little everywhere: not placed; fits_within says no (ctnn::fits names the region: tests/fail).
struct cramped : ctnn::budget<4608, ctnn::kib(64)> {
    struct fast : ctnn::memory_region<4096, 0> { static constexpr const char* name = "fast"; };
    struct slow : ctnn::memory_region<512, 1> { static constexpr const char* name = "slow"; };
    using regions = ctnn::regions<fast, slow>;
};
using squeezed = ctnn::placed<net, cramped>;
static_assert(!squeezed::region_plan.placed && squeezed::region_plan.overflow_bytes == 1024);
static_assert(!ctnn::fits_within<squeezed, cramped>);

// A bundled part: the chain model across the STM32F746's DTCM and SRAM.
using on_f7 = ctnn::placed<chain::net, ctnn::targets::stm32f746ng>;
static_assert(ctnn::fits<on_f7, ctnn::targets::stm32f746ng> && on_f7::region_bytes[0] == chain::net::arena_bytes);
}  // namespace regions

TEST_CASE("placed across regions: the same outputs, each tensor in its region's arena") {
    static regions::net::instance one_arena;
    static regions::split::instance split;
    for (int i = 0; i < 1024; ++i) {
        one_arena.input()[std::size_t(i)] = float(i % 37) * 0.05f - 0.9f;
        split.input()[std::size_t(i)] = float(i % 37) * 0.05f - 0.9f;
    }
    one_arena.invoke();
    split.invoke();
    for (std::size_t k = 0; k < 8; ++k) CHECK(split.output()[k] == one_arena.output()[k]);
    const auto* fast = ctnn::region_storage<regions::split, regions::two_banks::fast>::bytes;
    const auto* slow = ctnn::region_storage<regions::split, regions::two_banks::slow>::bytes;
    const auto* input = reinterpret_cast<const std::byte*>(split.input().data());
    const auto* output = reinterpret_cast<const std::byte*>(split.output().data());
    CHECK(input >= fast);
    CHECK(input + 4096 <= fast + 4096);
    CHECK(output >= fast);
    CHECK(output + 8 <= fast + 4096);
    const auto* quantized = reinterpret_cast<const std::byte*>(ctnn::detail::tensor_of<regions::split, 1>(nullptr));
    CHECK(quantized >= slow);
    CHECK(quantized + 1024 <= slow + 1024);
}

// The smallest-RAM schedule (ctnn::optimize_for<M, ctnn::smallest_ram>): stride-1 convolutions
// and depthwise convolutions whose output has their input's shape write over their input
// through a band of rows (plan/in_place_rows.hpp). On 7x5x8 tensors (280 bytes, rows of 40):
// t1 = conv 3x3 (4 -> 8 channels) of t0 (140 bytes), then in place: t2 = depthwise 3x3 (band:
// 1 row + 1 waiting = 80 bytes), t3 = conv 1x1 (1 row, nothing waits: 40), t4 = depthwise 3x3
// dilated 2 (its window starts 2 rows up: 3 rows, 120), t5 = conv 3x3 (80). Fastest: two
// tensors of 280 live at once, 560 bytes; smallest: the first step's 140 + 280 = 420, every
// in-place step below it (280 + 120 at most).
namespace in_place {
using conv_a = widen::conv_weights<8, 3, 3, 4, 51>;
using dw_a = widen::conv_weights<1, 3, 3, 8, 52, 8>;
using pw = widen::conv_weights<8, 1, 1, 8, 53>;
using dw_b = widen::conv_weights<1, 3, 3, 8, 54, 8>;
using conv_b = widen::conv_weights<8, 3, 3, 8, 55>;
using net = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 7, 5, 4>, chain::q0>,
    ctnn::layers::conv2d<conv_a, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>,
    ctnn::layers::depthwise_conv2d<dw_a, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>,
    ctnn::layers::conv2d<pw, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu6>,
    ctnn::layers::depthwise_conv2d<dw_b, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::none, ctnn::dilation<2, 2>>,
    ctnn::layers::conv2d<conv_b, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same>>;
using small = ctnn::optimize_for<net, ctnn::smallest_ram>;
// The portable and reference sets compute one pixel at a time: one-row chunks. (A set that
// computes several pixels at a time takes more rows per chunk: the VNNI tile, Arm DSP.)
constexpr bool portable = std::string_view(net::layer_kernel_sets[0]) == "portable";
}  // namespace in_place

static_assert(in_place::net::in_place_rows == std::array<bool, 6>{});
static_assert(in_place::net::arena_bytes == 560 && in_place::net::arena_lower_bound == 560);
static_assert(in_place::small::in_place_rows == std::array<bool, 6>{false, false, true, true, true, true});
static_assert(in_place::small::row_bands[4].delay == 2 && in_place::small::row_bands[2].delay == 1 && in_place::small::row_bands[3].delay == 0);
static_assert(!in_place::portable || in_place::small::arena_bytes == 420);
static_assert(in_place::small::arena_bytes < in_place::net::arena_bytes);
// Each in-place output takes its input's bytes.
static_assert(in_place::small::plan.offsets[2] == in_place::small::plan.offsets[1] &&
              in_place::small::plan.offsets[5] == in_place::small::plan.offsets[1]);
static_assert(std::is_same_v<ctnn::optimize_for<in_place::small, ctnn::fastest>, in_place::net>);
// The fastest schedule that fits: the default one while it fits, else the smallest-RAM one.
static_assert(std::is_same_v<ctnn::fastest_within<in_place::net, 560>, in_place::net>);
// The estimate (plan::in_place_instructions) on the portable set's one-row bands of 40-byte
// rows: each 280-byte output copied home, and the delay rows moved after each of the first 6 chunks.
static_assert(!in_place::portable || in_place::small::in_place_added_instructions ==
                                         (280 + 240) * 3 / 4 + 280 * 3 / 4 + (280 + 480) * 3 / 4 + (280 + 240) * 3 / 4);
// Below the default arena, every step of this chain is in place or its step holds 560 bytes:
// a budget of 500 needs all four.
static_assert(ctnn::fastest_within<in_place::net, 500>::in_place_rows == in_place::small::in_place_rows);
static_assert(ctnn::fastest_within<in_place::net, 500>::options.ram_budget == 500);
// The other options stay; int16 weights do not change the schedule.
static_assert(ctnn::with_int16_weights<in_place::small>::arena_bytes == in_place::small::arena_bytes);

// The schedules of one model against the default schedule's reference kernels on random int8
// inputs: `fast` (the default schedule) and each of `others`, fast and reference kernels.
template <class Fast, class... Others>
void check_schedules(std::uint32_t seed, int trials, Fast& fast, Others&... others) {
    for (int trial = 0; trial < trials; ++trial) {
        std::vector<std::int8_t> x(fast.input().size());
        for (auto& v : x) v = static_cast<std::int8_t>(chain::xorshift(seed) & 0xff);
        const auto want = outputs_of(fast, x, true);
        CHECK(outputs_of(fast, x) == want);
        const auto check = [&](auto& net) {
            CHECK(outputs_of(net, x) == want);
            CHECK(outputs_of(net, x, true) == want);
        };
        (check(others), ...);
    }
}

TEST_CASE("in place by rows: the same results as the fastest schedule and the reference kernels") {
    static in_place::net::instance fast;
    static in_place::small::instance small;
    check_schedules(9, 20, fast, small);
}

// A 1x1 convolution that halves the channels writes over its input (tests/unit/in_place_model.hpp):
// default 672 + 336 bytes; in place the output takes the input's first 336 bytes (on the portable
// set through a 1-row band of 48 bytes: 720), and the 3x3 convolution's output goes into the
// input's dead bytes after the step (336 + 336).
static_assert(in_place_shrink::net::arena_bytes >= 1008);
static_assert(in_place_shrink::small::in_place_rows[1] && !in_place_shrink::small::in_place_rows[2]);
static_assert(in_place_shrink::small::plan.offsets[1] == in_place_shrink::small::plan.offsets[0]);
static_assert(in_place_shrink::small::arena_bytes < in_place_shrink::net::arena_bytes);
static_assert(!in_place::portable || (in_place_shrink::net::arena_bytes == 1008 && in_place_shrink::small::arena_bytes == 720 &&
                                      in_place_shrink::small::arena_lower_bound == 720));

TEST_CASE("a 1x1 convolution with fewer output channels in place: the same results") {
    static in_place_shrink::net::instance fast;
    static in_place_shrink::small::instance small;
    check_schedules(41, 10, fast, small);
}

// A RAM budget between the two schedules (kernel_options::ram_budget, ctnn::fastest_within):
// 7x5x16 -> depthwise (A: 560 + 560 bytes out of place) -> conv 3x3 stride 2 -> 4x3x16
// (560 + 192) -> 1x1 to 40 channels (192 + 480) -> depthwise (B: 480 + 480). Default: 1,152 (the
// placement is 32 bytes above its lower bound of 1,120);
// smallest RAM: 752 (both in place). Under 1,000 only A must be in place: B goes back out of
// place (960 fits), the dearer A is tried first and stays (1,120 would not).
namespace in_place_budget {
using dw16 = widen::conv_weights<1, 3, 3, 16, 70, 16>;
using down = widen::conv_weights<16, 3, 3, 16, 71>;
using up = widen::conv_weights<40, 1, 1, 16, 72>;
using dw40 = widen::conv_weights<1, 3, 3, 40, 73, 40>;
using net = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 7, 5, 16>, chain::q0>,
    ctnn::layers::depthwise_conv2d<dw16, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>,
    ctnn::layers::conv2d<down, chain::q1, ctnn::stride<2, 2>, ctnn::padding::same, ctnn::act::relu>,
    ctnn::layers::conv2d<up, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>,
    ctnn::layers::depthwise_conv2d<dw40, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same>>;
using small = ctnn::optimize_for<net, ctnn::smallest_ram>;
using within = ctnn::fastest_within<net, 1000>;
}  // namespace in_place_budget

static_assert(in_place_budget::small::in_place_rows == std::array<bool, 5>{false, true, false, false, true});
static_assert(in_place_budget::within::options.ram == ctnn::ram_schedule::smallest && in_place_budget::within::options.ram_budget == 1000);
static_assert(in_place_budget::within::arena_bytes <= 1000 && in_place_budget::within::arena_bytes > in_place_budget::small::arena_bytes);
static_assert(in_place_budget::within::in_place_added_instructions < in_place_budget::small::in_place_added_instructions);
static_assert(!in_place::portable || (in_place_budget::net::arena_bytes == 1152 && in_place_budget::small::arena_bytes == 752 &&
                                      in_place_budget::within::arena_bytes == 960 &&
                                      in_place_budget::within::in_place_rows == std::array<bool, 5>{false, true, false, false, false} &&
                                      in_place_budget::within::in_place_added_instructions == (560 + 6 * 80) * 3 / 4 &&
                                      in_place_budget::small::in_place_added_instructions == (560 + 6 * 80) * 3 / 4 + (480 + 3 * 120) * 3 / 4));
// A budget of the smallest arena keeps what it needs.
static_assert(ctnn::fastest_within<in_place_budget::net, 752>::arena_bytes <= 752);

TEST_CASE("a RAM budget between the schedules: the same results") {
    static in_place_budget::net::instance fast;
    static in_place_budget::small::instance small;
    static in_place_budget::within::instance within;
    check_schedules(17, 10, fast, small, within);
}

// A step stays out of place where in place would not lower the arena (its copy is not free):
// the 1x1 convolution widens 8 -> 16 channels, so its step holds 280 + 560 = 840 bytes in any
// schedule. The first depthwise step (280 + 280) is below that: it stays out of place. The last
// one, on 560-byte tensors, would hold 1,120: in place (560 + a 160-byte band) it does not.
namespace in_place_choice {
using pw16 = widen::conv_weights<16, 1, 1, 8, 61>;
using dw16 = widen::conv_weights<1, 3, 3, 16, 62, 16>;
using net = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 7, 5, 8>, chain::q0>,
    ctnn::layers::depthwise_conv2d<in_place::dw_a, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>,
    ctnn::layers::conv2d<pw16, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same>,
    ctnn::layers::depthwise_conv2d<dw16, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>>;
using small = ctnn::optimize_for<net, ctnn::smallest_ram>;
}  // namespace in_place_choice

static_assert(in_place_choice::net::arena_bytes == 1120);
static_assert(in_place_choice::small::in_place_rows == std::array<bool, 4>{false, false, false, true});
static_assert(in_place_choice::small::arena_bytes == 840 + 0);

// Float edges converted in place (QUANTIZE forward, DEQUANTIZE backward over their input's first
// bytes): 7x5x4 float (560 bytes) -> int8 (140) -> two depthwise 3x3 -> float. Default: 560 + 140
// at each edge, 700 bytes. In the smallest-RAM schedule the int8 input takes the float input's
// first 140 bytes, the first depthwise output goes over its dead float bytes, and the float
// output grows over the second's: 560 bytes, the float tensor alone (the depthwise steps in
// place would not lower it: they stay out of place).
namespace in_place_convert {
using dw4 = widen::conv_weights<1, 3, 3, 4, 56, 4>;
using dw4b = widen::conv_weights<1, 3, 3, 4, 57, 4>;
using net = ctnn::sequential<ctnn::input<ctnn::shape<1, 7, 5, 4>, ctnn::float32>, ctnn::layers::quantize<chain::q0>,
                             ctnn::layers::depthwise_conv2d<dw4, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>,
                             ctnn::layers::depthwise_conv2d<dw4b, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>,
                             ctnn::layers::dequantize>;
using small = ctnn::optimize_for<net, ctnn::smallest_ram>;
}  // namespace in_place_convert

static_assert(in_place_convert::net::arena_bytes == 700);
static_assert(in_place_convert::small::in_place_rows == std::array<bool, 5>{false, true, false, false, true});
static_assert(in_place_convert::small::arena_bytes == 560 && in_place_convert::small::arena_lower_bound == 560);
static_assert(in_place_convert::small::plan.offsets[1] == in_place_convert::small::plan.offsets[0] &&
              in_place_convert::small::plan.offsets[4] == in_place_convert::small::plan.offsets[3]);

TEST_CASE("float edges converted in place: the same bytes as the fastest schedule") {
    static in_place_convert::net::instance fast;
    static in_place_convert::small::instance small;
    std::uint32_t seed = 5;
    for (int trial = 0; trial < 20; ++trial) {
        std::array<float, in_place_convert::net::input_size> x{};
        // Values across the int8 range of q0 (scale 0.05, zero point -7) and beyond it.
        for (auto& v : x) v = static_cast<float>(static_cast<std::int32_t>(chain::xorshift(seed) % 1200) - 600) * 0.0125f;
        auto run = [&](auto& net, bool reference) {
            std::copy(x.begin(), x.end(), net.input().begin());
            if (reference) net.invoke_reference();
            else net.invoke();
            return std::vector<float>(net.output().begin(), net.output().end());
        };
        const auto want = run(fast, true);
        CHECK(run(fast, false) == want);
        CHECK(run(small, false) == want);
        CHECK(run(small, true) == want);
    }
}

// Pruned weights (3 of 4 zero) in each weight form: the sparse, bitmap and nibble kernels run
// on row ranges too.
namespace in_place_pruned {
template <class W>
struct pruned : W {
    static constexpr auto weights = [] {
        auto w = W::weights;
        for (std::size_t i = 0; i < w.size(); ++i)
            if (i % 4 != 1) w[i] = 0;
        return w;
    }();
};
using net = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 7, 5, 4>, chain::q0>,
    ctnn::layers::conv2d<pruned<in_place::conv_a>, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu>,
    ctnn::layers::depthwise_conv2d<pruned<in_place::dw_a>, chain::q2, ctnn::stride<1, 1>, ctnn::padding::same>,
    ctnn::layers::conv2d<pruned<in_place::pw>, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same, ctnn::act::relu6>,
    ctnn::layers::conv2d<pruned<in_place::conv_b>, chain::q1, ctnn::stride<1, 1>, ctnn::padding::same>>;
using small = ctnn::with_sparsity<ctnn::optimize_for<net, ctnn::smallest_ram>, ctnn::sparsity::force>;
using dense = ctnn::with_sparsity<net, ctnn::sparsity::off>;
}  // namespace in_place_pruned

static_assert(in_place_pruned::small::in_place_rows == std::array<bool, 5>{false, false, true, true, true});
static_assert(std::string_view(in_place_pruned::small::layer_weight_forms[2]) != "dense");

TEST_CASE("in place by rows with sparse weight forms: the same results") {
    static in_place_pruned::dense::instance fast;
    static in_place_pruned::small::instance small;
    check_schedules(33, 10, fast, small);
}

TEST_CASE("in place by rows only where it pays: still the same results") {
    static in_place_choice::net::instance fast;
    static in_place_choice::small::instance small;
    check_schedules(21, 10, fast, small);
}
