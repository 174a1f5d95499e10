// SVDF: the layer's reference and portable kernels on two small models (int16 and int8 state),
// three invokes each, with the state reset before every invoke and carried across them. The
// expected outputs are TFLM's (../shared/tools/tflm-ref, on the same model written as a .tflite:
// default mode for the reset rows, --stateful for the carried ones), and the same through a model
// instance: invoke() carrying the state, reset_state() restoring it.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/ctnn.hpp"
#include "ctnn/layers/svdf.hpp"

namespace {

using namespace ctnn;

// Four filters of four inputs, rank 2 (two units), three memory steps.
struct svdf_int16 {
    static constexpr int rank = 2;
    using feature_shape = shape<4, 4>;
    static constexpr std::int8_t weights_feature[16] = {12, -7, 33, 5, -20, 9, 0, 41, 8, 8, -8, 8, 100, -3, 17, -64};
    static constexpr float feature_scale = 0.01f;
    using time_shape = shape<4, 3>;
    static constexpr std::int16_t weights_time[12] = {300, -1200, 2500, -40, 77, 900, 1500, 1500, -600, -2000, 50, 310};
    static constexpr float time_scale = 0.00025f;
    static constexpr std::int32_t bias[2] = {1000, -2500};
    static constexpr float bias_scale = 0.0005f * 0.00025f;
    struct state_quant {
        using element = std::int16_t;
        static constexpr float scale = 0.0005f;
        static constexpr std::int32_t zero_point = 0;
    };
};
struct svdf_int8 {
    static constexpr int rank = 2;
    using feature_shape = shape<4, 4>;
    static constexpr std::int8_t weights_feature[16] = {12, -7, 33, 5, -20, 9, 0, 41, 8, 8, -8, 8, 100, -3, 17, -64};
    static constexpr float feature_scale = 0.01f;
    using time_shape = shape<4, 3>;
    static constexpr std::int8_t weights_time[12] = {30, -120, 25, -40, 77, 90, 15, 15, -60, -20, 50, 31};
    static constexpr float time_scale = 0.01f;
    static constexpr std::int32_t bias[2] = {1000, -2500};
    static constexpr float bias_scale = 0.02f * 0.01f;
    struct state_quant {
        using element = std::int8_t;
        static constexpr float scale = 0.02f;
        static constexpr std::int32_t zero_point = 5;  // the int8 state's zero point: TFLM's reset value
    };
};
struct in_q {
    static constexpr float scale = 0.05f;
    static constexpr std::int32_t zero_point = -3;
};
struct out16_q {
    static constexpr float scale = 0.04f;
    static constexpr std::int32_t zero_point = 4;
};
struct out8_q {
    static constexpr float scale = 0.05f;
    static constexpr std::int32_t zero_point = 4;
};
using in_tensor = tensor_type<shape<1, 4>, in_q>;

constexpr std::int8_t records[3][4] = {{10, -50, 127, -128}, {60, 20, -90, 3}, {-128, -128, 127, 127}};

// Runs the three records through the layer's kernel (reference or portable), resetting the
// state before each or only before the first; returns the six output values.
template <class L, bool Reference>
std::array<std::int8_t, 6> run_records(bool carry) {
    alignas(16) std::array<std::byte, L::state_bytes> state{};
    std::array<std::int8_t, 6> out{};
    L::reset_state(state.data());
    for (int r = 0; r < 3; ++r) {
        if (!carry) L::reset_state(state.data());
        if constexpr (Reference) L::run_reference(records[r], out.data() + 2 * r, state.data());
        else L::template run<kernel_options{}>(records[r], out.data() + 2 * r, state.data(), nullptr);
    }
    return out;
}

template <class L>
void check(std::array<std::int8_t, 6> reset, std::array<std::int8_t, 6> carried) {
    CHECK(run_records<L, true>(false) == reset);
    CHECK(run_records<L, false>(false) == reset);
    CHECK(run_records<L, true>(true) == carried);
    CHECK(run_records<L, false>(true) == carried);
}

}  // namespace

TEST_CASE("svdf int16 state: TFLM's outputs, state reset before each invoke and carried across them") {
    using L = layers::svdf<svdf_int16, out16_q>::bind<in_tensor>;
    static_assert(L::state_bytes == 4 * 3 * 2);
    static_assert(std::is_same_v<L::output::shape, shape<1, 2>>);
    check<L>({20, 20, -16, 6, 57, -10}, {20, 20, -33, -3, 69, -86});
}

TEST_CASE("svdf int8 state with a zero point: TFLM's outputs, reset and carried") {
    using L = layers::svdf<svdf_int8, out8_q>::bind<in_tensor>;
    static_assert(L::state_bytes == 4 * 3);
    alignas(16) std::array<std::byte, L::state_bytes> state{};
    L::reset_state(state.data());
    CHECK(static_cast<std::int8_t>(state[0]) == 5);  // TFLM resets an int8 variable to its zero point
    check<L>({-28, -8, -5, -1, -28, -10}, {-28, -8, -94, -30, 26, 21});
}

TEST_CASE("svdf in a model: invoke() carries the state, reset_state() and construction restore it, as TFLM") {
    using net = ctnn::sequential<ctnn::input<shape<1, 4>, in_q>, layers::svdf<svdf_int16, out16_q>>;
    static_assert(net::state_bytes == 32);  // 24 bytes of state, aligned to 16
    static net::instance m;                 // constructed: the state reset
    const auto run = [&](int r, bool reference) {
        std::copy(std::begin(records[r]), std::end(records[r]), m.input().begin());
        if (reference) m.invoke_reference();
        else m.invoke();
        return std::array<std::int8_t, 2>{m.output()[0], m.output()[1]};
    };
    for (const bool reference : {false, true}) {
        m.reset_state();
        // Three invokes in a row: TFLM's --stateful outputs.
        CHECK(run(0, reference) == std::array<std::int8_t, 2>{20, 20});
        CHECK(run(1, reference) == std::array<std::int8_t, 2>{-33, -3});
        CHECK(run(2, reference) == std::array<std::int8_t, 2>{69, -86});
        // After reset_state(), record 1 alone: TFLM's output with its variables reset.
        m.reset_state();
        CHECK(run(1, reference) == std::array<std::int8_t, 2>{-16, 6});
    }
}
